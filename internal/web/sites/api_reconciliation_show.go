package sites

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiReconciliationShow(w http.ResponseWriter, r *http.Request) error {
	rc, err := h.reconciliation(r)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, rc)
	return nil
}
