package people

import (
	"dangjian/internal/web"
	"net/http"
)

// apiResidentReveal answers the full id number; the use case logs it.
func (h *handlers) apiResidentReveal(w http.ResponseWriter, r *http.Request) error {
	res, number, err := h.reveal(w, r)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"id": res.ID, "name": res.Name, "id_number": number})
	return nil
}
