package centres

import (
	"net/http"
)

// portalTrack shows a request's state and notes to whoever has its code.
// The code travels in the form body, never in the address, so it stays
// out of logs and browser history.
func (h *handlers) portalTrack(w http.ResponseWriter, r *http.Request) error {
	t, err := h.Svc.Centres.Track(r.Context(), h.ClientAddr(r), r.PostFormValue("code"))
	if err != nil {
		return h.FormDone(w, r, err, "portal_service", h.portalData, "", "")
	}
	w.Header().Set("Cache-Control", "no-store")
	return h.Render(w, r, "portal_tracked", map[string]any{"Tracked": t})
}
