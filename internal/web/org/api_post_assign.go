package org

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// postAssignBody is the JSON body of a post's new holder.
type postAssignBody struct {
	HolderName string `json:"holder_name"`
	ResidentID int64  `json:"resident_id,omitempty"`
	StartedOn  string `json:"started_on"`
	Note       string `json:"note,omitempty"`
}

func (h *handlers) apiPostAssign(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body postAssignBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	start, err := web.JSONDate("started_on", body.StartedOn)
	if err != nil {
		return err
	}
	t, err := h.Svc.Org.Assign(r.Context(), web.ActorOf(r), org.Assignment{PostID: id, HolderName: body.HolderName,
		ResidentID: body.ResidentID, StartedOn: day.Of(start), Note: body.Note})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, t)
	return nil
}
