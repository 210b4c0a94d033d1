package org

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// weakPlan revises an open flag's plan and deadline.
func (h *handlers) weakPlan(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.WeakPlan{FlagID: id, Plan: r.PostFormValue("plan"), Deadline: web.FormDay(r, "deadline", f)}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Org.UpdateWeakPlan(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "weak_flag", h.weakPageData, "/weak/"+strconv.FormatInt(id, 10), "flash.weak_plan_saved")
}
