package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// noteBody is the optional note (or, for a refusal, the reason) of a step.
type noteBody struct {
	Note string `json:"note,omitempty"`
}

// readNote decodes a step's optional body.
func readNote(r *http.Request) (string, error) {
	var body noteBody
	if r.ContentLength != 0 {
		if err := web.DecodeJSON(r, &body); err != nil {
			return "", err
		}
	}
	return body.Note, nil
}

func (h *handlers) apiExpenditureReview(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	note, err := readNote(r)
	if err != nil {
		return err
	}
	return h.writeRequest(w)(h.Svc.Finance.ReviewRequest(r.Context(), web.ActorOf(r), id, note))
}
