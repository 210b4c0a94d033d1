package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// caseCreateBody opens a case; deadline defaults to 30 days after opened_on.
type caseCreateBody struct {
	OrgID       int64    `json:"org_id"`
	Source      string   `json:"source"`
	Category    string   `json:"category"`
	Title       string   `json:"title"`
	Summary     string   `json:"summary,omitempty"`
	OpenedOn    string   `json:"opened_on"`
	Deadline    string   `json:"deadline,omitempty"`
	ResidentIDs []int64  `json:"resident_ids,omitempty"`
	OtherNames  []string `json:"other_names,omitempty"`
}

func (h *handlers) apiCaseCreate(w http.ResponseWriter, r *http.Request) error {
	var b caseCreateBody
	if err := web.DecodeJSON(r, &b); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := centres.NewCase{OrgID: b.OrgID, Source: b.Source, Category: b.Category, Title: b.Title, Summary: b.Summary,
		OpenedOn: jsonDay(f, "opened_on", b.OpenedOn), Deadline: jsonDay(f, "deadline", b.Deadline),
		ResidentIDs: b.ResidentIDs, OtherNames: b.OtherNames}
	if err := f.Err(); err != nil {
		return err
	}
	c, err := h.Svc.Centres.OpenCase(r.Context(), web.ActorOf(r), in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, c)
	return nil
}
