package democracy

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/democracy"
	"dangjian/internal/web"
)

// repList shows a village's 村民代表 with the composition checks and the
// form to add one; without a village chosen, the villages to choose from.
func (h *handlers) repList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.repListData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "rep_list", data)
}

func (h *handlers) repListData(r *http.Request) (map[string]any, error) {
	id, vs, err := h.villageParam(r, auth.PermDemocracyRead)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Villages": vs, "Selected": id}
	if id != 0 {
		roster, err := h.Svc.Democracy.Representatives(r.Context(), web.ActorOf(r), id)
		if err != nil {
			return nil, err
		}
		data["Roster"] = roster
	}
	return data, nil
}

func (h *handlers) repAdd(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	org := web.QueryInt(r, "org_id")
	in := democracy.NewRepresentative{OrgID: org, Name: r.PostFormValue("name"), Sex: r.PostFormValue("sex"),
		Households: formInt(r, "households", f), Group: r.PostFormValue("group"), StartedOn: web.FormDay(r, "started_on", f)}
	err := f.Err()
	if err == nil {
		_, err = h.Svc.Democracy.AddRepresentative(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "rep_list", h.repListData, "/representatives?org_id="+strconv.FormatInt(org, 10), "flash.rep_added")
}

func (h *handlers) repEnd(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	on := web.FormDay(r, "ended_on", f)
	err = f.Err()
	if err == nil {
		err = h.Svc.Democracy.EndRepresentative(r.Context(), web.ActorOf(r), id, on)
	}
	return h.FormDone(w, r, err, "rep_list", h.repListData, "/representatives?org_id="+strconv.FormatInt(web.QueryInt(r, "org_id"), 10), "flash.rep_ended")
}
