package openapi

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
)

// Transport is an http.RoundTripper for tests: it checks every response
// to a request under Prefix against the document and hands the response
// on with its body intact. Set it as a test client's Transport and every
// API exchange of every test is held to the document.
type Transport struct {
	Base      http.RoundTripper // http.DefaultTransport when nil
	Validator *Validator
	Prefix    string // only paths starting with it are checked, such as /api/
	// Report receives each mismatch; a test passes t.Error.
	Report func(err error)
}

// RoundTrip sends the request and checks the response. A 404 or 405 for
// a route the document does not have is the mux's own answer, not an API
// response, and is let through.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	resp, err := base.RoundTrip(req)
	if err != nil || !strings.HasPrefix(req.URL.Path, t.Prefix) {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	err = t.Validator.Validate(req.Method, req.URL.Path, resp.StatusCode, body)
	muxAnswer := resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMethodNotAllowed
	if err != nil && !(muxAnswer && errors.Is(err, ErrUndocumented)) {
		t.Report(err)
	}
	return resp, nil
}
