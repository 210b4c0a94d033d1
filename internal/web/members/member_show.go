package members

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// memberShow is a member's page: details, pipeline with the next step's
// form, 三培养 tags, history, and the transfer, 流动党员 and leaving forms.
func (h *handlers) memberShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.memberPageData(r, "")
	if err != nil {
		return err
	}
	return h.Render(w, r, "member", data)
}

// memberPageData is the page's data; form names which of its forms was
// sent, so errors show beside that form's fields only.
func (h *handlers) memberPageData(r *http.Request, form string) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	d, err := h.Svc.Members.Detail(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"D": d, "M": d.Member, "Form": form, "Today": h.Svc.Clock.Now(),
		"LeaveReasons": members.LeaveReasons, "TagKinds": members.TagKinds, "StepKinds": stepKinds}
	next := map[string]bool{}
	for _, st := range d.Next {
		next[string(st)] = true
	}
	data["NextSet"] = next
	if web.ActorOf(r).CanAt(auth.PermMemberWrite, d.Member.OrgPath) {
		if data["Orgs"], err = h.memberOrgChoices(r, auth.PermMemberWrite); err != nil {
			return nil, err
		}
	}
	return data, nil
}

// memberFormError re-shows the member page with the error beside the
// fields of the form that was sent.
func (h *handlers) memberFormError(w http.ResponseWriter, r *http.Request, form string, err error) error {
	data, derr := h.memberPageData(r, form)
	if derr != nil {
		return derr
	}
	return h.RenderForm(w, r, "member", data, err)
}

// stepKinds tells the history table which event kinds are pipeline steps
// (named pipeline.step.*) rather than other events (member.event.*).
var stepKinds = func() map[string]bool {
	m := map[string]bool{"apply": true}
	for _, s := range members.Steps {
		m[string(s)] = true
	}
	return m
}()
