package centres

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// centreTown is the town's table of every village's five centres: who
// leads each, derived from post holders, and its open and overdue work.
func (h *handlers) centreTown(w http.ResponseWriter, r *http.Request) error {
	a := web.ActorOf(r)
	townID, err := h.Town(r)
	if err != nil {
		return err
	}
	rows, err := h.Svc.Centres.TownCentres(r.Context(), a, townID)
	if err != nil {
		return err
	}
	kinds := make([]string, len(org.CentreKinds))
	for i, k := range org.CentreKinds {
		kinds[i] = k.Code
	}
	return h.Render(w, r, "centre_town", map[string]any{"Rows": rows, "Kinds": kinds, "Count": len(rows) * len(kinds)})
}
