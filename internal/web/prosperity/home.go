package prosperity

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/web"
)

// home counts, for a village, the households still without a 科技明白人.
func (h *handlers) home(r *http.Request) ([]web.HomeItem, error) {
	a := web.ActorOf(r)
	if !a.Can(auth.PermProsperity) {
		return nil, nil
	}
	ar, err := h.area(r)
	if err != nil || ar.ID == 0 || ar.Town {
		return nil, err
	}
	id := ar.ID
	c, err := h.Svc.Prosper.Coverage(r.Context(), a, id, 0)
	if apperr.KindOf(err) == apperr.KindInvalid {
		return nil, nil // bound to a branch, not a village: nothing to count here
	}
	if err != nil {
		return nil, err
	}
	return []web.HomeItem{web.Counted("home.coverage_gap", c.Total.Households-c.Total.HouseholdsCovered, false,
		"/coverage?org_id="+strconv.FormatInt(id, 10))}, nil
}
