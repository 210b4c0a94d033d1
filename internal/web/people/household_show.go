package people

import (
	"net/http"

	"dangjian/internal/people"
	"dangjian/internal/web"
)

// householdShow is a household with its members and the add-member form.
func (h *handlers) householdShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.householdPageData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "household", data)
}

func (h *handlers) householdPageData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	hh, residents, err := h.Svc.People.GetHousehold(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Household": hh, "Residents": residents, "Relations": people.Relations}, nil
}
