package members

import (
	"net/http"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) apiMemberList(w http.ResponseWriter, r *http.Request) error {
	f := memberFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	list, err := h.svc.Members.List(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WritePage(w, list, len(list) == f.Limit, func() int64 { return list[len(list)-1].ID })
}

func (h *handlers) apiMemberShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	d, err := h.svc.Members.Detail(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, d)
	return nil
}

func (h *handlers) apiMemberCreate(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		OrgID     int64  `json:"org_id"`
		Name      string `json:"name"`
		IDNumber  string `json:"id_number"`
		Status    string `json:"status"`
		AppliedOn string `json:"applied_on"`
		JoinedOn  string `json:"joined_on"`
		FullOn    string `json:"full_on"`
		Category  string `json:"category"`
		Phone     string `json:"phone"`
		Education string `json:"education"`
		Mobile    bool   `json:"mobile"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := members.MemberInput{OrgID: body.OrgID, Name: body.Name, IDNumber: body.IDNumber, Status: members.Status(body.Status),
		AppliedOn: jsonDay(f, "applied_on", body.AppliedOn), JoinedOn: jsonDay(f, "joined_on", body.JoinedOn),
		FullOn: jsonDay(f, "full_on", body.FullOn), Category: members.Category(body.Category), Phone: body.Phone,
		Education: body.Education, Mobile: body.Mobile}
	if err := f.Err(); err != nil {
		return err
	}
	m, err := h.svc.Members.Add(r.Context(), web.ActorOf(r), in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, m)
	return nil
}

func (h *handlers) apiMemberUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		Name      string `json:"name"`
		IDNumber  string `json:"id_number"`
		Phone     string `json:"phone"`
		Education string `json:"education"`
		Category  string `json:"category"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	m, err := h.svc.Members.Update(r.Context(), web.ActorOf(r), id, members.MemberUpdate{Name: body.Name, IDNumber: body.IDNumber,
		Phone: body.Phone, Education: body.Education, Category: members.Category(body.Category)})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, m)
	return nil
}

// jsonDay reads an optional YYYY-MM-DD field into f's problems.
func jsonDay(f apperr.Fields, field, s string) (t time.Time) {
	t, err := web.JSONDate(field, s)
	if e := apperr.As(err); e != nil {
		f.Add(field, e.Fields[field].Key, nil)
	}
	return t
}
