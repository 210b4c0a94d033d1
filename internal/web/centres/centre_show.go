package centres

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// centreShow is one village's centre: its seats and their post history,
// its open work, and what the centre does, by kind.
func (h *handlers) centreShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.centreData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "centre", data)
}

// centreData loads the centre page and the work shown on it; forms on the
// page show it again with their errors.
func (h *handlers) centreData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	a, ctx, code := web.ActorOf(r), r.Context(), r.PathValue("code")
	p, err := h.Svc.Centres.Centre(ctx, a, id, code)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Page": p, "Code": code, "Today": h.today()}
	readsWork := a.Sees(auth.PermCentresRead, p.VillagePath)
	switch code {
	case "mediation":
		if readsWork {
			if data["Cases"], err = h.Svc.Centres.ListCases(ctx, a, centres.CaseFilter{OrgID: id, Limit: 20}); err != nil {
				return nil, err
			}
			if data["Rota"], err = h.Svc.Centres.Rota(ctx, a, id, h.todayDay(), 10); err != nil {
				return nil, err
			}
			if data["Notes"], err = h.Svc.Centres.EnterpriseNotes(ctx, a, id, 10); err != nil {
				return nil, err
			}
			data["Sources"], data["Categories"] = centres.Sources, centres.CaseCategories
		}
	case "service":
		if readsWork {
			if data["Requests"], err = h.Svc.Centres.ListRequests(ctx, a, centres.RequestFilter{OrgID: id, Limit: 20}); err != nil {
				return nil, err
			}
			data["Kinds"] = centres.RequestKinds
		}
	case "culture":
		if readsWork {
			if data["Culture"], err = h.Svc.Centres.Culture(ctx, a, id); err != nil {
				return nil, err
			}
			data["CultureKinds"] = centres.CultureKinds
		}
	case "education", "technology":
		if err := h.gatheredLoad(r, p, data); err != nil {
			return nil, err
		}
	}
	return data, nil
}
