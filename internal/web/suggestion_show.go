package web

import "net/http"

func (s *Server) suggestionShow(w http.ResponseWriter, r *http.Request) error {
	data, err := s.suggestionShowData(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "suggestion_show", data)
}

func (s *Server) suggestionShowData(r *http.Request) (map[string]any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	sg, err := s.svc.Members.GetSuggestion(r.Context(), actorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Suggestion": sg}, nil
}
