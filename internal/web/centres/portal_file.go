package centres

import (
	"net/http"
)

// portalFile files a request from the portal and shows its tracking code
// once; the code is not kept, only its hash.
func (h *handlers) portalFile(w http.ResponseWriter, r *http.Request) error {
	q, code, err := h.Svc.Centres.FileOnline(r.Context(), h.ClientAddr(r), requestInput(r))
	if err != nil {
		return h.FormDone(w, r, err, "portal_service", h.portalData, "", "")
	}
	w.Header().Set("Cache-Control", "no-store")
	return h.Render(w, r, "request_filed", map[string]any{"Request": q, "Code": code})
}
