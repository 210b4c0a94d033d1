package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiAssetApprove(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	x, err := h.Svc.Finance.ApproveDisposal(r.Context(), web.ActorOf(r), id)
	return writeJSON(w, http.StatusOK, x, err)
}
