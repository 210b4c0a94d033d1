package centres

import (
	"net/http"

	"dangjian/internal/web"
)

// requestShow is one request with its notes and the next step's form.
func (h *handlers) requestShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.requestData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "request", data)
}

func (h *handlers) requestData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	q, err := h.Svc.Centres.GetRequest(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	next := map[string]string{"filed": "accepted", "accepted": "handled", "handled": "closed"}[q.Stage]
	return map[string]any{"Request": q, "NextStage": next}, nil
}
