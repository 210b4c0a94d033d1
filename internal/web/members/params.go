package members

import (
	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/web"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Request parameters and small helpers shared by the programme's pages
// and API handlers.

// memberFilter reads the roster filters shared by the page, the export
// and the API.
func memberFilter(r *http.Request) members.Filter {
	return members.Filter{OrgID: web.QueryInt(r, "org_id"), Status: r.FormValue("status"),
		Category: members.Category(r.FormValue("category")), Name: r.FormValue("q"),
		Mobile: r.FormValue("mobile") == "1", AfterID: web.QueryInt(r, "after")}
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
	all, err := h.Svc.Org.List(r.Context(), a, org.Filter{Limit: 500})
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

// homeOrg is the organisation a page defaults to: the actor's first
// binding that grants perm.
func homeOrg(a *auth.Actor, perm auth.Perm) int64 {
	for _, b := range a.Bindings {
		if b.Role.Grants(perm) {
			return b.OrgID
		}
	}
	return 0
}

// jsonDay reads an optional YYYY-MM-DD field into f's problems.
func jsonDay(f apperr.Fields, field, s string) (t time.Time) {
	t, err := web.JSONDate(field, s)
	if e := apperr.As(err); e != nil {
		f.Add(field, e.Fields[field].Key, nil)
	}
	return t
}

// apiMemberAction is the shared shape of the actions above: the member id
// from the path, the JSON body, one use case, the result as JSON.
func (h *handlers) apiMemberAction(w http.ResponseWriter, r *http.Request, body any, do func(id int64, f apperr.Fields) (any, error)) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := web.DecodeJSON(r, body); err != nil {
		return err
	}
	out, err := do(id, apperr.Fields{})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, out)
	return nil
}

// orgParam is the organisation a board or table is for: ?org_id=, or else
// the one the user works on.
func orgParam(r *http.Request) int64 {
	if id := web.QueryInt(r, "org_id"); id != 0 {
		return id
	}
	return homeOrg(web.ActorOf(r), auth.PermMemberRead)
}
