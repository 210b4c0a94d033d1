package people

import (
	"net/http"
	"strconv"

	"dangjian/internal/people"
	"dangjian/internal/web"
)

func (h *handlers) residentUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	res, err := h.Svc.People.UpdateResident(r.Context(), web.ActorOf(r), id, residentForm(r, 0))
	return h.FormDone(w, r, err, "resident_form", func(*http.Request) (map[string]any, error) {
		return map[string]any{"Resident": people.Resident{ID: id}, "Relations": people.Relations}, nil
	}, "/residents/"+strconv.FormatInt(res.ID, 10), "flash.resident_saved")
}
