package centres

import (
	"net/http"

	"dangjian/internal/web"
)

// advanceBody moves a request to accepted, handled or closed; a note is
// required when closing before it was handled.
type advanceBody struct {
	To   string `json:"to"`
	Note string `json:"note,omitempty"`
}

func (h *handlers) apiRequestAdvance(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var b advanceBody
	if err := web.DecodeJSON(r, &b); err != nil {
		return err
	}
	q, err := h.Svc.Centres.Advance(r.Context(), web.ActorOf(r), id, b.To, b.Note)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, q)
	return nil
}
