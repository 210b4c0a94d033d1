package finance

import (
	"net/http"
	"strconv"

	"dangjian/internal/day"

	"dangjian/internal/web"
)

// booksShow is a village's books: the trial balance over a range of
// months, its months with the close, and the monthly disclosure.
func (h *handlers) booksShow(w http.ResponseWriter, r *http.Request) error {
	return h.villagePage(w, r, "finance_books", h.booksData)
}

func (h *handlers) booksData(r *http.Request, orgID int64) (map[string]any, error) {
	a := web.ActorOf(r)
	tb, err := h.Svc.Finance.TrialBalance(r.Context(), a, orgID, r.FormValue("from"), r.FormValue("to"))
	if err != nil {
		return nil, err
	}
	ps, err := h.Svc.Finance.Periods(r.Context(), a, orgID)
	if err != nil {
		return nil, err
	}
	return map[string]any{"TB": tb, "Periods": ps, "LastMonth": h.lastMonth(),
		"LastYear": strconv.Itoa(day.Today(h.Svc.Clock).Year() - 1), "All": r.FormValue("all") == "1"}, nil
}

// booksForm is the books page again after a form on it, for FormDone.
func (h *handlers) booksForm(r *http.Request) (map[string]any, error) {
	return h.booksData(r, web.QueryInt(r, "org_id"))
}
