package finance

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// reconciliationRecord records a month's statement balance of one account
// and the items explaining the difference (amounts in 元, signed).
func (h *handlers) reconciliationRecord(w http.ResponseWriter, r *http.Request) error {
	orgID := web.QueryInt(r, "org_id")
	f := apperr.Fields{}
	in := finance.NewReconciliation{OrgID: orgID, AccountCode: r.PostFormValue("account_code"), Period: r.PostFormValue("period"),
		Statement: formYuan(r, "statement", f), Items: []finance.ReconcileItem{}}
	for i := 0; i < reconciliationLines; i++ {
		n := strconv.Itoa(i)
		desc := strings.TrimSpace(r.PostFormValue("item_" + n))
		if desc == "" {
			continue
		}
		in.Items = append(in.Items, finance.ReconcileItem{Description: desc, Amount: formYuan(r, "item_amount_"+n, f)})
	}
	err := f.Err()
	if err == nil {
		_, err = h.Svc.Finance.Reconcile(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "finance_reconciliations", func(r *http.Request) (map[string]any, error) { return h.reconciliationData(r, orgID) },
		"/finance/reconciliations?org_id="+strconv.FormatInt(orgID, 10)+"&period="+in.Period, "flash.finance_reconciled")
}
