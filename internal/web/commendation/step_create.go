package commendation

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/commendation"
	"dangjian/internal/web"
)

// stepCreate records a step from the page's form: every member ticked
// (pick_<id>) with the votes typed beside them (votes_<id>).
func (h *handlers) stepCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := commendation.StepInput{Step: commendation.Step(web.FormInt(r, "step", f)), HeldOn: web.FormDay(r, "held_on", f),
		Expected: web.FormInt(r, "expected", f), Present: web.FormInt(r, "present", f), Note: r.PostFormValue("note")}
	_ = r.ParseForm()
	for _, v := range r.PostForm["pick"] {
		m, perr := strconv.ParseInt(v, 10, 64)
		if perr != nil {
			f.Add("votes", "error.number", nil)
			continue
		}
		in.Votes = append(in.Votes, commendation.Vote{MemberID: m, Votes: web.FormInt(r, "votes_"+v, f)})
	}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Commend.RecordStep(r.Context(), web.ActorOf(r), id, in)
	}
	return h.FormDone(w, r, err, "commendation_show", h.showData, showPath(id), "flash.commendation_step")
}
