package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// reconciliationLines is how many explaining items the form offers.
const reconciliationLines = 4

// reconciliationList is a month's reconciliation of every cash and bank
// account, and the form to record one.
func (h *handlers) reconciliationList(w http.ResponseWriter, r *http.Request) error {
	return h.villagePage(w, r, "finance_reconciliations", h.reconciliationData)
}

func (h *handlers) reconciliationData(r *http.Request, orgID int64) (map[string]any, error) {
	period := r.FormValue("period")
	if period == "" {
		period = h.lastMonth()
	}
	rs, err := h.Svc.Finance.Reconciliations(r.Context(), web.ActorOf(r), orgID, period)
	if err != nil {
		return nil, err
	}
	items := make([]int, reconciliationLines)
	for i := range items {
		items[i] = i
	}
	return map[string]any{"OrgID": orgID, "Period": period, "Recs": rs, "Items": items}, nil
}
