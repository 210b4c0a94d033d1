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
// village's leaders, review for its supervisors, payment for the agent;
// and for a village's leaders the 清查 discrepancies to resolve.
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
	// Discrepancies of an open 清查 waiting for a village leader's approval.
	for _, b := range a.Bindings {
		if !b.Role.Grants(auth.PermFinanceApprove) {
			continue
		}
		cs, err := h.Svc.Finance.Counts(r.Context(), a, b.OrgID)
		if apperr.KindOf(err) == apperr.KindInvalid {
			continue
		}
		if err != nil {
			return nil, err
		}
		n := 0
		for _, c := range cs {
			n += c.Unresolved
		}
		if n > 0 {
			out = append(out, web.Counted("home.finance_count_to_resolve", n, false, countsLink(b.OrgID)))
		}
	}
	return out, nil
}
