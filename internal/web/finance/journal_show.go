package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// journalShow is a month's posted vouchers in number order (序时账).
func (h *handlers) journalShow(w http.ResponseWriter, r *http.Request) error {
	return h.villagePage(w, r, "finance_journal", func(r *http.Request, orgID int64) (map[string]any, error) {
		f := finance.JournalFilter{OrgID: orgID, Period: h.period(r), After: web.QueryInt(r, "after"), Limit: 100}
		vs, err := h.Svc.Finance.Journal(r.Context(), web.ActorOf(r), f)
		if err != nil {
			return nil, err
		}
		return map[string]any{"OrgID": orgID, "Period": f.Period, "Vouchers": vs,
			"Next": web.Next(vs, f.Limit, func(i int) int64 { return vs[i].Number })}, nil
	})
}
