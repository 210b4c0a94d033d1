package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// assetApprove approves an asset's disposal.
func (h *handlers) assetApprove(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	x, err := h.Svc.Finance.ApproveDisposal(r.Context(), web.ActorOf(r), id)
	return h.FormDone(w, r, err, "finance_assets", h.assetForm, assetsLink(x.OrgID), "flash.finance_disposal_approved")
}
