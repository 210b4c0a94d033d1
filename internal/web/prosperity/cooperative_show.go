package prosperity

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/web"
)

// cooperativeShow is one cooperative with its member households and the
// form that enrols more of the village's households.
func (h *handlers) cooperativeShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.cooperativeData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "cooperative_show", data)
}

func (h *handlers) cooperativeData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	a := web.ActorOf(r)
	v, err := h.Svc.Prosper.Cooperative(r.Context(), a, id)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"V": v, "Today": h.today()}
	if a.CanAt(auth.PermProsperity, v.Path) {
		if data["Households"], err = h.Svc.Prosper.Unenrolled(r.Context(), a, id); err != nil {
			return nil, err
		}
	}
	return data, nil
}
