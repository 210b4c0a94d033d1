package people

import (
	"net/http"

	"dangjian/internal/people"
)

// residentEdit is the form to change a resident; the id number field
// starts empty (leave it so to keep the stored number).
func (h *handlers) residentEdit(w http.ResponseWriter, r *http.Request) error {
	res, err := h.residentOf(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "resident_form", map[string]any{"Resident": res, "Relations": people.Relations})
}
