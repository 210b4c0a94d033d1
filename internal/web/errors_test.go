package web

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/config"
)

// The one place errors become responses: a database that is briefly away
// answers 503 with Retry-After and a warning, not an error; a client that
// went away is not an error at all; anything unknown is a logged 500.
func TestFailAnswersAndLogsByKind(t *testing.T) {
	cases := []struct {
		name       string
		err        func(ctx context.Context) error
		cancel     bool
		status     int
		retryAfter string
		log        string // what the log must hold ("" for nothing)
	}{
		{"database unavailable", func(context.Context) error {
			return fmt.Errorf("members: list roster: %w", &apperr.Error{Kind: apperr.KindUnavailable, Key: "error.unavailable"})
		}, false, http.StatusServiceUnavailable, "5", "level=WARN msg=\"database unavailable\""},
		{"client went away", func(ctx context.Context) error {
			return fmt.Errorf("members: list roster: %w", ctx.Err())
		}, true, 0, "", ""},
		{"internal", func(context.Context) error { return fmt.Errorf("boom") }, false, http.StatusInternalServerError, "",
			"level=ERROR msg=\"request failed\""},
		{"rule", func(context.Context) error { return apperr.Rule("pipeline.activist_year", nil) }, false, http.StatusUnprocessableEntity, "", ""},
	}
	for _, c := range cases {
		var logged bytes.Buffer
		s := &Server{Kit: &Kit{cfg: config.Config{}, log: slog.New(slog.NewTextHandler(&logged, nil))}}
		ctx, cancel := context.WithCancel(context.Background())
		if c.cancel {
			cancel()
		}
		r := httptest.NewRequest("GET", "/api/v1/members", nil).WithContext(ctx)
		w := httptest.NewRecorder()
		s.fail(w, r, c.err(ctx))
		cancel()
		if c.status == 0 {
			if w.Body.Len() != 0 || logged.Len() != 0 {
				t.Errorf("%s: wrote %q and logged %q; want neither", c.name, w.Body.String(), logged.String())
			}
			continue
		}
		if w.Code != c.status || w.Header().Get("Retry-After") != c.retryAfter {
			t.Errorf("%s: status %d, Retry-After %q; want %d, %q", c.name, w.Code, w.Header().Get("Retry-After"), c.status, c.retryAfter)
		}
		if c.log == "" && logged.Len() != 0 || c.log != "" && !strings.Contains(logged.String(), c.log) {
			t.Errorf("%s: logged %q, want %q", c.name, logged.String(), c.log)
		}
	}
}
