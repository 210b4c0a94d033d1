package members

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// The API's actions on one member: each decodes its body, calls one use
// case and answers the member (or tag) as it is afterwards.

func (h *handlers) apiMemberTransfer(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		ToOrgID int64  `json:"to_org_id"`
		On      string `json:"on"`
		Note    string `json:"note"`
	}
	return h.apiMemberAction(w, r, &body, func(id int64, f apperr.Fields) (any, error) {
		in := members.TransferInput{ToOrgID: body.ToOrgID, On: jsonDay(f, "on", body.On), Note: body.Note}
		if err := f.Err(); err != nil {
			return nil, err
		}
		return h.svc.Members.Transfer(r.Context(), web.ActorOf(r), id, in)
	})
}

func (h *handlers) apiMemberLeave(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		Reason string `json:"reason"`
		On     string `json:"on"`
		Note   string `json:"note"`
	}
	return h.apiMemberAction(w, r, &body, func(id int64, f apperr.Fields) (any, error) {
		in := members.LeaveInput{Reason: body.Reason, On: jsonDay(f, "on", body.On), Note: body.Note}
		if err := f.Err(); err != nil {
			return nil, err
		}
		return h.svc.Members.Leave(r.Context(), web.ActorOf(r), id, in)
	})
}

func (h *handlers) apiMemberMobile(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		Mobile bool   `json:"mobile"`
		On     string `json:"on"`
		Note   string `json:"note"`
	}
	return h.apiMemberAction(w, r, &body, func(id int64, f apperr.Fields) (any, error) {
		on := jsonDay(f, "on", body.On)
		if err := f.Err(); err != nil {
			return nil, err
		}
		return h.svc.Members.SetMobile(r.Context(), web.ActorOf(r), id, body.Mobile, on, body.Note)
	})
}

func (h *handlers) apiMemberStep(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		Step          string `json:"step"`
		On            string `json:"on"`
		TrainingDays  int    `json:"training_days"`
		TrainingHours int    `json:"training_hours"`
		Months        int    `json:"months"`
		Note          string `json:"note"`
	}
	return h.apiMemberAction(w, r, &body, func(id int64, f apperr.Fields) (any, error) {
		in := members.StepInput{Step: members.Step(body.Step), On: jsonDay(f, "on", body.On), TrainingDays: body.TrainingDays,
			TrainingHours: body.TrainingHours, Months: body.Months, Note: body.Note}
		if err := f.Err(); err != nil {
			return nil, err
		}
		return h.svc.Members.RecordStep(r.Context(), web.ActorOf(r), id, in)
	})
}

func (h *handlers) apiMemberTagAdd(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		Kind      string `json:"kind"`
		StartedOn string `json:"started_on"`
		Note      string `json:"note"`
	}
	return h.apiMemberAction(w, r, &body, func(id int64, f apperr.Fields) (any, error) {
		in := members.TagInput{Kind: members.TagKind(body.Kind), StartedOn: jsonDay(f, "started_on", body.StartedOn), Note: body.Note}
		if err := f.Err(); err != nil {
			return nil, err
		}
		return h.svc.Members.AddTag(r.Context(), web.ActorOf(r), id, in)
	})
}

func (h *handlers) apiMemberTagClose(w http.ResponseWriter, r *http.Request) error {
	tag, err := web.PathID(r, "tag")
	if err != nil {
		return err
	}
	var body struct {
		Achieved bool   `json:"achieved"`
		On       string `json:"on"`
	}
	return h.apiMemberAction(w, r, &body, func(id int64, f apperr.Fields) (any, error) {
		on := jsonDay(f, "on", body.On)
		if err := f.Err(); err != nil {
			return nil, err
		}
		return h.svc.Members.CloseTag(r.Context(), web.ActorOf(r), id, tag, body.Achieved, on)
	})
}

// apiMemberAction is the shared shape of the actions above: the member id
// from the path, the JSON body, one use case, the result as JSON.
func (h *handlers) apiMemberAction(w http.ResponseWriter, r *http.Request, body any, do func(id int64, f apperr.Fields) (any, error)) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := web.DecodeJSON(r, body); err != nil {
		return err
	}
	out, err := do(id, apperr.Fields{})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, out)
	return nil
}
