package org

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// weakPlanBody is the JSON body of a revised rectification plan.
type weakPlanBody struct {
	Plan     string `json:"plan"`
	Deadline string `json:"deadline"`
}

func (h *handlers) apiWeakPlan(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body weakPlanBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.WeakPlan{FlagID: id, Plan: body.Plan, Deadline: jsonDay(f, "deadline", body.Deadline)}
	if err := f.Err(); err != nil {
		return err
	}
	flag, err := h.Svc.Org.UpdateWeakPlan(r.Context(), web.ActorOf(r), in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, flag)
	return nil
}
