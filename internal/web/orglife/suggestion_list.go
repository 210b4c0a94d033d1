package orglife

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// suggestionFilter reads the suggestion list's query, shared by page and API.
func suggestionFilter(r *http.Request) orglife.SuggestionFilter {
	return orglife.SuggestionFilter{OrgID: web.QueryInt(r, "org_id"), Answered: r.FormValue("answered") == "1",
		After: web.QueryInt(r, "after")}
}

// suggestionList lists 谏言献策 in scope: open ones oldest first, or the
// answered ones; with a branch chosen, the form to record one on a
// member's behalf.
func (h *handlers) suggestionList(w http.ResponseWriter, r *http.Request) error {
	if r.FormValue("pick") == "1" {
		return h.pickBranch(w, r, auth.PermMemberWrite, "suggestion.on_behalf")
	}
	data, err := h.suggestionData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "suggestion_list", data)
}

func (h *handlers) suggestionData(r *http.Request) (map[string]any, error) {
	f := suggestionFilter(r)
	f.Limit = 50
	list, err := h.Svc.OrgLife.ListSuggestions(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return nil, err
	}
	next := web.Next(list, f.Limit, func(i int) int64 { return list[i].ID })
	data := map[string]any{"Suggestions": list, "Filter": f, "Next": next}
	if f.OrgID != 0 {
		if err := h.addBranchMembers(r, f.OrgID, data); err != nil {
			return nil, err
		}
	}
	return data, nil
}
