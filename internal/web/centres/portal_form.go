package centres

import (
	"net/http"

	"dangjian/internal/centres"
)

// portalForm is the public 民事代办 page: file a request without an
// account, or look one up by its code.
func (h *handlers) portalForm(w http.ResponseWriter, r *http.Request) error {
	data, err := h.portalData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "portal_service", data)
}

func (h *handlers) portalData(r *http.Request) (map[string]any, error) {
	vs, err := h.Svc.Centres.PortalVillages(r.Context())
	if err != nil {
		return nil, err
	}
	return map[string]any{"Villages": vs, "Kinds": centres.RequestKinds}, nil
}
