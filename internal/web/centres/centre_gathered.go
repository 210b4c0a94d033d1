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

// prosperityLoad is where the prosperity programme's trainings and the
// village's industries join the education and technology centres' pages,
// entered once in that programme and shown here (template block
// "centre_prosperity"). Trainings name residents, so they are read only
// with the registry's permission over the village.
func (h *handlers) prosperityLoad(r *http.Request, p centres.CentrePage, data map[string]any) error {
	a, ctx := web.ActorOf(r), r.Context()
	if !a.Sees(auth.PermPeopleRead, p.VillagePath) {
		return nil
	}
	trainings, err := h.Svc.Prosper.TrainingsOfVillage(ctx, a, p.VillageID, 10)
	if err != nil {
		return err
	}
	industries, err := h.Svc.Prosper.IndustriesOfVillage(ctx, a, p.VillageID)
	if err != nil {
		return err
	}
	data["Prosperity"] = map[string]any{"Trainings": trainings, "Industries": industries, "VillageID": p.VillageID}
	return nil
}
