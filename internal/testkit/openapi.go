package testkit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"dangjian/internal/openapi"
)

// checkedAPI is a transport that holds every /api/ response a test
// receives to the OpenAPI document the server publishes: a handler that
// writes something other than what the document promises fails the test
// that caught it.
type checkedAPI struct {
	env  *Env
	next http.RoundTripper
}

// apiProblems collects what checkedAPI found; the test that started the
// server reports them when it ends, since a client may outlive the
// subtest that made it.
type apiProblems struct {
	mu   sync.Mutex
	list []string
}

func (p *apiProblems) add(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.list = append(p.list, s)
}

// report fails t with every problem found.
func (p *apiProblems) report(t testing.TB) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.list {
		t.Error(s)
	}
}

func (c checkedAPI) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(req)
	if err != nil || !strings.HasPrefix(req.URL.Path, "/api/") {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		err = c.env.api.Validate(req.Method, req.URL.Path, resp.StatusCode, body)
		undocumented := errors.Is(err, openapi.ErrUndocumented) &&
			(resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMethodNotAllowed)
		if err != nil && !undocumented {
			c.env.problems.add(fmt.Sprintf("%s %s answered %d with a body the OpenAPI document does not allow: %v\n%.500s",
				req.Method, req.URL.Path, resp.StatusCode, err, body))
		}
	}
	return resp, nil
}
