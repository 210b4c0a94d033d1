package centres

import (
	"net/http"

	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// caseShow is one case with its parties, sessions and the forms that
// move it on.
func (h *handlers) caseShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.caseData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "case", data)
}

func (h *handlers) caseData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	c, err := h.Svc.Centres.GetCase(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Case": c, "Outcomes": centres.Outcomes, "Today": h.today()}, nil
}
