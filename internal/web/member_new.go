package web

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/members"
)

// memberNew is the form to enter a member or a new applicant.
func (s *Server) memberNew(w http.ResponseWriter, r *http.Request) error {
	data, err := s.memberFormData(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "member_new", data)
}

func (s *Server) memberFormData(r *http.Request) (map[string]any, error) {
	orgs, err := s.memberOrgChoices(r, auth.PermMemberWrite)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Orgs": orgs, "OrgID": queryInt(r, "org_id"), "Categories": members.Categories,
		"Statuses": []members.Status{members.StatusFull, members.StatusProbationary, members.StatusApplicant},
		"Today":    s.svc.Clock.Now()}, nil
}
