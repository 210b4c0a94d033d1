package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
)

func (s *Server) fundPropose(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := members.NewGrant{MemberID: queryInt(r, "member_id"), Amount: formAmount(r, "amount", f),
		Reason: r.PostFormValue("reason")}
	err := f.Err()
	var g members.FundGrant
	if err == nil {
		g, err = s.svc.Members.ProposeGrant(r.Context(), actorOf(r), in)
	}
	if err != nil {
		data, derr := s.fundData(r)
		if derr != nil {
			return derr
		}
		return s.renderForm(w, r, "fund_show", data, err)
	}
	return s.redirect(w, r, "/fund?town_id="+strconv.FormatInt(g.TownID, 10), "flash.fund_proposed")
}
