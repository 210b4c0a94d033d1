package orglife

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

func (h *handlers) fundIncome(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := orglife.NewIncome{TownID: web.QueryInt(r, "town_id"), Amount: web.FormYuan(r, "amount", f),
		OnDate: web.FormDay(r, "on_date", f), Description: r.PostFormValue("description")}
	err := f.Err()
	if err == nil {
		_, err = h.Svc.OrgLife.RecordFundIncome(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "fund_show", h.fundData,
		"/fund?town_id="+strconv.FormatInt(in.TownID, 10), "flash.fund_income")
}
