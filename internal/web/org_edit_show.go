package web

import "net/http"

// orgEditShow is the form to rename an organisation or change its order.
func (s *Server) orgEditShow(w http.ResponseWriter, r *http.Request) error {
	data, err := s.orgEditPageData(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "org_edit", data)
}

func (s *Server) orgEditPageData(r *http.Request) (map[string]any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	o, err := s.svc.Org.Editable(r.Context(), actorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Org": o}, nil
}
