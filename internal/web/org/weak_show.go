package org

import (
	"dangjian/internal/web"
	"net/http"
)

// weakShow is one flag with the forms to revise its plan and to close it.
func (h *handlers) weakShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.weakPageData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "weak_flag", data)
}

func (h *handlers) weakPageData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	flag, err := h.Svc.Org.WeakFlag(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Flag": flag, "Today": h.Svc.Clock.Now()}, nil
}
