package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiSuggestionShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	sg, err := h.Svc.OrgLife.GetSuggestion(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, sg)
	return nil
}
