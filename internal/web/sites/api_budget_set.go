package sites

import (
	"net/http"

	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// budgetBody is a site's whole budget, one line a funding source.
type budgetBody struct {
	Lines []sites.BudgetLine `json:"lines"`
}

func (h *handlers) apiBudgetSet(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body budgetBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	a := web.ActorOf(r)
	if _, err := h.Svc.Sites.SetBudget(r.Context(), a, id, body.Lines); err != nil {
		return err
	}
	v, err := h.Svc.Sites.Site(r.Context(), a, id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, v)
	return nil
}
