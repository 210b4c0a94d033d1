package orglife

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

func (h *handlers) fundPropose(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := orglife.NewGrant{MemberID: web.QueryInt(r, "member_id"), Amount: web.FormYuan(r, "amount", f),
		Reason: r.PostFormValue("reason")}
	err := f.Err()
	var g orglife.FundGrant
	if err == nil {
		g, err = h.Svc.OrgLife.ProposeGrant(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "fund_show", h.fundData,
		"/fund?town_id="+strconv.FormatInt(g.TownID, 10), "flash.fund_proposed")
}
