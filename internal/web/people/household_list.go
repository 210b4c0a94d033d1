package people

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/people"
	"dangjian/internal/web"
)

// householdList is the household register with one search box (a name,
// a code, or an 18-character id number) and a village/group filter.
func (h *handlers) householdList(w http.ResponseWriter, r *http.Request) error {
	return h.households(w, r, false)
}

// householdSearch is the search form's POST (see searchForm).
func (h *handlers) householdSearch(w http.ResponseWriter, r *http.Request) error {
	return h.searchForm(w, r, "/households", []string{"org_id", "q"},
		func(w http.ResponseWriter, r *http.Request) error { return h.households(w, r, true) })
}

func (h *handlers) households(w http.ResponseWriter, r *http.Request, byNumber bool) error {
	a := web.ActorOf(r)
	f := householdFilter(r)
	f.Limit = 100
	var hs []people.Household
	err := addressFree(r, byNumber)
	if err == nil {
		hs, err = h.Svc.People.ListHouseholds(r.Context(), a, f)
	} else {
		f.Query = ""
	}
	if err != nil && apperr.KindOf(err) != apperr.KindInvalid {
		return err
	}
	choices, cerr := h.Svc.People.OrgChoices(r.Context(), a, auth.PermPeopleRead)
	if cerr != nil {
		return cerr
	}
	data := map[string]any{"Households": hs, "Filter": f, "Choices": choices}
	if next := web.Next(hs, f.Limit, func(i int) int64 { return hs[i].ID }); next != 0 {
		data["Next"] = nextURL(r, next)
	}
	if err != nil {
		return h.RenderForm(w, r, "households", data, err)
	}
	return h.Render(w, r, "households", data)
}
