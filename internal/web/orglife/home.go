package orglife

import (
	"net/http"
	"strconv"

	"dangjian/internal/auth"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// home counts the meetings due and overdue in the branches of the user's
// scope, the suggestions waiting for a reply and, for the town, the care
// fund grants waiting for approval.
func (h *handlers) home(r *http.Request) ([]web.HomeItem, error) {
	a := web.ActorOf(r)
	if !a.Can(auth.PermMemberWrite) {
		return nil, nil
	}
	items, err := h.Svc.OrgLife.Overdue(r.Context(), a, orglife.OverdueFilter{Limit: web.HomeLimit})
	if err != nil {
		return nil, err
	}
	late := 0
	for _, it := range items {
		if it.Overdue() {
			late++
		}
	}
	open, err := h.Svc.OrgLife.ListSuggestions(r.Context(), a, orglife.SuggestionFilter{Limit: web.HomeLimit})
	if err != nil {
		return nil, err
	}
	out := []web.HomeItem{
		web.Counted("home.meetings_overdue", late, true, "/overdue"),
		web.Counted("home.meetings_due", len(items)-late, false, "/overdue"),
		web.Counted("home.suggestions_open", len(open), false, "/suggestions"),
	}
	if towns := a.TownIDs(); a.Can(auth.PermMemberManage) && len(towns) > 0 {
		v, err := h.Svc.OrgLife.Fund(r.Context(), a, towns[0], orglife.FundPage{Limit: web.HomeLimit})
		if err != nil {
			return nil, err
		}
		waiting := 0
		for _, g := range v.Grants {
			if g.Status == orglife.GrantProposed {
				waiting++
			}
		}
		out = append(out, web.Counted("home.grants_proposed", waiting, false, "/fund?town_id="+strconv.FormatInt(towns[0], 10)))
	}
	return out, nil
}
