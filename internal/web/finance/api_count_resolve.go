package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// resolutionBody is how a discrepancy is dealt with.
type resolutionBody struct {
	Resolution string `json:"resolution"`
}

func (h *handlers) apiCountResolve(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	var body resolutionBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	l, err := h.Svc.Finance.ResolveDiscrepancy(r.Context(), web.ActorOf(r), id, body.Resolution)
	return writeJSON(w, http.StatusOK, l, err)
}
