package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// expenditureNew is the form of a new expenditure request of a village.
func (h *handlers) expenditureNew(w http.ResponseWriter, r *http.Request) error {
	return h.villagePage(w, r, "finance_request_new", h.expenditureNewData)
}

func (h *handlers) expenditureNewData(r *http.Request, orgID int64) (map[string]any, error) {
	accounts, err := h.Svc.Finance.Accounts(r.Context(), web.ActorOf(r), orgID)
	if err != nil {
		return nil, err
	}
	var expense []any
	for _, x := range accounts {
		if x.Leaf && x.Code[:3] != "101" && x.Code[:3] != "102" {
			expense = append(expense, x)
		}
	}
	return map[string]any{"OrgID": orgID, "Accounts": expense}, nil
}
