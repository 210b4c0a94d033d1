package web

import (
	"net/http"

	"dangjian/internal/people"
)

// residentBody is the JSON of a resident write.
type residentBody struct {
	HouseholdID int64  `json:"household_id"`
	Name        string `json:"name"`
	IDNumber    string `json:"id_number"`
	Relation    string `json:"relation"`
	Phone       string `json:"phone"`
}

func (b residentBody) input() people.ResidentInput {
	return people.ResidentInput{HouseholdID: b.HouseholdID, Name: b.Name, IDNumber: b.IDNumber,
		Relation: people.Relation(b.Relation), Phone: b.Phone}
}

func (s *Server) apiResidentCreate(w http.ResponseWriter, r *http.Request) error {
	var body residentBody
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	res, err := s.svc.People.AddResident(r.Context(), actorOf(r), body.input())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, res)
	return nil
}
