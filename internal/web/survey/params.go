package survey

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
	"dangjian/internal/survey"
	"dangjian/internal/web"
)

// surveyPath is a survey's page.
func surveyPath(id int64) string { return "/surveys/" + strconv.FormatInt(id, 10) }

// answerURL is the address a slip's QR code opens: the site as the
// issuer reached it, and the code.
func (h *handlers) answerURL(r *http.Request, code string) string {
	scheme := "http"
	if h.Secure(r) {
		scheme = "https"
	}
	return (&url.URL{Scheme: scheme, Host: r.Host, Path: "/survey/" + code}).String()
}

// formWeights reads the weights form fields weight_<group>; all empty
// means the defaults.
func formWeights(r *http.Request, f apperr.Fields) map[survey.Group]int {
	w := map[survey.Group]int{}
	typed := false
	for _, g := range survey.Groups {
		v := strings.TrimSpace(r.PostFormValue("weight_" + string(g)))
		if v == "" {
			continue
		}
		typed = true
		n, err := strconv.Atoi(v)
		if err != nil {
			f.Add("weight_"+string(g), "error.number", nil)
		}
		w[g] = n
	}
	if !typed {
		return nil
	}
	return w
}

// villages are the villages the actor may open surveys of, for the form.
func (h *handlers) villages(r *http.Request) ([]org.Org, error) {
	return h.Svc.Org.List(r.Context(), web.ActorOf(r), org.Filter{Type: org.TypeGeneralBranch, Limit: 200})
}

// groupOptions are the respondent groups with their default weights.
func groupOptions() []map[string]any {
	out := make([]map[string]any, len(survey.Groups))
	for i, g := range survey.Groups {
		out[i] = map[string]any{"Code": string(g), "Weight": survey.DefaultWeights[g]}
	}
	return out
}
