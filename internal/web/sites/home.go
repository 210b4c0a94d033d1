package sites

import (
	"net/http"
	"strconv"

	"dangjian/internal/auth"
	"dangjian/internal/web"
)

// home counts, for the town, the plan's sites still owed county money and
// the completed sites waiting for acceptance.
func (h *handlers) home(r *http.Request) ([]web.HomeItem, error) {
	a := web.ActorOf(r)
	towns := a.TownIDs()
	if !a.Can(auth.PermSitesManage) || len(towns) == 0 {
		return nil, nil
	}
	id, err := h.planParam(r)
	if err != nil || id == 0 {
		return nil, err
	}
	rc, err := h.Svc.Sites.Reconcile(r.Context(), a, id)
	if err != nil {
		return nil, err
	}
	unpaid, waiting := 0, 0
	for _, l := range rc.Lines {
		if l.Outstanding > 0 && l.Status != "planned" {
			unpaid++
		}
		if l.Status == "completed" {
			waiting++
		}
	}
	href := "/site-reconciliation?plan_id=" + strconv.FormatInt(id, 10)
	return []web.HomeItem{web.Counted("home.sites_unpaid", unpaid, false, href),
		web.Counted("home.sites_waiting", waiting, false, "/sites?plan_id="+strconv.FormatInt(id, 10))}, nil
}
