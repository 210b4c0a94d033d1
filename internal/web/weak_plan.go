package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
)

// weakPlan revises an open flag's plan and deadline.
func (s *Server) weakPlan(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.WeakPlan{FlagID: id, Plan: r.PostFormValue("plan"), Deadline: formDate(r, "deadline", f)}
	err = f.Err()
	if err == nil {
		_, err = s.svc.Org.UpdateWeakPlan(r.Context(), actorOf(r), in)
	}
	return s.formDone(w, r, err, "weak_flag", s.weakPageData, "/weak/"+strconv.FormatInt(id, 10), "flash.weak_plan_saved")
}
