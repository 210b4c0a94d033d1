package centres

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiInfoAnalysis(w http.ResponseWriter, r *http.Request) error {
	an, err := h.Svc.Centres.AnalyseInfo(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), h.yearParam(r))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, an)
	return nil
}
