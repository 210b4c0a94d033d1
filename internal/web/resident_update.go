package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/people"
)

func (s *Server) residentUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	res, err := s.svc.People.UpdateResident(r.Context(), actorOf(r), id, residentForm(r, 0))
	if err != nil {
		return s.renderForm(w, r, "resident_form", map[string]any{"Resident": people.Resident{ID: id},
			"Relations": people.Relations}, err)
	}
	return s.redirect(w, r, "/residents/"+strconv.FormatInt(res.ID, 10), "flash.resident_saved")
}
