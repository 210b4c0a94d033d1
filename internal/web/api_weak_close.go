package web

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
)

func (s *Server) apiWeakClose(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		ClosedOn    string `json:"closed_on"`
		ClosingNote string `json:"closing_note"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.WeakClosing{FlagID: id, ClosedOn: jsonDateInto(f, "closed_on", body.ClosedOn), Note: body.ClosingNote}
	if err := f.Err(); err != nil {
		return err
	}
	flag, err := s.svc.Org.CloseWeak(r.Context(), actorOf(r), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, flag)
	return nil
}
