package finance

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/web"
)

// assetList is a village's fixed assets with their depreciation, the
// disposal steps, and the form for a new one.
func (h *handlers) assetList(w http.ResponseWriter, r *http.Request) error {
	return h.villagePage(w, r, "finance_assets", h.assetData)
}

func (h *handlers) assetData(r *http.Request, orgID int64) (map[string]any, error) {
	xs, err := h.Svc.Finance.Assets(r.Context(), web.ActorOf(r), orgID, web.QueryInt(r, "before"), 50)
	if err != nil {
		return nil, err
	}
	return map[string]any{"OrgID": orgID, "Assets": xs, "Today": day.Today(h.Svc.Clock).String(),
		"Next": web.Next(xs, 50, func(i int) int64 { return xs[i].ID })}, nil
}

// assetForm is the asset page again after one of its forms.
func (h *handlers) assetForm(r *http.Request) (map[string]any, error) {
	return h.assetData(r, web.QueryInt(r, "org_id"))
}

func assetsLink(orgID int64) string { return "/finance/fixed-assets?org_id=" + itoa(orgID) }
