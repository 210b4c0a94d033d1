package web

import (
	"net/http"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
)

func (s *Server) apiMemberList(w http.ResponseWriter, r *http.Request) error {
	f := memberFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	list, err := s.svc.Members.List(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	return writePage(w, list, len(list) == f.Limit, func() int64 { return list[len(list)-1].ID })
}

func (s *Server) apiMemberShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.svc.Members.Detail(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

func (s *Server) apiMemberCreate(w http.ResponseWriter, r *http.Request) error {
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
	if err := decodeJSON(r, &body); err != nil {
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
	m, err := s.svc.Members.Add(r.Context(), actorOf(r), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, m)
	return nil
}

func (s *Server) apiMemberUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
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
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	m, err := s.svc.Members.Update(r.Context(), actorOf(r), id, members.MemberUpdate{Name: body.Name, IDNumber: body.IDNumber,
		Phone: body.Phone, Education: body.Education, Category: members.Category(body.Category)})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, m)
	return nil
}

// jsonDay reads an optional YYYY-MM-DD field into f's problems.
func jsonDay(f apperr.Fields, field, s string) (t time.Time) {
	t, err := jsonDate(field, s)
	if e := apperr.As(err); e != nil {
		f.Add(field, e.Fields[field].Key, nil)
	}
	return t
}
