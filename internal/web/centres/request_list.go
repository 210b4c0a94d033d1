package centres

import (
	"net/http"

	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// requestFilter reads the 代办 list's query, shared by page and API.
func requestFilter(r *http.Request) centres.RequestFilter {
	return centres.RequestFilter{OrgID: web.QueryInt(r, "org_id"), Closed: r.FormValue("closed") == "1",
		After: web.QueryInt(r, "after")}
}

// requestList lists 民事代办 requests in scope, the overdue first.
func (h *handlers) requestList(w http.ResponseWriter, r *http.Request) error {
	f := requestFilter(r)
	f.Limit = 50
	list, err := h.Svc.Centres.ListRequests(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return h.Render(w, r, "request_list", map[string]any{"Requests": list, "Filter": f,
		"Next": web.Next(list, f.Limit, func(i int) int64 { return list[i].ID })})
}
