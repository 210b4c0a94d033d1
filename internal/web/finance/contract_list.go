package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// contractList is a village's resources and their contracts, those ending
// first first, with arrears and expiry warnings, and the forms.
func (h *handlers) contractList(w http.ResponseWriter, r *http.Request) error {
	return h.villagePage(w, r, "finance_contracts", h.contractData)
}

func (h *handlers) contractData(r *http.Request, orgID int64) (map[string]any, error) {
	cs, err := h.Svc.Finance.Contracts(r.Context(), web.ActorOf(r), orgID)
	if err != nil {
		return nil, err
	}
	return map[string]any{"OrgID": orgID, "Contracts": cs, "Kinds": finance.ResourceKinds, "WarnDays": finance.ContractWarnDays}, nil
}

func (h *handlers) contractForm(r *http.Request) (map[string]any, error) {
	return h.contractData(r, web.QueryInt(r, "org_id"))
}

func contractsLink(orgID int64) string { return "/finance/resource-contracts?org_id=" + itoa(orgID) }
