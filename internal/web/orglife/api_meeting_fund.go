package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) apiFundShow(w http.ResponseWriter, r *http.Request) error {
	v, err := h.svc.Members.Fund(r.Context(), web.ActorOf(r), fundTown(r), fundPage(r))
	if err != nil {
		return err
	}
	if v.Entries == nil {
		v.Entries = []members.FundEntry{}
	}
	if v.Grants == nil {
		v.Grants = []members.FundGrant{}
	}
	web.WriteJSON(w, http.StatusOK, v)
	return nil
}

func (h *handlers) apiFundIncome(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		TownID      int64  `json:"town_id"`
		AmountFen   int64  `json:"amount_fen"`
		OnDate      string `json:"on_date"`
		Description string `json:"description"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	on, err := web.JSONDate("on_date", body.OnDate)
	if err != nil {
		return err
	}
	e, err := h.svc.Members.RecordFundIncome(r.Context(), web.ActorOf(r), members.NewIncome{TownID: body.TownID,
		Amount: members.Fen(body.AmountFen), OnDate: on, Description: body.Description})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, e)
	return nil
}

func (h *handlers) apiFundPropose(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		MemberID  int64  `json:"member_id"`
		AmountFen int64  `json:"amount_fen"`
		Reason    string `json:"reason"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	g, err := h.svc.Members.ProposeGrant(r.Context(), web.ActorOf(r), members.NewGrant{MemberID: body.MemberID,
		Amount: members.Fen(body.AmountFen), Reason: body.Reason})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, g)
	return nil
}

func (h *handlers) apiFundApprove(w http.ResponseWriter, r *http.Request) error {
	return h.apiFundDecide(w, r, true)
}

func (h *handlers) apiFundReject(w http.ResponseWriter, r *http.Request) error {
	return h.apiFundDecide(w, r, false)
}

func (h *handlers) apiFundDecide(w http.ResponseWriter, r *http.Request, approve bool) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		Note string `json:"note"`
	}
	if r.ContentLength != 0 {
		if err := web.DecodeJSON(r, &body); err != nil {
			return err
		}
	}
	g, err := h.svc.Members.DecideGrant(r.Context(), web.ActorOf(r), id, approve, body.Note)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, g)
	return nil
}
