package democracy

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/democracy"
	"dangjian/internal/web"
)

// projectList lists a village's 一事一议 projects with the form to
// propose one.
func (h *handlers) projectList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.projectListData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "project_list", data)
}

func (h *handlers) projectListData(r *http.Request) (map[string]any, error) {
	id, vs, err := h.villageParam(r, auth.PermDemocracyRead)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Villages": vs, "Selected": id}
	if id != 0 {
		list, err := h.Svc.Democracy.ListProjects(r.Context(), web.ActorOf(r), id)
		if err != nil {
			return nil, err
		}
		v, err := h.Svc.Democracy.PortalVillage(r.Context(), id)
		if err != nil {
			return nil, err
		}
		data["Projects"], data["Village"] = list, v
	}
	return data, nil
}

func (h *handlers) projectCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	org := web.QueryInt(r, "org_id")
	in := democracy.NewProject{OrgID: org, Title: r.PostFormValue("title"), Description: r.PostFormValue("description"),
		Proposer: r.PostFormValue("proposer"), Proposers: formInt(r, "proposers", f), PerPersonFen: int64(web.FormYuan(r, "per_person", f)),
		LabourDays: formInt(r, "labour_days", f)}
	var p democracy.Project
	err := f.Err()
	if err == nil {
		p, err = h.Svc.Democracy.ProposeProject(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "project_list", h.projectListData, "/projects/"+strconv.FormatInt(p.ID, 10), "flash.matter_created")
}

func (h *handlers) projectShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.projectShowData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "project_show", data)
}

func (h *handlers) projectShowData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	a := web.ActorOf(r)
	p, err := h.Svc.Democracy.GetProject(r.Context(), a, id)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Project": p, "Today": h.today()}
	if p.State == "proposed" {
		roster, err := h.Svc.Democracy.Representatives(r.Context(), a, p.OrgID)
		if err != nil {
			return nil, err
		}
		data["Reps"] = roster.Representatives
	}
	return data, nil
}

// projectVote records the 村民代表会议's vote: rep_<id> is yes, no or
// absent for each representative.
func (h *handlers) projectVote(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := democracy.ProjectVote{ProjectID: id, On: web.FormDay(r, "voted_on", f), Body: democracy.BodyRepresentatives}
	for k, vs := range r.PostForm {
		rid, ok := strings.CutPrefix(k, "rep_")
		n, perr := strconv.ParseInt(rid, 10, 64)
		if !ok || perr != nil || len(vs) == 0 || vs[0] == "absent" {
			continue
		}
		in.Votes = append(in.Votes, democracy.RepVote{RepresentativeID: n, Yes: vs[0] == "yes"})
	}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Democracy.VoteProject(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "project_show", h.projectShowData, "/projects/"+strconv.FormatInt(id, 10), "flash.matter_step_recorded")
}

func (h *handlers) projectCollect(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := democracy.NewCollection{ProjectID: id, HouseholdID: web.QueryInt(r, "household_id"), People: formInt(r, "people", f),
		AmountFen: int64(web.FormYuan(r, "amount", f)), LabourDays: formInt(r, "days", f), PaidOn: web.FormDay(r, "paid_on", f)}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Democracy.RecordCollection(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "project_show", h.projectShowData, "/projects/"+strconv.FormatInt(id, 10), "flash.matter_step_recorded")
}
