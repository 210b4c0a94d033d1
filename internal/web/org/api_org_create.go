package org

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// orgCreateBody is the JSON body of an organisation to create.
type orgCreateBody struct {
	ParentID     int64  `json:"parent_id"`
	Type         string `json:"type"`
	IndustryType string `json:"industry_type,omitempty"`
	Name         string `json:"name"`
	ShortName    string `json:"short_name,omitempty"`
	SortOrder    int    `json:"sort_order,omitempty"`
	FoundedOn    string `json:"founded_on,omitempty"` // YYYY-MM-DD
}

func (h *handlers) apiOrgCreate(w http.ResponseWriter, r *http.Request) error {
	var body orgCreateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.NewOrg{ParentID: body.ParentID, Type: org.Type(body.Type), IndustryType: org.IndustryType(body.IndustryType),
		Name: body.Name, ShortName: body.ShortName, SortOrder: body.SortOrder, FoundedOn: jsonDay(f, "founded_on", body.FoundedOn)}
	if err := f.Err(); err != nil {
		return err
	}
	o, err := h.Svc.Org.Create(r.Context(), web.ActorOf(r), in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, o)
	return nil
}
