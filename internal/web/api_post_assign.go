package web

import (
	"net/http"

	"dangjian/internal/org"
)

func (s *Server) apiPostAssign(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		HolderName string `json:"holder_name"`
		ResidentID int64  `json:"resident_id"`
		StartedOn  string `json:"started_on"`
		Note       string `json:"note"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	start, err := jsonDate("started_on", body.StartedOn)
	if err != nil {
		return err
	}
	t, err := s.svc.Org.Assign(r.Context(), actorOf(r), org.Assignment{PostID: id, HolderName: body.HolderName,
		ResidentID: body.ResidentID, StartedOn: start, Note: body.Note})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, t)
	return nil
}
