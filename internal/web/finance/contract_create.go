package finance

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// contractCreate registers a resource and its contract (rent in 元 a year).
func (h *handlers) contractCreate(w http.ResponseWriter, r *http.Request) error {
	orgID := web.QueryInt(r, "org_id")
	f := apperr.Fields{}
	in := finance.NewContract{OrgID: orgID, ResourceName: r.PostFormValue("resource_name"), ResourceKind: r.PostFormValue("resource_kind"),
		Area: r.PostFormValue("area"), Location: r.PostFormValue("location"), Counterparty: r.PostFormValue("counterparty"),
		StartsOn: formDay(r, "starts_on", f), EndsOn: formDay(r, "ends_on", f), AnnualRent: formYuan(r, "annual_rent", f),
		SignerName: r.PostFormValue("signer_name")}
	err := f.Err()
	if err == nil {
		_, err = h.Svc.Finance.AddContract(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "finance_contracts", h.contractForm, contractsLink(orgID), "flash.finance_contract_added")
}
