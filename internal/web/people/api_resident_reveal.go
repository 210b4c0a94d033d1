package people

import (
	"dangjian/internal/web"
	"net/http"
)

// revealJSON is a resident's full id number.
type revealJSON struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	IDNumber string `json:"id_number"`
}

// apiResidentReveal answers the full id number; the use case logs it.
func (h *handlers) apiResidentReveal(w http.ResponseWriter, r *http.Request) error {
	res, number, err := h.reveal(w, r)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, revealJSON{ID: res.ID, Name: res.Name, IDNumber: number})
	return nil
}
