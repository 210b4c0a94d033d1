package sites

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// milestoneBody is a dated step of a site; stage is started, completed
// or left out.
type milestoneBody struct {
	OnDate string `json:"on_date"`
	Stage  string `json:"stage,omitempty"`
	Title  string `json:"title"`
	Note   string `json:"note,omitempty"`
}

func (h *handlers) apiMilestoneCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body milestoneBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	on := day.Of(web.JSONDateInto(f, "on_date", body.OnDate))
	if err := f.Err(); err != nil {
		return err
	}
	m, err := h.Svc.Sites.AddMilestone(r.Context(), web.ActorOf(r), sites.NewMilestone{SiteID: id, OnDate: on,
		Stage: sites.Stage(body.Stage), Title: body.Title, Note: body.Note})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, m)
	return nil
}
