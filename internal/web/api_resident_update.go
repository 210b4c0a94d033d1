package web

import "net/http"

func (s *Server) apiResidentUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body residentBody
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	body.HouseholdID = 0 // a resident's household is not changed here
	res, err := s.svc.People.UpdateResident(r.Context(), actorOf(r), id, body.input())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}
