package org

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// weakCloseBody is the JSON body of the closing of a rectification.
type weakCloseBody struct {
	ClosedOn    string `json:"closed_on"`
	ClosingNote string `json:"closing_note"`
}

func (h *handlers) apiWeakClose(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body weakCloseBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.WeakClosing{FlagID: id, ClosedOn: jsonDay(f, "closed_on", body.ClosedOn), Note: body.ClosingNote}
	if err := f.Err(); err != nil {
		return err
	}
	flag, err := h.Svc.Org.CloseWeak(r.Context(), web.ActorOf(r), in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, flag)
	return nil
}
