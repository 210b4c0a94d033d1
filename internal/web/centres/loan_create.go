package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// loanCreate lends a book to a resident, from the culture centre's page.
func (h *handlers) loanCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	orgID := web.QueryInt(r, "org_id")
	on := web.FormDay(r, "loaned_on", f)
	err := f.Err()
	if err == nil {
		_, err = h.Svc.Centres.Lend(r.Context(), web.ActorOf(r), web.QueryInt(r, "book_id"), web.QueryInt(r, "resident_id"), on)
	}
	return h.centreFormDone(w, r, err, orgID, "culture", "flash.book_lent")
}
