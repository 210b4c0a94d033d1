package people

import (
	"net/http"

	"dangjian/internal/people"
	"dangjian/internal/web"
)

// residentReveal shows the resident page once with the full id number.
// It is a POST so that every look is a deliberate, logged action and no
// browser history or cache keeps the number.
func (h *handlers) residentReveal(w http.ResponseWriter, r *http.Request) error {
	res, number, err := h.reveal(w, r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "resident", map[string]any{"Resident": res, "Revealed": number})
}

// reveal asks the use case (which logs the look) for the full number of
// the path's resident and keeps the response out of every cache.
func (h *handlers) reveal(w http.ResponseWriter, r *http.Request) (people.Resident, string, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return people.Resident{}, "", err
	}
	res, number, err := h.Svc.People.Reveal(r.Context(), web.ActorOf(r), id)
	if err == nil {
		w.Header().Set("Cache-Control", "no-store")
	}
	return res, number, err
}
