package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiMeRecord(w http.ResponseWriter, r *http.Request) error {
	rec, err := h.Svc.OrgLife.Self(r.Context(), web.ActorOf(r), web.QueryInt(r, "before"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, rec)
	return nil
}
