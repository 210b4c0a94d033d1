package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiStatements(w http.ResponseWriter, r *http.Request) error {
	s, err := h.statements(r, web.QueryInt(r, "org_id"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, s)
	return nil
}
