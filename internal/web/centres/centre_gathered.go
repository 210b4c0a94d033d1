package centres

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// gatheredLoad puts on the 教育培训中心 and 科技推广中心 pages what the
// members and organisational-life programmes already record for the
// village — 设岗定责 of the year and 三培养 — entered once and shown here,
// and calls prosperityLoad for the prosperity programme's part.
func (h *handlers) gatheredLoad(r *http.Request, p centres.CentrePage, data map[string]any) error {
	a, ctx := web.ActorOf(r), r.Context()
	if a.Sees(auth.PermMemberRead, p.VillagePath) {
		_, duties, err := h.Svc.OrgLife.BranchDuties(ctx, a, p.VillageID, h.yearParam(r))
		if err != nil {
			return err
		}
		rows, _, err := h.Svc.Members.Cultivation(ctx, a, p.VillageID)
		if err != nil {
			return err
		}
		counts := map[string]any{}
		for _, row := range rows {
			if row.OrgID == p.VillageID {
				for k, c := range row.Counts {
					counts[string(k)] = c
				}
			}
		}
		data["Duties"], data["Cultivation"], data["Year"] = duties, counts, h.yearParam(r)
	}
	return h.prosperityLoad(r, p, data)
}

// prosperityLoad is where the prosperity programme's trainings, industry
// plans and demonstration sites of the village join the education and
// technology centres' pages: it fills data["Prosperity"], which the
// template block "centre_prosperity" shows. Nothing yet.
func (h *handlers) prosperityLoad(r *http.Request, p centres.CentrePage, data map[string]any) error {
	return nil
}
