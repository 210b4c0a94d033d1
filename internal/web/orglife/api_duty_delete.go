package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiDutyDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.Svc.OrgLife.RemoveDuty(r.Context(), web.ActorOf(r), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
