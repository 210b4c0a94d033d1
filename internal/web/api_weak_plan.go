package web

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
)

func (s *Server) apiWeakPlan(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		Plan     string `json:"plan"`
		Deadline string `json:"deadline"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.WeakPlan{FlagID: id, Plan: body.Plan, Deadline: jsonDateInto(f, "deadline", body.Deadline)}
	if err := f.Err(); err != nil {
		return err
	}
	flag, err := s.svc.Org.UpdateWeakPlan(r.Context(), actorOf(r), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, flag)
	return nil
}
