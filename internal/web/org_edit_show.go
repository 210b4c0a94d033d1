package web

import "net/http"

// orgEditShow is the form to rename an organisation or change its order.
func (s *Server) orgEditShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := s.svc.Org.Editable(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	return s.render(w, r, "org_edit", map[string]any{"Org": o})
}
