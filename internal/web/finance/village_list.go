package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// villageList is the start of village finance: the villages whose books
// the viewer reads, and the towns' request lists.
func (h *handlers) villageList(w http.ResponseWriter, r *http.Request) error {
	a := web.ActorOf(r)
	vs, err := h.Svc.Finance.Villages(r.Context(), a)
	if err != nil {
		return err
	}
	return h.Render(w, r, "finance_villages", map[string]any{"Villages": vs, "Towns": a.TownIDs()})
}
