package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// signersJSON is a town's villages with their signers and the latest
// designations.
type signersJSON struct {
	Villages []finance.VillageSigner `json:"villages"`
	History  []finance.SignerChange  `json:"history"`
}

func (h *handlers) apiSignerList(w http.ResponseWriter, r *http.Request) error {
	town, err := h.Town(r)
	if err != nil {
		return err
	}
	vs, hist, err := h.Svc.Finance.TownSigners(r.Context(), web.ActorOf(r), town)
	return writeJSON(w, http.StatusOK, signersJSON{Villages: web.List(vs), History: hist}, err)
}
