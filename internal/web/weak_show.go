package web

import "net/http"

// weakShow is one flag with the forms to revise its plan and to close it.
func (s *Server) weakShow(w http.ResponseWriter, r *http.Request) error {
	data, err := s.weakPageData(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "weak_flag", data)
}

func (s *Server) weakPageData(r *http.Request) (map[string]any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	flag, err := s.svc.Org.WeakFlag(r.Context(), actorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Flag": flag, "Today": s.svc.Clock.Now()}, nil
}
