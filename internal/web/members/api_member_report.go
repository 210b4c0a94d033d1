package members

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) apiMemberReport(w http.ResponseWriter, r *http.Request) error {
	rep, err := h.Svc.Members.DevelopmentReport(r.Context(), web.ActorOf(r), reportFilter(r))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, rep)
	return nil
}
