package people

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) apiResidentUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body residentBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	body.HouseholdID = 0 // a resident's household is not changed here
	res, err := h.Svc.People.UpdateResident(r.Context(), web.ActorOf(r), id, body.input())
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, res)
	return nil
}
