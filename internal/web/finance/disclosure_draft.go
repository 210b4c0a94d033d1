package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// disclosureDraft files a closed month's 财务公开 with 五公开.
func (h *handlers) disclosureDraft(w http.ResponseWriter, r *http.Request) error {
	orgID := web.QueryInt(r, "org_id")
	_, err := h.Svc.Finance.DraftMonthlyDisclosure(r.Context(), web.ActorOf(r), orgID, r.PostFormValue("period"))
	return h.FormDone(w, r, err, "finance_books", h.booksForm, booksLink(orgID), "flash.finance_disclosure_drafted")
}
