package sites

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// disbursementCreate records money paid to a site.
func (h *handlers) disbursementCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := sites.NewDisbursement{SiteID: id, Source: sites.Source(r.PostFormValue("source")), Amount: web.FormYuan(r, "amount", f),
		PaidOn: web.FormDay(r, "paid_on", f), Voucher: r.PostFormValue("voucher"), Note: r.PostFormValue("note")}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Sites.RecordDisbursement(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "site_show", h.siteData, siteURL(r), "flash.site_disbursed")
}
