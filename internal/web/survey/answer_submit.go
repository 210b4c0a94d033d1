package survey

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/survey"
)

// answerSubmit counts a respondent's ratings and uses the code up. The
// thanks page is rendered here, not redirected to, so no address or
// cookie says afterwards that this browser answered.
func (h *handlers) answerSubmit(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	b, err := h.Svc.Survey.Ballot(r.Context(), code)
	if apperr.KindOf(err) == apperr.KindRuleViolation {
		return h.RenderForm(w, r, "survey_start", nil, err)
	}
	if err != nil {
		return err
	}
	ratings := map[int64]survey.Rating{}
	for _, s := range b.Subjects {
		if v := r.PostFormValue("s" + strconv.FormatInt(s.ID, 10)); v != "" {
			ratings[s.ID] = survey.Rating(v)
		}
	}
	err = h.Svc.Survey.Answer(r.Context(), code, ratings)
	switch {
	case err == nil:
		w.Header().Set("Cache-Control", "no-store")
		return h.Render(w, r, "survey_thanks", map[string]any{"Ballot": b})
	case apperr.As(err) != nil && apperr.As(err).Rule == "survey.rate_all":
		return h.RenderForm(w, r, "survey_ballot", ballotData(r, b), err)
	case apperr.KindOf(err) == apperr.KindRuleViolation:
		return h.RenderForm(w, r, "survey_start", nil, err)
	}
	return err
}
