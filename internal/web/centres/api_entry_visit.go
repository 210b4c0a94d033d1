package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// visitBody is a visit made; help_fen is the value of the help in 分.
type visitBody struct {
	VisitedOn string `json:"visited_on"`
	Visitor   string `json:"visitor"`
	Note      string `json:"note"`
	Help      string `json:"help,omitempty"`
	HelpFen   int64  `json:"help_fen,omitempty"`
	NextDue   string `json:"next_due,omitempty"`
}

func (h *handlers) apiEntryVisit(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var b visitBody
	if err := web.DecodeJSON(r, &b); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := centres.VisitInput{VisitedOn: jsonDay(f, "visited_on", b.VisitedOn), Visitor: b.Visitor, Note: b.Note,
		Help: b.Help, HelpFen: b.HelpFen, NextDue: jsonDay(f, "next_due", b.NextDue)}
	if err := f.Err(); err != nil {
		return err
	}
	e, err := h.Svc.Centres.RecordVisit(r.Context(), web.ActorOf(r), id, in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, e)
	return nil
}
