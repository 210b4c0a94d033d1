package people

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) apiHouseholdUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body householdBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	hh, err := h.Svc.People.UpdateHousehold(r.Context(), web.ActorOf(r), id, body.input())
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, hh)
	return nil
}
