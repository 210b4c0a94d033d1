package survey

import "net/http"

// answerStart asks for the code on a slip; anyone may open it.
func (h *handlers) answerStart(w http.ResponseWriter, r *http.Request) error {
	return h.Render(w, r, "survey_start", nil)
}
