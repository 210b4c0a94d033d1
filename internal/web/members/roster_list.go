package members

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"dangjian/internal/auth"
	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// memberFilter reads the roster filters shared by the page, the export
// and the API.
func memberFilter(r *http.Request) members.Filter {
	return members.Filter{OrgID: web.QueryInt(r, "org_id"), Status: r.FormValue("status"),
		Category: members.Category(r.FormValue("category")), Name: r.FormValue("q"),
		Mobile: r.FormValue("mobile") == "1", AfterID: web.QueryInt(r, "after"), Limit: int(web.QueryInt(r, "limit"))}
}

// query is the filter as a query string, for the pager and export links.
func memberQuery(f members.Filter) string {
	v := url.Values{}
	if f.OrgID != 0 {
		v.Set("org_id", strconv.FormatInt(f.OrgID, 10))
	}
	for k, x := range map[string]string{"status": f.Status, "category": string(f.Category), "q": f.Name} {
		if x != "" {
			v.Set(k, x)
		}
	}
	if f.Mobile {
		v.Set("mobile", "1")
	}
	return v.Encode()
}

// queryURL marks an encoded query string as a URL part, so a template
// keeps its = and & instead of escaping them as one value.
func queryURL(encoded string) template.URL { return template.URL(encoded) }

// memberOrgChoices are the organisations a person may be placed in or a
// list narrowed to: the town, villages, branches and industry
// organisations the actor may read members of, in tree order.
func (h *handlers) memberOrgChoices(r *http.Request, perm auth.Perm) ([]org.Org, error) {
	a := web.ActorOf(r)
	all, err := h.svc.Org.List(r.Context(), a, org.Filter{Limit: 500})
	if err != nil {
		return nil, err
	}
	var out []org.Org
	for _, o := range all {
		switch o.Type {
		case org.TypeTown, org.TypeGeneralBranch, org.TypeBranch, org.TypeIndustry:
			if a.CanAt(perm, o.Path) {
				out = append(out, o)
			}
		}
	}
	return out, nil
}

func (h *handlers) rosterList(w http.ResponseWriter, r *http.Request) error {
	f := memberFilter(r)
	f.Limit = 50
	list, err := h.svc.Members.List(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	orgs, err := h.memberOrgChoices(r, auth.PermMemberRead)
	if err != nil {
		return err
	}
	var next int64
	if len(list) == f.Limit {
		next = list[len(list)-1].ID
	}
	return h.Render(w, r, "roster", map[string]any{"Members": list, "Filter": f, "Query": queryURL(memberQuery(f)),
		"Next": next, "Orgs": orgs, "Categories": members.Categories,
		"Statuses": []string{"", "pipeline", "all", "applicant", "activist", "candidate", "probationary", "full", "left"}})
}
