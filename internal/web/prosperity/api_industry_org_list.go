package prosperity

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// apiIndustryOrgList is a town's industry party organisations with what
// each is set up in (org_id a town; the caller's town by default).
func (h *handlers) apiIndustryOrgList(w http.ResponseWriter, r *http.Request) error {
	ar, err := h.area(r)
	if err != nil {
		return err
	}
	if !ar.Town {
		return apperr.Invalid("org_id", "prosperity.not_town", nil)
	}
	xs, err := h.Svc.Prosper.IndustryOrgs(r.Context(), web.ActorOf(r), ar.ID)
	if err != nil {
		return err
	}
	return web.WriteList(w, xs, len(xs)+1, func(i int) int64 { return xs[i].OrgID })
}
