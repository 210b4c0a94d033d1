package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// API of 设岗定责, 评星授旗 and 民主评议. A branch's lists of a year are
// bounded by its size (tens of members) and come whole.

func (h *handlers) apiDutyList(w http.ResponseWriter, r *http.Request) error {
	b, ds, err := h.svc.Members.BranchDuties(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), h.yearParam(r))
	if err != nil {
		return err
	}
	if ds == nil {
		ds = []members.Duty{}
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"branch": b, "items": ds})
	return nil
}

func (h *handlers) apiDutyCreate(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		MemberID int64  `json:"member_id"`
		Year     int    `json:"year"`
		Post     string `json:"post"`
		Duty     string `json:"duty"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	d, err := h.svc.Members.AssignDuty(r.Context(), web.ActorOf(r), members.NewDuty{MemberID: body.MemberID, Year: body.Year,
		Post: body.Post, Duty: body.Duty})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, d)
	return nil
}

func (h *handlers) apiDutyDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.svc.Members.RemoveDuty(r.Context(), web.ActorOf(r), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *handlers) apiStarList(w http.ResponseWriter, r *http.Request) error {
	b, rs, err := h.svc.Members.BranchStars(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), h.yearParam(r))
	if err != nil {
		return err
	}
	if rs == nil {
		rs = []members.StarRating{}
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"branch": b, "items": rs})
	return nil
}

func (h *handlers) apiStarRate(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		MemberID int64    `json:"member_id"`
		Year     int      `json:"year"`
		Leads    []string `json:"leads"`
		Note     string   `json:"note"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	rt, err := h.svc.Members.RateMember(r.Context(), web.ActorOf(r), members.NewRating{MemberID: body.MemberID, Year: body.Year,
		Leads: body.Leads, Note: body.Note})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, rt)
	return nil
}

func (h *handlers) apiEvaluationShow(w http.ResponseWriter, r *http.Request) error {
	sheet, err := h.svc.Members.BranchEvaluation(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), h.yearParam(r))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, sheet)
	return nil
}

func (h *handlers) apiEvaluationRecord(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		OrgID  int64                `json:"org_id"`
		Year   int                  `json:"year"`
		HeldOn string               `json:"held_on"`
		Grades []members.GradeInput `json:"grades"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	held, err := web.JSONDate("held_on", body.HeldOn)
	if err != nil {
		return err
	}
	res, err := h.svc.Members.RecordEvaluation(r.Context(), web.ActorOf(r), members.NewEvaluation{OrgID: body.OrgID,
		Year: body.Year, HeldOn: held, Grades: body.Grades})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, map[string]any{"items": res})
	return nil
}
