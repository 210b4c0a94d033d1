package sites

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// budgetSet saves a site's budget: one amount a funding source.
func (h *handlers) budgetSet(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	var lines []sites.BudgetLine
	for _, src := range sites.Sources {
		lines = append(lines, sites.BudgetLine{Source: src, Amount: web.FormYuan(r, "budget_"+string(src), f)})
	}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Sites.SetBudget(r.Context(), web.ActorOf(r), id, lines)
	}
	return h.FormDone(w, r, err, "site_show", h.siteData, siteURL(r), "flash.site_budget")
}
