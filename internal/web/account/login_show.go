package account

import "net/http"

func (h *handlers) loginShow(w http.ResponseWriter, r *http.Request) error {
	return h.Render(w, r, "login", map[string]any{"Next": safeNext(r.URL.Query().Get("next"))})
}

// safeNext keeps redirects after login on this site.
func safeNext(next string) string {
	if next == "" || next[0] != '/' || (len(next) > 1 && (next[1] == '/' || next[1] == '\\')) {
		return "/"
	}
	return next
}
