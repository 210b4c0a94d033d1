package people

import (
	"net/http"
	"net/url"
	"strconv"

	"dangjian/internal/web"
)

// residentSearchBody is the JSON body of the resident list's filters.
type residentSearchBody struct {
	IDNumber string `json:"id_number,omitempty"`
	Q        string `json:"q,omitempty"`
	OrgID    int64  `json:"org_id,omitempty"`
	MinAge   string `json:"min_age,omitempty"`
	MaxAge   string `json:"max_age,omitempty"`
	After    int64  `json:"after,omitempty"`
	Limit    int    `json:"limit,omitempty"`
}

// apiResidentSearch takes the resident list's filters from a JSON body, so
// an id number is searched without entering an address or a log line.
func (h *handlers) apiResidentSearch(w http.ResponseWriter, r *http.Request) error {
	var body residentSearchBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	form := url.Values{}
	for k, v := range map[string]string{"id_number": body.IDNumber, "q": body.Q, "min_age": body.MinAge, "max_age": body.MaxAge} {
		if v != "" {
			form.Set(k, v)
		}
	}
	for k, v := range map[string]int64{"org_id": body.OrgID, "after": body.After, "limit": int64(body.Limit)} {
		if v != 0 {
			form.Set(k, strconv.FormatInt(v, 10))
		}
	}
	r.Form, r.PostForm = form, form
	return h.apiResidentList(w, r)
}
