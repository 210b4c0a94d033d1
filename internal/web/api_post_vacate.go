package web

import "net/http"

func (s *Server) apiPostVacate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		EndedOn string `json:"ended_on"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	end, err := jsonDate("ended_on", body.EndedOn)
	if err != nil {
		return err
	}
	if err := s.svc.Org.Vacate(r.Context(), actorOf(r), id, end); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
