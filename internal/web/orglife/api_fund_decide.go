package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

// fundDecideBody is the JSON body of the note of a grant decision.
type fundDecideBody struct {
	Note string `json:"note,omitempty"`
}

func (h *handlers) apiFundApprove(w http.ResponseWriter, r *http.Request) error {
	return h.apiFundDecide(w, r, true)
}

func (h *handlers) apiFundReject(w http.ResponseWriter, r *http.Request) error {
	return h.apiFundDecide(w, r, false)
}

func (h *handlers) apiFundDecide(w http.ResponseWriter, r *http.Request, approve bool) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body fundDecideBody
	if r.ContentLength != 0 {
		if err := web.DecodeJSON(r, &body); err != nil {
			return err
		}
	}
	g, err := h.Svc.Members.DecideGrant(r.Context(), web.ActorOf(r), id, approve, body.Note)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, g)
	return nil
}
