package org

import (
	"dangjian/internal/web"
	"net/http"
)

// orgEditShow is the form to rename an organisation or change its order.
func (h *handlers) orgEditShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.orgEditPageData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "org_edit", data)
}

func (h *handlers) orgEditPageData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	o, err := h.Svc.Org.Editable(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Org": o}, nil
}
