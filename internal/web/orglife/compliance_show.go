package orglife

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// complianceShow is one branch's compliance over a year, period by period.
func (h *handlers) complianceShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	year := h.yearParam(r)
	rows, err := h.Svc.OrgLife.Compliance(r.Context(), web.ActorOf(r), orglife.ComplianceFilter{Year: year, OrgID: id, Limit: 1})
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return apperr.NotFound()
	}
	now := h.Svc.Clock.Now().Year()
	return h.Render(w, r, "compliance_show", map[string]any{"Row": rows[0], "Year": year,
		"Years": []int{now, now - 1, now - 2}})
}
