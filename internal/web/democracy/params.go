package democracy

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/democracy"
	"dangjian/internal/web"
)

// villageParam is the village a page is about: ?org_id=, or the only
// village where the actor holds perm; 0 when the page must ask.
func (h *handlers) villageParam(r *http.Request, perm auth.Perm) (int64, []democracy.Village, error) {
	vs, err := h.Svc.Democracy.Villages(r.Context(), web.ActorOf(r), perm)
	if err != nil {
		return 0, nil, err
	}
	if id := web.QueryInt(r, "org_id"); id != 0 {
		return id, vs, nil
	}
	if len(vs) == 1 {
		return vs[0].ID, vs, nil
	}
	return 0, vs, nil
}

// formInt reads a whole number field; empty is 0.
func formInt(r *http.Request, name string, f apperr.Fields) int {
	s := strings.TrimSpace(r.FormValue(name))
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		f.Add(name, "error.number", nil)
	}
	return n
}
