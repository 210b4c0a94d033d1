package people

import (
	"net/http"

	"dangjian/internal/people"
	"dangjian/internal/web"
)

// householdBody is the JSON of a household write.
type householdBody struct {
	OrgID    int64  `json:"org_id"`
	Code     string `json:"code"`
	HeadName string `json:"head_name"`
	Address  string `json:"address,omitempty"`
	Phone    string `json:"phone,omitempty"`
}

func (b householdBody) input() people.HouseholdInput {
	return people.HouseholdInput{OrgID: b.OrgID, Code: b.Code, HeadName: b.HeadName, Address: b.Address, Phone: b.Phone}
}

func (h *handlers) apiHouseholdCreate(w http.ResponseWriter, r *http.Request) error {
	var body householdBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	hh, err := h.Svc.People.CreateHousehold(r.Context(), web.ActorOf(r), body.input())
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, hh)
	return nil
}
