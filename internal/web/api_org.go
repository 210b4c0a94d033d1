package web

import (
	"encoding/json"
	"net/http"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/org"
)

func (s *Server) apiOrgList(w http.ResponseWriter, r *http.Request) error {
	f := orgFilter(r)
	if f.Limit == 0 {
		f.Limit = 200
	}
	orgs, err := s.svc.Org.List(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	if orgs == nil {
		orgs = []org.Org{}
	}
	return writePage(w, orgs, len(orgs) == f.Limit, func() int64 { return orgs[len(orgs)-1].ID })
}

func (s *Server) apiOrgShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := s.svc.Org.Get(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, o)
	return nil
}

func (s *Server) apiOrgPosts(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	posts, err := s.svc.Org.Posts(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": posts})
	return nil
}

func (s *Server) apiPostShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, history, err := s.svc.Org.History(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"post": p, "history": history})
	return nil
}

func (s *Server) apiOrgCreate(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		ParentID     int64  `json:"parent_id"`
		Type         string `json:"type"`
		IndustryType string `json:"industry_type"`
		Name         string `json:"name"`
		ShortName    string `json:"short_name"`
		SortOrder    int    `json:"sort_order"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	o, err := s.svc.Org.Create(r.Context(), actorOf(r), org.NewOrg{ParentID: body.ParentID, Type: org.Type(body.Type),
		IndustryType: org.IndustryType(body.IndustryType), Name: body.Name, ShortName: body.ShortName, SortOrder: body.SortOrder})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, o)
	return nil
}

func (s *Server) apiPostAssign(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		HolderName string `json:"holder_name"`
		ResidentID int64  `json:"resident_id"`
		StartedOn  string `json:"started_on"`
		Note       string `json:"note"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	start, err := jsonDate("started_on", body.StartedOn)
	if err != nil {
		return err
	}
	t, err := s.svc.Org.Assign(r.Context(), actorOf(r), org.Assignment{PostID: id, HolderName: body.HolderName,
		ResidentID: body.ResidentID, StartedOn: start, Note: body.Note})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, t)
	return nil
}

// decodeJSON reads a request body of at most 1 MiB into v.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &apperr.Error{Kind: apperr.KindInvalid, Key: "error.bad_json", Err: err}
	}
	return nil
}

// jsonDate reads a YYYY-MM-DD string field; empty stays zero.
func jsonDate(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := db.ParseDay(s)
	if err != nil {
		return t, apperr.Invalid(field, "error.date_format", nil)
	}
	return t, nil
}
