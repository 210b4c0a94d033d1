package centres

import (
	"net/http"

	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// caseFilter reads the case list's query, shared by page and API.
func caseFilter(r *http.Request) centres.CaseFilter {
	return centres.CaseFilter{OrgID: web.QueryInt(r, "org_id"), Closed: r.FormValue("closed") == "1",
		After: web.QueryInt(r, "after")}
}

// caseList lists mediation cases in scope, the overdue first.
func (h *handlers) caseList(w http.ResponseWriter, r *http.Request) error {
	f := caseFilter(r)
	f.Limit = 50
	list, err := h.Svc.Centres.ListCases(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return h.Render(w, r, "case_list", map[string]any{"Cases": list, "Filter": f,
		"Next": web.Next(list, f.Limit, func(i int) int64 { return list[i].ID })})
}
