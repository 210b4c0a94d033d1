package org

import (
	"dangjian/internal/org"
	"dangjian/internal/web"
	"net/http"
)

// postHistoryJSON is a post and every term of it.
type postHistoryJSON struct {
	Post    org.Post   `json:"post"`
	History []org.Term `json:"history"`
}

func (h *handlers) apiPostShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	p, history, err := h.Svc.Org.History(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, postHistoryJSON{Post: p, History: web.List(history)})
	return nil
}
