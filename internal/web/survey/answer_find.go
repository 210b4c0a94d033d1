package survey

import (
	"net/http"

	"dangjian/internal/survey"
)

// answerFind takes a typed code to its ballot; a code that cannot be
// one is refused here, the rest by the ballot itself.
func (h *handlers) answerFind(w http.ResponseWriter, r *http.Request) error {
	c, ok := survey.NormalizeCode(r.PostFormValue("code"))
	if !ok {
		_, err := h.Svc.Survey.Ballot(r.Context(), r.PostFormValue("code"))
		return h.RenderForm(w, r, "survey_start", nil, err)
	}
	http.Redirect(w, r, "/survey/"+c, http.StatusSeeOther)
	return nil
}
