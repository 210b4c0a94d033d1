package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

func (h *handlers) apiOrgPosts(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	posts, err := h.svc.Org.Posts(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	if posts == nil {
		posts = []org.Post{}
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": posts})
	return nil
}
