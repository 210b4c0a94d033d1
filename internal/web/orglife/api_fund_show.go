package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiFundShow(w http.ResponseWriter, r *http.Request) error {
	town, err := h.Town(r)
	if err != nil {
		return err
	}
	v, err := h.Svc.OrgLife.Fund(r.Context(), web.ActorOf(r), town, fundPage(r))
	if err != nil {
		return err
	}
	v.Entries = web.List(v.Entries)
	v.Grants = web.List(v.Grants)
	web.WriteJSON(w, http.StatusOK, v)
	return nil
}
