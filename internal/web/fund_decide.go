package web

import (
	"net/http"
	"strconv"
)

// fundDecide approves (decision=approve) or rejects a proposed grant.
func (s *Server) fundDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	approve := r.PostFormValue("decision") == "approve"
	g, err := s.svc.Members.DecideGrant(r.Context(), actorOf(r), id, approve, r.PostFormValue("note"))
	if err != nil {
		data, derr := s.fundData(r)
		if derr != nil {
			return derr
		}
		return s.renderForm(w, r, "fund_show", data, err)
	}
	flash := "flash.fund_rejected"
	if approve {
		flash = "flash.fund_approved"
	}
	return s.redirect(w, r, "/fund?town_id="+strconv.FormatInt(g.TownID, 10), flash)
}
