package finance

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// home counts the requests waiting for the viewer's step: approval for a
// village's leaders, review for its supervisors, payment for the agent.
func (h *handlers) home(r *http.Request) ([]web.HomeItem, error) {
	a := web.ActorOf(r)
	var out []web.HomeItem
	for _, step := range []struct {
		perm   auth.Perm
		status string
		label  string
	}{
		{auth.PermFinanceApprove, finance.StatusRequested, "home.finance_to_approve"},
		{auth.PermFinanceReview, finance.StatusApproved, "home.finance_to_review"},
		{auth.PermFinancePay, finance.StatusReviewed, "home.finance_to_pay"},
	} {
		for _, b := range a.Bindings {
			if !b.Role.Grants(step.perm) {
				continue
			}
			list, err := h.Svc.Finance.ListRequests(r.Context(), a, finance.RequestFilter{OrgID: b.OrgID, Status: step.status, Limit: web.HomeLimit})
			if apperr.KindOf(err) == apperr.KindInvalid {
				continue // a county keeps no books and has nothing to count
			}
			if err != nil {
				return nil, err
			}
			out = append(out, web.Counted(step.label, len(list), false,
				"/finance/expenditures?org_id="+strconv.FormatInt(b.OrgID, 10)+"&status="+step.status))
		}
	}
	return out, nil
}
