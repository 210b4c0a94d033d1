package finance

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// expenditureList is the expenditure requests of a village, or of a whole
// town for its agent (?org_id= a town), newest first, by status.
func (h *handlers) expenditureList(w http.ResponseWriter, r *http.Request) error {
	a := web.ActorOf(r)
	orgID := web.QueryInt(r, "org_id")
	if orgID == 0 {
		if towns := a.TownIDs(); len(towns) > 0 && a.CanAt(auth.PermFinanceRead, townPath(a, towns[0])) {
			orgID = towns[0]
		}
	}
	if orgID == 0 {
		return h.villagePage(w, r, "finance_requests", h.expenditureListData)
	}
	data, err := h.expenditureListData(r, orgID)
	if err != nil {
		return err
	}
	return h.Render(w, r, "finance_requests", data)
}

func (h *handlers) expenditureListData(r *http.Request, orgID int64) (map[string]any, error) {
	f := finance.RequestFilter{OrgID: orgID, Status: r.FormValue("status"), Before: web.QueryInt(r, "before"), Limit: 50}
	rs, err := h.Svc.Finance.ListRequests(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return nil, err
	}
	return map[string]any{"OrgID": orgID, "Requests": rs, "Status": f.Status, "Statuses": finance.Statuses,
		"Next": web.Next(rs, f.Limit, func(i int) int64 { return rs[i].ID })}, nil
}
