package people

import (
	"net/http"

	"dangjian/internal/people"
	"dangjian/internal/web"
)

// residentShow is one resident with the id number masked.
func (h *handlers) residentShow(w http.ResponseWriter, r *http.Request) error {
	res, err := h.residentOf(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "resident", map[string]any{"Resident": res})
}

// residentOf loads the resident named by the path's id for the viewer.
func (h *handlers) residentOf(r *http.Request) (people.Resident, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return people.Resident{}, err
	}
	return h.Svc.People.GetResident(r.Context(), web.ActorOf(r), id)
}
