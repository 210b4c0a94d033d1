package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// caseSessionBody is one mediation session.
type caseSessionBody struct {
	HeldOn   string `json:"held_on"`
	Mediator string `json:"mediator"`
	Note     string `json:"note"`
}

func (h *handlers) apiCaseSession(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var b caseSessionBody
	if err := web.DecodeJSON(r, &b); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := centres.SessionInput{HeldOn: jsonDay(f, "held_on", b.HeldOn), Mediator: b.Mediator, Note: b.Note}
	if err := f.Err(); err != nil {
		return err
	}
	c, err := h.Svc.Centres.AddSession(r.Context(), web.ActorOf(r), id, in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, c)
	return nil
}
