package democracy

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/democracy"
	"dangjian/internal/web"
)

// matterCreateBody is the JSON body that opens a matter.
type matterCreateBody struct {
	OrgID       int64  `json:"org_id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	AmountFen   int64  `json:"amount_fen,omitempty"`
}

// stepBody is the JSON body of a step.
type stepBody struct {
	Step              int     `json:"step"`
	Body              string  `json:"body,omitempty"`
	HeldOn            day.Day `json:"held_on"`
	Place             string  `json:"place,omitempty"`
	Present           int     `json:"present,omitempty"`
	PresentHouseholds int     `json:"present_households,omitempty"`
	Yes               int     `json:"yes,omitempty"`
	No                int     `json:"no,omitempty"`
	Abstain           int     `json:"abstain,omitempty"`
	Outcome           string  `json:"outcome,omitempty"`
	Note              string  `json:"note,omitempty"`
}

func (h *handlers) apiMatterList(w http.ResponseWriter, r *http.Request) error {
	f := democracy.MatterFilter{OrgID: web.QueryInt(r, "org_id"), Before: web.QueryInt(r, "before")}
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	list, err := h.Svc.Democracy.ListMatters(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, list, f.Limit, func(i int) int64 { return list[i].ID })
}

func (h *handlers) apiMatterCreate(w http.ResponseWriter, r *http.Request) error {
	var b matterCreateBody
	if err := web.DecodeJSON(r, &b); err != nil {
		return err
	}
	m, err := h.Svc.Democracy.CreateMatter(r.Context(), web.ActorOf(r), democracy.NewMatter{OrgID: b.OrgID, Title: b.Title,
		Description: b.Description, AmountFen: b.AmountFen})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, m)
	return nil
}

func (h *handlers) apiMatterShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	m, err := h.Svc.Democracy.GetMatter(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, m)
	return nil
}

func (h *handlers) apiMatterStep(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var b stepBody
	if err := web.DecodeJSON(r, &b); err != nil {
		return err
	}
	m, err := h.Svc.Democracy.RecordStep(r.Context(), web.ActorOf(r), democracy.StepInput{MatterID: id, Step: b.Step, Body: b.Body,
		HeldOn: b.HeldOn, Place: b.Place, Present: b.Present, PresentHouseholds: b.PresentHouseholds, Yes: b.Yes, No: b.No,
		Abstain: b.Abstain, Outcome: b.Outcome, Note: b.Note})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, m)
	return nil
}

func (h *handlers) apiDisclosureLate(w http.ResponseWriter, r *http.Request) error {
	list, err := h.Svc.Democracy.Overdue(r.Context(), web.ActorOf(r))
	if err != nil {
		return err
	}
	return web.WriteList(w, list, 0, func(i int) int64 { return 0 })
}
