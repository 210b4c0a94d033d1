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
	res, err := h.svc.People.UpdateResident(r.Context(), web.ActorOf(r), id, residentForm(r, 0))
	if err != nil {
		return h.RenderForm(w, r, "resident_form", map[string]any{"Resident": people.Resident{ID: id},
			"Relations": people.Relations}, err)
	}
	return h.Redirect(w, r, "/residents/"+strconv.FormatInt(res.ID, 10), "flash.resident_saved")
}
