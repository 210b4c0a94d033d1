package web

import (
	"net/http"
	"strconv"
)

// residentAdd adds a member from the household page; a refused form is
// shown again on that page with what was typed.
func (s *Server) residentAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	_, err = s.svc.People.AddResident(r.Context(), actorOf(r), residentForm(r, id))
	if err != nil {
		data, derr := s.householdPageData(r)
		if derr != nil {
			return derr
		}
		return s.renderForm(w, r, "household", data, err)
	}
	return s.redirect(w, r, "/households/"+strconv.FormatInt(id, 10)+"#members", "flash.resident_added")
}
