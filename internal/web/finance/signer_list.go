package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// signerList is a town's villages with their designated 一支笔 signers,
// the form to change each, and the latest changes from the audit.
func (h *handlers) signerList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.signerData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "finance_signers", data)
}

func (h *handlers) signerData(r *http.Request) (map[string]any, error) {
	town, err := h.Town(r)
	if err != nil {
		return nil, err
	}
	vs, hist, err := h.Svc.Finance.TownSigners(r.Context(), web.ActorOf(r), town)
	if err != nil {
		return nil, err
	}
	return map[string]any{"TownID": town, "Villages": vs, "History": hist, "Village": web.QueryInt(r, "org_id")}, nil
}

func signersLink(townID int64) string { return "/finance/signers?town_id=" + itoa(townID) }
