package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// orgPostsJSON is an organisation's posts.
type orgPostsJSON struct {
	Items []org.Post `json:"items"`
}

func (h *handlers) apiOrgPosts(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	posts, err := h.Svc.Org.Posts(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, orgPostsJSON{Items: web.List(posts)})
	return nil
}
