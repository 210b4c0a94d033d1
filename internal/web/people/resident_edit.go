package people

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/people"
	"dangjian/internal/web"
)

// residentEdit is the form to change a resident; the id number field
// starts empty (leave it so to keep the stored number).
func (h *handlers) residentEdit(w http.ResponseWriter, r *http.Request) error {
	res, err := h.residentOf(r)
	if err != nil {
		return err
	}
	// Reading the resident is not enough to be offered the form.
	if err := web.ActorOf(r).Decide(auth.PermPeopleRead, auth.PermPeopleWrite, res.OrgPath); err != nil {
		return err
	}
	return h.Render(w, r, "resident_form", map[string]any{"Resident": res, "Relations": people.Relations})
}
