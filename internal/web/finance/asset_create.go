package finance

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// assetCreate enters a fixed asset (value in 元, life in years).
func (h *handlers) assetCreate(w http.ResponseWriter, r *http.Request) error {
	orgID := web.QueryInt(r, "org_id")
	f := apperr.Fields{}
	years, _ := strconv.ParseInt(strings.TrimSpace(r.PostFormValue("life_years")), 10, 64)
	in := finance.NewAsset{OrgID: orgID, Name: r.PostFormValue("name"), Category: r.PostFormValue("category"),
		Location: r.PostFormValue("location"), AcquiredOn: formDay(r, "acquired_on", f), Original: formYuan(r, "original", f),
		LifeMonths: years * 12, Custodian: r.PostFormValue("custodian")}
	err := f.Err()
	if err == nil {
		_, err = h.Svc.Finance.AddAsset(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "finance_assets", h.assetForm, assetsLink(orgID), "flash.finance_asset_added")
}
