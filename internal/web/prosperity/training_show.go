package prosperity

import (
	"net/http"

	"dangjian/internal/web"
)

// trainingShow is one training: sessions, attendees, and the forms that
// record a session and completion.
func (h *handlers) trainingShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.trainingData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "training_show", data)
}

func (h *handlers) trainingData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	a := web.ActorOf(r)
	v, err := h.Svc.Prosper.Training(r.Context(), a, id)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"V": v, "Today": h.today()}
	if a.CanAt("prosperity.write", v.Training.Path) {
		people, err := h.Svc.Prosper.Adults(r.Context(), a, v.Training.VillageID)
		if err != nil {
			return nil, err
		}
		data["People"] = people
	}
	return data, nil
}

// trainingURL is a training's page.
func trainingURL(r *http.Request) string { return "/trainings/" + r.PathValue("id") }
