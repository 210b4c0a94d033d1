package people

import (
	"net/http"
	"net/url"
	"strings"

	"dangjian/internal/apperr"
)

// searchForm serves a list's search form, which posts: an id number typed
// into the box is searched straight from the request body, so it never
// enters an address (browser history, proxy logs); any other search goes
// on to the list's own address, which can be kept and shared.
func (h *handlers) searchForm(w http.ResponseWriter, r *http.Request, list string, fields []string,
	byNumber func(http.ResponseWriter, *http.Request) error) error {
	if isIDNumberQuery(strings.TrimSpace(r.PostFormValue("q"))) {
		return byNumber(w, r)
	}
	q := url.Values{}
	for _, k := range fields {
		if v := strings.TrimSpace(r.PostFormValue(k)); v != "" {
			q.Set(k, v)
		}
	}
	return h.Redirect(w, r, list+"?"+q.Encode(), "")
}

// addressFree refuses a household search whose id number came in the
// address rather than the body.
func addressFree(r *http.Request, byNumber bool) error {
	f := apperr.Fields{}
	if !byNumber {
		numberInAddress(r, f, "id_number")
	}
	return f.Err()
}

// numberInAddress refuses an id number that came in the address.
func numberInAddress(r *http.Request, f apperr.Fields, field string) {
	q := r.URL.Query()
	if isIDNumberQuery(strings.TrimSpace(q.Get("q"))) || q.Get("id_number") != "" {
		f.Add(field, "people.id_number_in_url", nil)
	}
}
