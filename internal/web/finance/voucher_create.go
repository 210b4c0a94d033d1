package finance

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// voucherCreate records a draft voucher from the form's lines (code,
// debit or credit in 元; empty lines are left out) with the photos or
// scans of its documents.
func (h *handlers) voucherCreate(w http.ResponseWriter, r *http.Request) error {
	orgID := web.QueryInt(r, "org_id")
	f := apperr.Fields{}
	in := finance.NewVoucher{OrgID: orgID, Date: formDay(r, "date", f), Summary: r.PostFormValue("summary"),
		Receipts: web.FormUploads(r, "receipts", f)}
	in.Attachments, _ = strconv.Atoi(strings.TrimSpace(r.PostFormValue("attachments")))
	for i := 0; i < voucherLines; i++ {
		n := strconv.Itoa(i)
		code := strings.TrimSpace(r.PostFormValue("code_" + n))
		if code == "" {
			continue
		}
		in.Lines = append(in.Lines, finance.NewLine{AccountCode: code, Summary: r.PostFormValue("line_summary_" + n),
			Debit: formYuan(r, "debit_"+n, f), Credit: formYuan(r, "credit_"+n, f)})
	}
	var v finance.Voucher
	err := f.Err()
	if err == nil {
		v, err = h.Svc.Finance.CreateVoucher(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "finance_vouchers", func(r *http.Request) (map[string]any, error) { return h.voucherData(r, orgID) },
		"/finance/vouchers/"+strconv.FormatInt(v.ID, 10), "flash.finance_voucher_recorded")
}
