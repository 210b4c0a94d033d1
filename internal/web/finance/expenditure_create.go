package finance

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// expenditureCreate records an expenditure request (amount typed in 元)
// with the photos or scans of its receipts.
func (h *handlers) expenditureCreate(w http.ResponseWriter, r *http.Request) error {
	orgID := web.QueryInt(r, "org_id")
	f := apperr.Fields{}
	in := finance.NewRequest{OrgID: orgID, Purpose: r.PostFormValue("purpose"), Payee: r.PostFormValue("payee"),
		Amount: formYuan(r, "amount", f), ExpenseCode: r.PostFormValue("expense_account_code"), Documents: r.PostFormValue("documents"),
		Receipts: web.FormUploads(r, "receipts", f)}
	var req finance.Request
	err := f.Err()
	if err == nil {
		req, err = h.Svc.Finance.CreateRequest(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "finance_request_new", func(r *http.Request) (map[string]any, error) { return h.expenditureNewData(r, orgID) },
		"/finance/expenditures/"+strconv.FormatInt(req.ID, 10), "flash.finance_requested")
}
