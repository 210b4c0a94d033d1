package finance

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/web"
)

// yearClose carries a village's year into 收益分配.
func (h *handlers) yearClose(w http.ResponseWriter, r *http.Request) error {
	orgID := web.QueryInt(r, "org_id")
	year, _ := strconv.Atoi(strings.TrimSpace(r.PostFormValue("year")))
	_, err := h.Svc.Finance.CloseYear(r.Context(), web.ActorOf(r), orgID, year)
	return h.FormDone(w, r, err, "finance_books", h.booksForm, booksLink(orgID), "flash.finance_year_closed")
}
