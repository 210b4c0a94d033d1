package finance

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// limitsSet changes a town's approval limits (typed in 元).
func (h *handlers) limitsSet(w http.ResponseWriter, r *http.Request) error {
	town := web.QueryInt(r, "town_id")
	f := apperr.Fields{}
	l := finance.Limits{Signer: formYuan(r, "signer_limit", f), Collective: formYuan(r, "collective_limit", f)}
	err := f.Err()
	if err == nil {
		_, err = h.Svc.Finance.SetTownLimits(r.Context(), web.ActorOf(r), town, l)
	}
	return h.FormDone(w, r, err, "finance_limits", h.limitsData, "/finance/limits?town_id="+strconv.FormatInt(town, 10), "flash.finance_limits_set")
}
