package people

import (
	"net/http"

	"dangjian/internal/people"
	"dangjian/internal/web"
)

// residentBody is the JSON of a resident write.
type residentBody struct {
	HouseholdID int64  `json:"household_id,omitempty"`
	Name        string `json:"name"`
	IDNumber    string `json:"id_number"`
	Relation    string `json:"relation"`
	Phone       string `json:"phone,omitempty"`
}

func (b residentBody) input() people.ResidentInput {
	return people.ResidentInput{HouseholdID: b.HouseholdID, Name: b.Name, IDNumber: b.IDNumber,
		Relation: people.Relation(b.Relation), Phone: b.Phone}
}

func (h *handlers) apiResidentCreate(w http.ResponseWriter, r *http.Request) error {
	var body residentBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	res, err := h.Svc.People.AddResident(r.Context(), web.ActorOf(r), body.input())
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, res)
	return nil
}
