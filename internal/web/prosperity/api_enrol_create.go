package prosperity

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/web"
)

// enrolBody is households of the cooperative's village joining it on a
// day; households already in it stay as they are.
type enrolBody struct {
	HouseholdIDs []int64 `json:"household_ids"`
	JoinedOn     string  `json:"joined_on"`
}

// enrolled is how many households joined.
type enrolled struct {
	Added int `json:"added"`
}

func (h *handlers) apiEnrolCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body enrolBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	on := day.Of(web.JSONDateInto(f, "joined_on", body.JoinedOn))
	if err := f.Err(); err != nil {
		return err
	}
	n, err := h.Svc.Prosper.Enrol(r.Context(), web.ActorOf(r), id, body.HouseholdIDs, on)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, enrolled{n})
	return nil
}
