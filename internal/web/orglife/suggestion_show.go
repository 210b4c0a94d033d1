package orglife

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) suggestionShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.suggestionShowData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "suggestion_show", data)
}

func (h *handlers) suggestionShowData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	sg, err := h.Svc.OrgLife.GetSuggestion(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Suggestion": sg}, nil
}
