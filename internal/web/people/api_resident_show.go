package people

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) apiResidentShow(w http.ResponseWriter, r *http.Request) error {
	res, err := h.residentOf(r)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, res)
	return nil
}
