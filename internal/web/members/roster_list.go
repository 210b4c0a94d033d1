package members

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) rosterList(w http.ResponseWriter, r *http.Request) error {
	f := memberFilter(r)
	f.Limit = 50
	list, err := h.Svc.Members.List(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	orgs, err := h.memberOrgChoices(r, auth.PermMemberRead)
	if err != nil {
		return err
	}
	next := web.Next(list, f.Limit, func(i int) int64 { return list[i].ID })
	return h.Render(w, r, "roster", map[string]any{"Members": list, "Filter": f, "Query": queryURL(memberQuery(f)),
		"Next": next, "Orgs": orgs, "Categories": members.Categories,
		"Statuses": []string{"", "pipeline", "all", "applicant", "activist", "candidate", "probationary", "full", "left"}})
}
