package centres

import (
	"net/http"

	"dangjian/internal/web"
)

// apiCentre answers one village's centre of a kind.
func (h *handlers) apiCentre(w http.ResponseWriter, r *http.Request, code string) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	p, err := h.Svc.Centres.Centre(r.Context(), web.ActorOf(r), id, code)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, p)
	return nil
}

func (h *handlers) apiCentreEducation(w http.ResponseWriter, r *http.Request) error {
	return h.apiCentre(w, r, "education")
}

func (h *handlers) apiCentreTechnology(w http.ResponseWriter, r *http.Request) error {
	return h.apiCentre(w, r, "technology")
}

func (h *handlers) apiCentreMediation(w http.ResponseWriter, r *http.Request) error {
	return h.apiCentre(w, r, "mediation")
}

func (h *handlers) apiCentreCulture(w http.ResponseWriter, r *http.Request) error {
	return h.apiCentre(w, r, "culture")
}

func (h *handlers) apiCentreService(w http.ResponseWriter, r *http.Request) error {
	return h.apiCentre(w, r, "service")
}
