package sites

import (
	"net/http"
	"slices"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/org"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// siteNew is the form that registers a site project.
func (h *handlers) siteNew(w http.ResponseWriter, r *http.Request) error {
	data, err := h.newData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "site_new", data)
}

// villageOrgs is a village's general branch and its group branches, as
// the organisation picker groups them.
type villageOrgs struct {
	Village  org.Org
	Own      bool // the general branch itself may be picked
	Branches []org.Org
}

// siteOrgs are the general branches and group branches of the town the
// user may register a site for, village by village.
func (h *handlers) siteOrgs(r *http.Request, town int64) ([]villageOrgs, error) {
	a := web.ActorOf(r)
	list := func(t org.Type) ([]org.Org, error) {
		return h.Svc.Org.List(r.Context(), a, org.Filter{Type: t, TownID: town, Limit: 500})
	}
	vs, err := list(org.TypeGeneralBranch)
	if err != nil {
		return nil, err
	}
	bs, err := list(org.TypeBranch)
	if err != nil {
		return nil, err
	}
	var out []villageOrgs
	at := map[int64]int{}
	for _, v := range vs {
		at[v.ID] = len(out)
		out = append(out, villageOrgs{Village: v, Own: a.CanAt(auth.PermSitesWrite, v.Path)})
	}
	for _, b := range bs {
		if i, ok := at[b.ParentID]; ok && a.CanAt(auth.PermSitesWrite, b.Path) {
			out[i].Branches = append(out[i].Branches, b)
		}
	}
	return slices.DeleteFunc(out, func(v villageOrgs) bool { return !v.Own && len(v.Branches) == 0 }), nil
}

// townPlans are the town's plans for a user who may put sites into one;
// none for anyone else.
func (h *handlers) townPlans(r *http.Request, town int64) ([]sites.Plan, error) {
	a := web.ActorOf(r)
	if !a.Can(auth.PermSitesManage) {
		return nil, nil
	}
	ps, err := h.Svc.Sites.Plans(r.Context(), a, town)
	if apperr.KindOf(err) == apperr.KindNotFound {
		return nil, nil
	}
	return ps, err
}

func (h *handlers) newData(r *http.Request) (map[string]any, error) {
	town, err := h.Town(r)
	if err != nil {
		return nil, err
	}
	if web.QueryInt(r, "town_id") != 0 {
		// A town named in the query is decided like a record.
		if _, err := h.Svc.Sites.Schedule(r.Context(), web.ActorOf(r), town); err != nil {
			return nil, err
		}
	}
	orgs, err := h.siteOrgs(r, town)
	if err != nil {
		return nil, err
	}
	plans, err := h.townPlans(r, town)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Orgs": orgs, "Plans": plans, "Kinds": sites.Kinds, "TownID": town,
		"OrgID": web.QueryInt(r, "org_id"), "PlanID": web.QueryInt(r, "plan_id"),
		"SpecFields": []string{"main_buildings", "annexes", "land_m2", "floor_m2"}}, nil
}
