package commendation

import (
	"net/http"

	"dangjian/internal/commendation"
	"dangjian/internal/day"
	"dangjian/internal/web"
)

// disciplineBody is a member's 党纪处分.
type disciplineBody struct {
	MemberID  int64                       `json:"member_id"`
	Kind      commendation.DisciplineKind `json:"kind"`
	DecidedOn day.Day                     `json:"decided_on"`
	UntilOn   day.Day                     `json:"until_on,omitempty"`
	Note      string                      `json:"note,omitempty"`
}

func (h *handlers) apiDisciplineCreate(w http.ResponseWriter, r *http.Request) error {
	var body disciplineBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	d, err := h.Svc.Commend.RecordDiscipline(r.Context(), web.ActorOf(r), commendation.NewDiscipline{MemberID: body.MemberID,
		Kind: body.Kind, DecidedOn: body.DecidedOn, UntilOn: body.UntilOn, Note: body.Note})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, d)
	return nil
}
