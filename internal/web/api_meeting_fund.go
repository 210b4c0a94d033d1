package web

import (
	"net/http"

	"dangjian/internal/members"
)

func (s *Server) apiFundShow(w http.ResponseWriter, r *http.Request) error {
	v, err := s.svc.Members.Fund(r.Context(), actorOf(r), fundTown(r), fundPage(r))
	if err != nil {
		return err
	}
	if v.Entries == nil {
		v.Entries = []members.FundEntry{}
	}
	if v.Grants == nil {
		v.Grants = []members.FundGrant{}
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

func (s *Server) apiFundIncome(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		TownID      int64  `json:"town_id"`
		AmountFen   int64  `json:"amount_fen"`
		OnDate      string `json:"on_date"`
		Description string `json:"description"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	on, err := jsonDate("on_date", body.OnDate)
	if err != nil {
		return err
	}
	e, err := s.svc.Members.RecordFundIncome(r.Context(), actorOf(r), members.NewIncome{TownID: body.TownID,
		Amount: members.Fen(body.AmountFen), OnDate: on, Description: body.Description})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, e)
	return nil
}

func (s *Server) apiFundPropose(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		MemberID  int64  `json:"member_id"`
		AmountFen int64  `json:"amount_fen"`
		Reason    string `json:"reason"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	g, err := s.svc.Members.ProposeGrant(r.Context(), actorOf(r), members.NewGrant{MemberID: body.MemberID,
		Amount: members.Fen(body.AmountFen), Reason: body.Reason})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, g)
	return nil
}

func (s *Server) apiFundApprove(w http.ResponseWriter, r *http.Request) error {
	return s.apiFundDecide(w, r, true)
}

func (s *Server) apiFundReject(w http.ResponseWriter, r *http.Request) error {
	return s.apiFundDecide(w, r, false)
}

func (s *Server) apiFundDecide(w http.ResponseWriter, r *http.Request, approve bool) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		Note string `json:"note"`
	}
	if r.ContentLength != 0 {
		if err := decodeJSON(r, &body); err != nil {
			return err
		}
	}
	g, err := s.svc.Members.DecideGrant(r.Context(), actorOf(r), id, approve, body.Note)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, g)
	return nil
}
