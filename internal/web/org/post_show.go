package org

import (
	"dangjian/internal/web"
	"net/http"
)

// postShow is a post's holder history with the form to give it to someone
// new.
func (h *handlers) postShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.postPageData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "post", data)
}

func (h *handlers) postPageData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	a := web.ActorOf(r)
	p, history, err := h.Svc.Org.History(r.Context(), a, id)
	if err != nil {
		return nil, err
	}
	o, err := h.Svc.Org.Get(r.Context(), a, p.OrgID)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Post": p, "Org": o, "History": history, "Today": h.Svc.Clock.Now()}, nil
}
