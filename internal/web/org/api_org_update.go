package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// orgUpdateBody is the JSON body of the editable part of an organisation.
type orgUpdateBody struct {
	Name      string `json:"name"`
	ShortName string `json:"short_name,omitempty"`
	SortOrder int    `json:"sort_order,omitempty"`
}

func (h *handlers) apiOrgUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body orgUpdateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	o, err := h.Svc.Org.Update(r.Context(), web.ActorOf(r), org.OrgEdit{ID: id, Name: body.Name,
		ShortName: body.ShortName, SortOrder: body.SortOrder})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, o)
	return nil
}
