package web

import "net/http"

// postShow is a post's holder history with the form to give it to someone
// new.
func (s *Server) postShow(w http.ResponseWriter, r *http.Request) error {
	data, err := s.postPageData(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "post", data)
}

func (s *Server) postPageData(r *http.Request) (map[string]any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	a := actorOf(r)
	p, history, err := s.svc.Org.History(r.Context(), a, id)
	if err != nil {
		return nil, err
	}
	o, err := s.svc.Org.Get(r.Context(), a, p.OrgID)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Post": p, "Org": o, "History": history, "Today": s.svc.Clock.Now()}, nil
}
