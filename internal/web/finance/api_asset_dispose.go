package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// disposalBody asks for an asset's disposal: the reason and the value
// expected from it in 分.
type disposalBody struct {
	Reason string      `json:"reason"`
	Value  finance.Fen `json:"value_fen,omitempty"`
}

func (h *handlers) apiAssetDispose(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	var body disposalBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	x, err := h.Svc.Finance.RequestDisposal(r.Context(), web.ActorOf(r), id, body.Reason, body.Value)
	return writeJSON(w, http.StatusOK, x, err)
}
