package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) apiSuggestionList(w http.ResponseWriter, r *http.Request) error {
	f := suggestionFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	list, err := h.svc.Members.ListSuggestions(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	if list == nil {
		list = []members.Suggestion{}
	}
	return web.WritePage(w, list, len(list) == f.Limit, func() int64 { return list[len(list)-1].ID })
}

func (h *handlers) apiSuggestionShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	sg, err := h.svc.Members.GetSuggestion(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, sg)
	return nil
}

func (h *handlers) apiSuggestionCreate(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		MemberID int64  `json:"member_id"`
		Title    string `json:"title"`
		Body     string `json:"body"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	sg, err := h.svc.Members.SubmitSuggestion(r.Context(), web.ActorOf(r), members.NewSuggestion{MemberID: body.MemberID,
		Title: body.Title, Body: body.Body})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, sg)
	return nil
}

func (h *handlers) apiSuggestionReply(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		Reply string `json:"reply"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	sg, err := h.svc.Members.ReplySuggestion(r.Context(), web.ActorOf(r), id, body.Reply)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, sg)
	return nil
}

func (h *handlers) apiMeRecord(w http.ResponseWriter, r *http.Request) error {
	rec, err := h.svc.Members.Self(r.Context(), web.ActorOf(r), web.QueryInt(r, "before"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, rec)
	return nil
}

func (h *handlers) apiMeSuggest(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		Title string `json:"title"`
		Body  string `json:"body"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	sg, err := h.svc.Members.SubmitOwnSuggestion(r.Context(), web.ActorOf(r), body.Title, body.Body)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, sg)
	return nil
}
