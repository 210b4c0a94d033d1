package prosperity

import (
	"net/http"

	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// trainingFilter reads a training list's filter: a village or a town.
func (h *handlers) trainingFilter(r *http.Request, limit int) (prosperity.TrainingFilter, error) {
	f := prosperity.TrainingFilter{Before: web.QueryInt(r, "before"), Limit: limit}
	ar, err := h.area(r)
	if ar.Town {
		f.TownID = ar.ID
	} else {
		f.VillageID = ar.ID
	}
	return f, err
}

// trainingList is the trainings of a village or the town, with the form
// that registers one in a village.
func (h *handlers) trainingList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.listData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "training_list", data)
}

func (h *handlers) listData(r *http.Request) (map[string]any, error) {
	f, err := h.trainingFilter(r, 50)
	if err != nil {
		return nil, err
	}
	ts, err := h.Svc.Prosper.ListTrainings(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Trainings": ts, "Filter": f, "Kinds": prosperity.TrainingKinds, "Today": h.today(),
		"Next": web.Next(ts, f.Limit, func(i int) int64 { return ts[i].ID })}, nil
}
