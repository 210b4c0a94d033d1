package web

import (
	"net/http"
	"strconv"
)

func (s *Server) dutyDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.svc.Members.RemoveDuty(r.Context(), actorOf(r), id); err != nil {
		return err
	}
	return s.redirect(w, r, "/duties?org_id="+strconv.FormatInt(queryInt(r, "org_id"), 10)+
		"&year="+strconv.FormatInt(queryInt(r, "year"), 10), "flash.duty_removed")
}
