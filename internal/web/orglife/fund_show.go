package orglife

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// fundPage reads the fund view's paging, shared by page and API.
func fundPage(r *http.Request) orglife.FundPage {
	return orglife.FundPage{EntriesBefore: web.QueryInt(r, "entries_before"), GrantsBefore: web.QueryInt(r, "grants_before"),
		Status: r.FormValue("status")}
}

// fundShow is a town's care fund: balance, ledger, grants, and the forms
// for income, proposals and decisions.
func (h *handlers) fundShow(w http.ResponseWriter, r *http.Request) error {
	if r.FormValue("pick") == "1" {
		return h.pickBranch(w, r, auth.PermMemberWrite, "fund.propose")
	}
	data, err := h.fundData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "fund_show", data)
}

func (h *handlers) fundData(r *http.Request) (map[string]any, error) {
	p := fundPage(r)
	p.Limit = 50
	town, err := h.Town(r)
	if err != nil {
		return nil, err
	}
	v, err := h.Svc.OrgLife.Fund(r.Context(), web.ActorOf(r), town, p)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Fund": v, "Page": p, "Today": h.today()}
	if len(v.Entries) == p.Limit {
		data["NextEntries"] = v.Entries[len(v.Entries)-1].ID
	}
	if len(v.Grants) == p.Limit {
		data["NextGrants"] = v.Grants[len(v.Grants)-1].ID
	}
	if orgID := web.QueryInt(r, "org_id"); orgID != 0 {
		if err := h.addBranchMembers(r, orgID, data); err != nil {
			return nil, err
		}
	}
	return data, nil
}
