package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// limitsShow is a town's approval limits, with the form to change them.
func (h *handlers) limitsShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.limitsData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "finance_limits", data)
}

func (h *handlers) limitsData(r *http.Request) (map[string]any, error) {
	town, err := h.Town(r)
	if err != nil {
		return nil, err
	}
	l, err := h.Svc.Finance.TownLimits(r.Context(), web.ActorOf(r), town)
	if err != nil {
		return nil, err
	}
	return map[string]any{"TownID": town, "Limits": l}, nil
}
