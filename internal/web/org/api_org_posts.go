package org

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiOrgPosts(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	posts, err := h.Svc.Org.Posts(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	posts = web.List(posts)
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": posts})
	return nil
}
