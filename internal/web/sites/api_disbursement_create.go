package sites

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// disbursementBody is money paid to a site; source defaults to county.
type disbursementBody struct {
	Source    string `json:"source,omitempty"`
	AmountFen int64  `json:"amount_fen"`
	PaidOn    string `json:"paid_on"`
	Voucher   string `json:"voucher,omitempty"`
	Note      string `json:"note,omitempty"`
}

func (h *handlers) apiDisbursementCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body disbursementBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	on := day.Of(web.JSONDateInto(f, "paid_on", body.PaidOn))
	if err := f.Err(); err != nil {
		return err
	}
	d, err := h.Svc.Sites.RecordDisbursement(r.Context(), web.ActorOf(r), sites.NewDisbursement{SiteID: id,
		Source: sites.Source(body.Source), Amount: sites.Fen(body.AmountFen), PaidOn: on, Voucher: body.Voucher, Note: body.Note})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, d)
	return nil
}
