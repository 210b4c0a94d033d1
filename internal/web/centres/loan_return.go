package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// loanReturn takes a book back, from the culture centre's page.
func (h *handlers) loanReturn(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	on := web.FormDay(r, "returned_on", f)
	err = f.Err()
	if err == nil {
		loan, lerr := h.Svc.Centres.Return(r.Context(), web.ActorOf(r), id, on)
		if lerr == nil {
			return h.Redirect(w, r, idPath("/centres/", loan.OrgID, "/culture"), "flash.book_returned")
		}
		err = lerr
	}
	return h.centreFormDone(w, r, err, web.QueryInt(r, "org_id"), "culture", "")
}
