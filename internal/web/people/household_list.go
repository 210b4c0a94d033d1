package people

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/web"
)

// householdList is the household register with one search box (a name,
// a code, or an 18-character id number) and a village/group filter.
func (h *handlers) householdList(w http.ResponseWriter, r *http.Request) error {
	a := web.ActorOf(r)
	f := householdFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	hs, err := h.svc.People.ListHouseholds(r.Context(), a, f)
	if err != nil && apperr.KindOf(err) != apperr.KindInvalid {
		return err
	}
	choices, cerr := h.svc.People.OrgChoices(r.Context(), a, auth.PermPeopleRead)
	if cerr != nil {
		return cerr
	}
	data := map[string]any{"Households": hs, "Filter": f, "Choices": choices}
	if len(hs) == f.Limit {
		data["Next"] = nextURL(r, hs[len(hs)-1].ID)
	}
	if err != nil {
		return h.RenderForm(w, r, "households", data, err)
	}
	return h.Render(w, r, "households", data)
}
