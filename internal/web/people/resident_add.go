package people

import (
	"dangjian/internal/web"
	"net/http"
	"strconv"
)

// residentAdd adds a member from the household page; a refused form is
// shown again on that page with what was typed.
func (h *handlers) residentAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	_, err = h.svc.People.AddResident(r.Context(), web.ActorOf(r), residentForm(r, id))
	if err != nil {
		data, derr := h.householdPageData(r)
		if derr != nil {
			return derr
		}
		return h.RenderForm(w, r, "household", data, err)
	}
	return h.Redirect(w, r, "/households/"+strconv.FormatInt(id, 10)+"#members", "flash.resident_added")
}
