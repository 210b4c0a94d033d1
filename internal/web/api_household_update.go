package web

import "net/http"

func (s *Server) apiHouseholdUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body householdBody
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	h, err := s.svc.People.UpdateHousehold(r.Context(), actorOf(r), id, body.input())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, h)
	return nil
}
