package members

import (
	"net/http"
	"strconv"

	"dangjian/internal/auth"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// home counts the people in development whose next step is overdue or
// can be taken now, on the board of the user's own organisation.
func (h *handlers) home(r *http.Request) ([]web.HomeItem, error) {
	a := web.ActorOf(r)
	orgID := homeOrg(a, auth.PermMemberWrite)
	if orgID == 0 {
		return nil, nil
	}
	b, err := h.Svc.Members.Board(r.Context(), a, orgID)
	if err != nil {
		return nil, err
	}
	overdue, now := 0, 0
	for _, d := range b.Due {
		switch d.State {
		case members.DueOverdue:
			overdue++
		case members.DueNow:
			now++
		}
	}
	href := "/members/board?org_id=" + strconv.FormatInt(orgID, 10)
	return []web.HomeItem{
		web.Counted("home.pipeline_overdue", overdue, true, href),
		web.Counted("home.pipeline_due", now, false, href),
	}, nil
}
