package members

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiMemberBoard(w http.ResponseWriter, r *http.Request) error {
	a, orgID := web.ActorOf(r), orgParam(r)
	b, err := h.Svc.Members.Board(r.Context(), a, orgID)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, b)
	return nil
}
