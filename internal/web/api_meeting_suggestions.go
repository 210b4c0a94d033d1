package web

import (
	"net/http"

	"dangjian/internal/members"
)

func (s *Server) apiSuggestionList(w http.ResponseWriter, r *http.Request) error {
	f := suggestionFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	list, err := s.svc.Members.ListSuggestions(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	if list == nil {
		list = []members.Suggestion{}
	}
	return writePage(w, list, len(list) == f.Limit, func() int64 { return list[len(list)-1].ID })
}

func (s *Server) apiSuggestionShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sg, err := s.svc.Members.GetSuggestion(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, sg)
	return nil
}

func (s *Server) apiSuggestionCreate(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		MemberID int64  `json:"member_id"`
		Title    string `json:"title"`
		Body     string `json:"body"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	sg, err := s.svc.Members.SubmitSuggestion(r.Context(), actorOf(r), members.NewSuggestion{MemberID: body.MemberID,
		Title: body.Title, Body: body.Body})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, sg)
	return nil
}

func (s *Server) apiSuggestionReply(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		Reply string `json:"reply"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	sg, err := s.svc.Members.ReplySuggestion(r.Context(), actorOf(r), id, body.Reply)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, sg)
	return nil
}

func (s *Server) apiMeRecord(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.svc.Members.Self(r.Context(), actorOf(r), queryInt(r, "before"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rec)
	return nil
}

func (s *Server) apiMeSuggest(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		Title string `json:"title"`
		Body  string `json:"body"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	sg, err := s.svc.Members.SubmitOwnSuggestion(r.Context(), actorOf(r), body.Title, body.Body)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, sg)
	return nil
}
