package members

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// memberNew is the form to enter a member or a new applicant.
func (h *handlers) memberNew(w http.ResponseWriter, r *http.Request) error {
	data, err := h.memberFormData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "member_new", data)
}

func (h *handlers) memberFormData(r *http.Request) (map[string]any, error) {
	orgs, err := h.memberOrgChoices(r, auth.PermMemberWrite)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Orgs": orgs, "OrgID": web.QueryInt(r, "org_id"), "Categories": members.Categories,
		"Statuses": []members.Status{members.StatusFull, members.StatusProbationary, members.StatusApplicant},
		"Today":    h.Svc.Clock.Now()}, nil
}
