package web

import (
	"net/http"

	"dangjian/internal/people"
)

// householdBody is the JSON of a household write.
type householdBody struct {
	OrgID    int64  `json:"org_id"`
	Code     string `json:"code"`
	HeadName string `json:"head_name"`
	Address  string `json:"address"`
	Phone    string `json:"phone"`
}

func (b householdBody) input() people.HouseholdInput {
	return people.HouseholdInput{OrgID: b.OrgID, Code: b.Code, HeadName: b.HeadName, Address: b.Address, Phone: b.Phone}
}

func (s *Server) apiHouseholdCreate(w http.ResponseWriter, r *http.Request) error {
	var body householdBody
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	h, err := s.svc.People.CreateHousehold(r.Context(), actorOf(r), body.input())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, h)
	return nil
}
