package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiAssetCreate(w http.ResponseWriter, r *http.Request) error {
	var body finance.NewAsset
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	x, err := h.Svc.Finance.AddAsset(r.Context(), web.ActorOf(r), body)
	return writeJSON(w, http.StatusCreated, x, err)
}
