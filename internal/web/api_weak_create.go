package web

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
)

func (s *Server) apiWeakCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		FlaggedOn string `json:"flagged_on"`
		Reason    string `json:"reason"`
		Plan      string `json:"plan"`
		Deadline  string `json:"deadline"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.NewWeakFlag{OrgID: id, FlaggedOn: jsonDateInto(f, "flagged_on", body.FlaggedOn),
		Reason: body.Reason, Plan: body.Plan, Deadline: jsonDateInto(f, "deadline", body.Deadline)}
	if err := f.Err(); err != nil {
		return err
	}
	flag, err := s.svc.Org.Flag(r.Context(), actorOf(r), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, flag)
	return nil
}
