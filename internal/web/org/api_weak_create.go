package org

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// weakCreateBody is the JSON body of a new 软弱涣散 flag.
type weakCreateBody struct {
	FlaggedOn string `json:"flagged_on"`
	Reason    string `json:"reason"`
	Plan      string `json:"plan"`
	Deadline  string `json:"deadline"`
}

func (h *handlers) apiWeakCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body weakCreateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.NewWeakFlag{OrgID: id, FlaggedOn: jsonDay(f, "flagged_on", body.FlaggedOn),
		Reason: body.Reason, Plan: body.Plan, Deadline: jsonDay(f, "deadline", body.Deadline)}
	if err := f.Err(); err != nil {
		return err
	}
	flag, err := h.Svc.Org.Flag(r.Context(), web.ActorOf(r), in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, flag)
	return nil
}
