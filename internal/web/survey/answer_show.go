package survey

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/survey"
)

// answerShow is the ballot a code opens, for a phone; a used or unknown
// code shows the code form again with the reason.
func (h *handlers) answerShow(w http.ResponseWriter, r *http.Request) error {
	b, err := h.Svc.Survey.Ballot(r.Context(), r.PathValue("code"))
	if k := apperr.KindOf(err); k == apperr.KindRuleViolation {
		return h.RenderForm(w, r, "survey_start", nil, err)
	}
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	return h.Render(w, r, "survey_ballot", ballotData(r, b))
}

func ballotData(r *http.Request, b survey.Ballot) map[string]any {
	return map[string]any{"Ballot": b, "Code": r.PathValue("code"), "Group": string(b.Group), "Ratings": survey.Ratings}
}
