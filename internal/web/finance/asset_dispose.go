package finance

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// assetDispose asks for an asset to be disposed of.
func (h *handlers) assetDispose(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	value := formYuan(r, "value", f)
	var x finance.Asset
	if err = f.Err(); err == nil {
		x, err = h.Svc.Finance.RequestDisposal(r.Context(), web.ActorOf(r), id, r.PostFormValue("reason"), value)
	}
	return h.FormDone(w, r, err, "finance_assets", h.assetForm, assetsLink(x.OrgID), "flash.finance_disposal_requested")
}
