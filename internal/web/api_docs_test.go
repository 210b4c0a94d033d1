package web_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"dangjian/internal/app"
	"dangjian/internal/config"
	"dangjian/internal/services"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// Every API route's documentation types its bodies: a success body
// without a type would be described as any JSON, and the testkit's check
// of each response against the document would pass whatever it wrote.
func TestAPIDocsTypeEveryBody(t *testing.T) {
	srv := newBareServer(t, app.Programmes)
	documented := 0
	for _, p := range srv.Programmes() {
		for _, rt := range p.Routes {
			if !strings.HasPrefix(rt.Pattern, "/api/") {
				continue
			}
			key := rt.Method + " " + rt.Pattern
			d, ok := p.APIDocs[key]
			if !ok {
				t.Errorf("%s: %s has no APIDoc", p.Name, key)
				continue
			}
			documented++
			if d.Response == nil && d.Status != http.StatusNoContent {
				t.Errorf("%s: %s has no Response type", p.Name, key)
			}
			if rt.Method != "GET" && d.Body != "" && d.Request == nil {
				t.Errorf("%s: %s describes a Body but has no Request type", p.Name, key)
			}
		}
	}
	if documented < 70 {
		t.Fatalf("only %d API routes documented; are the programmes read?", documented)
	}

	// And the document the routes make says so: no success body is "any
	// JSON", the schema reflection gives a type it cannot describe.
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]struct {
				Content map[string]struct {
					Schema map[string]any `json:"schema"`
				} `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(srv.OpenAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	for path, methods := range doc.Paths {
		for method, op := range methods {
			for status, resp := range op.Responses {
				if c, ok := resp.Content["application/json"]; ok && strings.HasPrefix(status, "2") && len(c.Schema) == 0 {
					t.Errorf("%s %s answers %s with any JSON", strings.ToUpper(method), path, status)
				}
			}
		}
	}
}

// A route documented without its response type stops start-up, naming
// the route, instead of reaching the document as any JSON.
func TestAPIDocWithoutResponseStopsStartUp(t *testing.T) {
	untyped := func(h web.Handlers) web.Programme {
		return web.Programme{Name: "untyped",
			Routes:  []web.Route{web.API("GET", "/api/v1/untyped", func(http.ResponseWriter, *http.Request) error { return nil })},
			APIDocs: map[string]web.APIDoc{"GET /api/v1/untyped": {Summary: "Nothing said of its body"}}}
	}
	_, err := web.New(config.Config{Database: "test", Key: testkit.Key}, bareServices(t), quietLog(), []web.Builder{untyped})
	if err == nil || !strings.Contains(err.Error(), "GET /api/v1/untyped") || !strings.Contains(err.Error(), "no Response") {
		t.Fatalf("start-up error %v, want one naming the route and its missing Response", err)
	}
}

// newBareServer builds the web application on an empty database, for
// tests of what start-up makes.
func newBareServer(t *testing.T, builders []web.Builder) *web.Server {
	t.Helper()
	srv, err := web.New(config.Config{Database: "test", Key: testkit.Key}, bareServices(t), quietLog(), builders)
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

func bareServices(t *testing.T) services.Services {
	t.Helper()
	svc, err := services.New(testkit.SQLite(t), testkit.Clock(), testkit.Key)
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
