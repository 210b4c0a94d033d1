package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) apiSuggestionList(w http.ResponseWriter, r *http.Request) error {
	f := suggestionFilter(r)
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	list, err := h.Svc.Members.ListSuggestions(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, list, f.Limit, func(i int) int64 { return list[i].ID })
}

func (h *handlers) apiSuggestionShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	sg, err := h.Svc.Members.GetSuggestion(r.Context(), web.ActorOf(r), id)
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
	sg, err := h.Svc.Members.SubmitSuggestion(r.Context(), web.ActorOf(r), members.NewSuggestion{MemberID: body.MemberID,
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
	sg, err := h.Svc.Members.ReplySuggestion(r.Context(), web.ActorOf(r), id, body.Reply)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, sg)
	return nil
}

func (h *handlers) apiMeRecord(w http.ResponseWriter, r *http.Request) error {
	rec, err := h.Svc.Members.Self(r.Context(), web.ActorOf(r), web.QueryInt(r, "before"))
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
	sg, err := h.Svc.Members.SubmitOwnSuggestion(r.Context(), web.ActorOf(r), body.Title, body.Body)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, sg)
	return nil
}
