package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// periodClose closes a month of a village's books.
func (h *handlers) periodClose(w http.ResponseWriter, r *http.Request) error {
	orgID := web.QueryInt(r, "org_id")
	_, err := h.Svc.Finance.ClosePeriod(r.Context(), web.ActorOf(r), orgID, r.PostFormValue("period"))
	return h.FormDone(w, r, err, "finance_books", h.booksForm, booksLink(orgID), "flash.finance_period_closed")
}
