package web_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"

	"dangjian/internal/app"
	"dangjian/internal/config"
	"dangjian/internal/openapi/lint"
	"dangjian/internal/services"
	"dangjian/internal/testkit"
)

// The OpenAPI document is what an integrator builds on: it must lint
// without errors, and give every operation an id, its tag and the shared
// error response.
func TestOpenAPIDocumentLints(t *testing.T) {
	d := testkit.SQLite(t)
	svc, err := services.New(d, testkit.Clock(), testkit.Key)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := app.NewWeb(config.Config{Database: "test", Key: testkit.Key}, svc, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	doc := srv.OpenAPI()
	var parsed struct {
		Paths map[string]map[string]struct {
			OperationID string              `json:"operationId"`
			Tags        []string            `json:"tags"`
			Responses   map[string]struct{} `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(doc, &parsed); err != nil {
		t.Fatal(err)
	}
	ops := 0
	for path, methods := range parsed.Paths {
		for method, op := range methods {
			ops++
			if op.OperationID == "" || len(op.Tags) != 1 {
				t.Errorf("%s %s: operationId %q, tags %v", strings.ToUpper(method), path, op.OperationID, op.Tags)
			}
			if _, ok := op.Responses["4XX"]; !ok {
				t.Errorf("%s %s has no 4XX response", strings.ToUpper(method), path)
			}
		}
	}
	if ops < 70 {
		t.Fatalf("only %d operations in the document", ops)
	}
	lint.Run(t, doc)
}
