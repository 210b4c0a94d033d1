package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiDepartureShow(w http.ResponseWriter, r *http.Request) error {
	da, err := h.departure(r, web.QueryInt(r, "org_id"))
	return writeJSON(w, http.StatusOK, da, err)
}
