package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
)

func (s *Server) fundIncome(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := members.NewIncome{TownID: queryInt(r, "town_id"), Amount: formAmount(r, "amount", f),
		OnDate: formDate(r, "on_date", f), Description: r.PostFormValue("description")}
	err := f.Err()
	if err == nil {
		_, err = s.svc.Members.RecordFundIncome(r.Context(), actorOf(r), in)
	}
	if err != nil {
		data, derr := s.fundData(r)
		if derr != nil {
			return derr
		}
		return s.renderForm(w, r, "fund_show", data, err)
	}
	return s.redirect(w, r, "/fund?town_id="+strconv.FormatInt(in.TownID, 10), "flash.fund_income")
}
