package democracy

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/democracy"
	"dangjian/internal/web"
)

// matterList lists matters in scope, newest first, with the form to open
// one for the chosen village.
func (h *handlers) matterList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.matterListData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "matter_list", data)
}

func (h *handlers) matterListData(r *http.Request) (map[string]any, error) {
	a := web.ActorOf(r)
	f := democracy.MatterFilter{OrgID: web.QueryInt(r, "org_id"), Before: web.QueryInt(r, "before"), Limit: 50}
	list, err := h.Svc.Democracy.ListMatters(r.Context(), a, f)
	if err != nil {
		return nil, err
	}
	writable, err := h.Svc.Democracy.Villages(r.Context(), a, auth.PermDemocracyWrite)
	if err != nil {
		return nil, err
	}
	next := web.Next(list, f.Limit, func(i int) int64 { return list[i].ID })
	return map[string]any{"Matters": list, "Filter": f, "Next": next, "Villages": writable}, nil
}

// matterCreate opens a matter.
func (h *handlers) matterCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := democracy.NewMatter{OrgID: web.QueryInt(r, "org_id"), Title: r.PostFormValue("title"),
		Description: r.PostFormValue("description"), AmountFen: int64(web.FormYuan(r, "amount", f))}
	var m democracy.Matter
	err := f.Err()
	if err == nil {
		m, err = h.Svc.Democracy.CreateMatter(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "matter_list", h.matterListData, "/matters/"+strconv.FormatInt(m.ID, 10), "flash.matter_created")
}

// matterShow shows a matter's records and the form for its next step.
func (h *handlers) matterShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.matterShowData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "matter_show", data)
}

func (h *handlers) matterShowData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	m, err := h.Svc.Democracy.GetMatter(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Matter": m, "Next": m.Next(), "Today": h.today()}
	// 应到 of the next step today, from the rosters, so the form shows it
	// before anything is typed (step 4: both bodies).
	if next := m.Next(); next >= 1 && next <= democracy.StepDecide {
		today := day.Today(h.Svc.Clock)
		for key, body := range map[string]string{"Expected": democracy.BodyRepresentatives, "ExpectedVillagers": democracy.BodyVillagers} {
			if next != democracy.StepDecide && key != "Expected" {
				continue
			}
			t, err := h.Svc.Democracy.Expected(r.Context(), web.ActorOf(r), m.ID, next, body, today)
			if err != nil {
				return nil, err
			}
			data[key] = t
		}
	}
	return data, nil
}

// matterStep records the matter's next step.
func (h *handlers) matterStep(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := democracy.StepInput{MatterID: id, Step: formInt(r, "step", f), Body: r.PostFormValue("body"),
		HeldOn: web.FormDay(r, "held_on", f), Place: r.PostFormValue("place"), Present: formInt(r, "present", f),
		PresentHouseholds: formInt(r, "present_households", f), Yes: formInt(r, "yes", f), No: formInt(r, "no", f),
		Abstain: formInt(r, "abstain", f), Outcome: r.PostFormValue("outcome"), Note: r.PostFormValue("note")}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Democracy.RecordStep(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "matter_show", h.matterShowData, "/matters/"+strconv.FormatInt(id, 10), "flash.matter_step_recorded")
}

func (h *handlers) today() string { return h.Svc.Clock.Now().Format("2006-01-02") }
