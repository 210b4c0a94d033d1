package web

import (
	"net/http"

	"dangjian/internal/people"
)

func (s *Server) apiHouseholdShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	h, rs, err := s.svc.People.GetHousehold(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	if rs == nil {
		rs = []people.Resident{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"household": h, "residents": rs})
	return nil
}
