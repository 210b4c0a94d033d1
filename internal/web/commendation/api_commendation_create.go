package commendation

import (
	"net/http"

	"dangjian/internal/web"
)

// commendationCreateBody begins a commendation.
type commendationCreateBody struct {
	OrgID int64 `json:"org_id"`
	Year  int   `json:"year"`
}

func (h *handlers) apiCommendationCreate(w http.ResponseWriter, r *http.Request) error {
	var body commendationCreateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	sh, err := h.Svc.Commend.Start(r.Context(), web.ActorOf(r), body.OrgID, body.Year)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, sh)
	return nil
}
