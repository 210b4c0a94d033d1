package sites

import (
	"net/http"

	"dangjian/internal/web"
)

// overrideBody is a site's own subsidy in 分 and its reason; without
// override_fen the site follows the schedule again.
type overrideBody struct {
	OverrideFen    *int64 `json:"override_fen,omitempty"`
	OverrideReason string `json:"override_reason,omitempty"`
}

func (h *handlers) apiOverrideSet(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body overrideBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	x, err := h.Svc.Sites.SetOverride(r.Context(), web.ActorOf(r), id, fenOf(body.OverrideFen), body.OverrideReason)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, x)
	return nil
}
