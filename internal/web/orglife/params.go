package orglife

import (
	"net/http"
	"net/url"
	"strconv"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// yearParam reads ?year=, defaulting to this year.
func (h *handlers) yearParam(r *http.Request) int {
	if y := web.QueryInt(r, "year"); y != 0 {
		return int(y)
	}
	return h.Svc.Clock.Now().Year()
}

// branchParam is the branch a page is about: ?org_id=, or else the only
// branch where the actor holds perm. Zero means the page must ask, and
// pickBranch renders the question.
func (h *handlers) branchParam(r *http.Request, perm auth.Perm) (int64, error) {
	if id := web.QueryInt(r, "org_id"); id != 0 {
		return id, nil
	}
	bs, err := h.Svc.OrgLife.ListBranches(r.Context(), web.ActorOf(r), orglife.BranchFilter{Perm: perm, Limit: 2})
	if err != nil || len(bs) != 1 {
		return 0, err
	}
	return bs[0].ID, nil
}

// pickBranch renders the list of branches to choose from for a page that
// needs one; each links back to the page with ?org_id=.
func (h *handlers) pickBranch(w http.ResponseWriter, r *http.Request, perm auth.Perm, titleKey string) error {
	f := orglife.BranchFilter{Perm: perm, Query: r.FormValue("q"), After: web.QueryInt(r, "after"), Limit: 100}
	bs, err := h.Svc.OrgLife.ListBranches(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	next := web.Next(bs, f.Limit, func(i int) int64 { return bs[i].ID })
	keep := url.Values{}
	for k, v := range r.URL.Query() {
		if k != "org_id" && k != "after" && k != "q" && k != "pick" {
			keep[k] = v
		}
	}
	link := func(id int64) string {
		q := url.Values{}
		for k, v := range keep {
			q[k] = v
		}
		q.Set("org_id", strconv.FormatInt(id, 10))
		return r.URL.Path + "?" + q.Encode()
	}
	rows := make([]map[string]any, len(bs))
	for i, b := range bs {
		rows[i] = map[string]any{"Name": b.Name, "Link": link(b.ID)}
	}
	return h.Render(w, r, "meeting_pick", map[string]any{"TitleKey": titleKey, "Branches": rows, "Next": next,
		"Query": f.Query, "Path": r.URL.Path, "Keep": keep})
}

// branchYearPage renders a page about one branch and one year (?org_id=,
// ?year=), first asking for the branch when the actor reads several.
func (h *handlers) branchYearPage(w http.ResponseWriter, r *http.Request, page, titleKey string,
	data func(r *http.Request, orgID int64, year int) (map[string]any, error)) error {
	orgID, err := h.branchParam(r, auth.PermMemberRead)
	if err != nil {
		return err
	}
	if orgID == 0 {
		return h.pickBranch(w, r, auth.PermMemberRead, titleKey)
	}
	d, err := data(r, orgID, h.yearParam(r))
	if err != nil {
		return err
	}
	return h.Render(w, r, page, d)
}

// addBranchMembers puts a branch ("Branch") and its members today, as
// the options of a member select ("Members"), into a page's data.
func (h *handlers) addBranchMembers(r *http.Request, orgID int64, data map[string]any) error {
	b, ms, err := h.Svc.OrgLife.BranchMembers(r.Context(), web.ActorOf(r), orgID)
	if err != nil {
		return err
	}
	opts := make([]map[string]any, len(ms))
	for i, m := range ms {
		opts[i] = map[string]any{"ID": m.MemberID, "Name": m.Name, "Status": string(m.Status)}
	}
	data["Branch"], data["Members"] = b, opts
	return nil
}

// today is the server's current day, for form defaults.
func (h *handlers) today() string { return day.Today(h.Svc.Clock).String() }
