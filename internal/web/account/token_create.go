package account

import (
	"dangjian/internal/web"
	"net/http"
)

// tokenCreate issues an API token and shows it once.
func (h *handlers) tokenCreate(w http.ResponseWriter, r *http.Request) error {
	token, err := h.Svc.Auth.CreateAPIToken(r.Context(), web.ActorOf(r), r.PostFormValue("name"))
	data, derr := h.accountData(r, token)
	if derr != nil {
		return derr
	}
	return h.RenderForm(w, r, "account", data, err)
}
