package account

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) accountShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.accountData(r, "")
	if err != nil {
		return err
	}
	return h.Render(w, r, "account", data)
}

func (h *handlers) accountData(r *http.Request, newToken string) (map[string]any, error) {
	tokens, err := h.Svc.Auth.ListAPITokens(r.Context(), web.ActorOf(r))
	return map[string]any{"Tokens": tokens, "NewToken": newToken}, err
}
