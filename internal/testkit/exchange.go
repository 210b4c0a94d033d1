package testkit

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Exchange is one row of an HTTP scenario table: a request and what must
// come back. Tables keep their own "who sends it" column and call Check
// with that account's client.
type Exchange struct {
	Name   string
	Method string // GET when empty
	Path   string
	Form   url.Values // sent as a page form, with the session's CSRF token
	JSON   string     // sent as a JSON body, with the CSRF header
	Status int
	Has    []string // the body must contain each
	HasNot []string // and none of these
}

// Check sends the request with c and checks the answer, returning the body.
func (x Exchange) Check(t testing.TB, c *Client) string {
	t.Helper()
	var resp *http.Response
	switch {
	case x.Form != nil:
		form := url.Values{} // PostForm adds the CSRF token to what it is given
		for k, v := range x.Form {
			form[k] = v
		}
		resp = c.PostForm(x.Path, form)
	case (x.Method == "" || x.Method == "GET") && x.JSON == "":
		resp = c.Get(x.Path)
	default:
		resp = c.Do(x.Method, x.Path, x.JSON)
	}
	body := ReadBody(resp)
	what := strings.TrimSpace(x.Name + " " + x.Method + " " + x.Path)
	if resp.StatusCode != x.Status {
		t.Fatalf("%s: status %d, want %d\n%.600s", what, resp.StatusCode, x.Status, body)
	}
	for _, s := range x.Has {
		if !strings.Contains(body, s) {
			t.Fatalf("%s: body lacks %q\n%.2000s", what, s, body)
		}
	}
	for _, s := range x.HasNot {
		if strings.Contains(body, s) {
			t.Fatalf("%s: body contains %q", what, s)
		}
	}
	return body
}
