package web

import (
	"net/http"

	"dangjian/internal/members"
)

// API of 设岗定责, 评星授旗 and 民主评议. A branch's lists of a year are
// bounded by its size (tens of members) and come whole.

func (s *Server) apiDutyList(w http.ResponseWriter, r *http.Request) error {
	b, ds, err := s.svc.Members.BranchDuties(r.Context(), actorOf(r), queryInt(r, "org_id"), s.yearParam(r))
	if err != nil {
		return err
	}
	if ds == nil {
		ds = []members.Duty{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"branch": b, "items": ds})
	return nil
}

func (s *Server) apiDutyCreate(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		MemberID int64  `json:"member_id"`
		Year     int    `json:"year"`
		Post     string `json:"post"`
		Duty     string `json:"duty"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	d, err := s.svc.Members.AssignDuty(r.Context(), actorOf(r), members.NewDuty{MemberID: body.MemberID, Year: body.Year,
		Post: body.Post, Duty: body.Duty})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, d)
	return nil
}

func (s *Server) apiDutyDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.svc.Members.RemoveDuty(r.Context(), actorOf(r), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiStarList(w http.ResponseWriter, r *http.Request) error {
	b, rs, err := s.svc.Members.BranchStars(r.Context(), actorOf(r), queryInt(r, "org_id"), s.yearParam(r))
	if err != nil {
		return err
	}
	if rs == nil {
		rs = []members.StarRating{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"branch": b, "items": rs})
	return nil
}

func (s *Server) apiStarRate(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		MemberID int64    `json:"member_id"`
		Year     int      `json:"year"`
		Leads    []string `json:"leads"`
		Note     string   `json:"note"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	rt, err := s.svc.Members.RateMember(r.Context(), actorOf(r), members.NewRating{MemberID: body.MemberID, Year: body.Year,
		Leads: body.Leads, Note: body.Note})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rt)
	return nil
}

func (s *Server) apiEvaluationShow(w http.ResponseWriter, r *http.Request) error {
	sheet, err := s.svc.Members.BranchEvaluation(r.Context(), actorOf(r), queryInt(r, "org_id"), s.yearParam(r))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, sheet)
	return nil
}

func (s *Server) apiEvaluationRecord(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		OrgID  int64                `json:"org_id"`
		Year   int                  `json:"year"`
		HeldOn string               `json:"held_on"`
		Grades []members.GradeInput `json:"grades"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	held, err := jsonDate("held_on", body.HeldOn)
	if err != nil {
		return err
	}
	res, err := s.svc.Members.RecordEvaluation(r.Context(), actorOf(r), members.NewEvaluation{OrgID: body.OrgID,
		Year: body.Year, HeldOn: held, Grades: body.Grades})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, map[string]any{"items": res})
	return nil
}
