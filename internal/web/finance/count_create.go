package finance

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// countCreate opens a 清查 campaign and shows its report.
func (h *handlers) countCreate(w http.ResponseWriter, r *http.Request) error {
	orgID := web.QueryInt(r, "org_id")
	f := apperr.Fields{}
	in := finance.NewCount{OrgID: orgID, Name: r.PostFormValue("name"), StartsOn: formDay(r, "starts_on", f)}
	var c finance.Count
	err := f.Err()
	if err == nil {
		c, err = h.Svc.Finance.OpenCount(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "finance_counts", h.countListForm, countLink(c.ID), "flash.finance_count_opened")
}
