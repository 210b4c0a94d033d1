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
	_, err = h.Svc.People.AddResident(r.Context(), web.ActorOf(r), residentForm(r, id))
	return h.FormDone(w, r, err, "household", h.householdPageData,
		"/households/"+strconv.FormatInt(id, 10)+"#members", "flash.resident_added")
}
