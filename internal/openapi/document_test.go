package openapi

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func sampleDocument(t *testing.T) map[string]any {
	t.Helper()
	doc, err := Document(sampleInfo, sampleOps())
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// at walks the document by keys.
func at(t *testing.T, v any, keys ...string) any {
	t.Helper()
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("at %s: %T is not an object", strings.Join(keys, "."), v)
		}
		v = m[k]
	}
	return v
}

func TestDocumentShape(t *testing.T) {
	doc := sampleDocument(t)
	if doc["openapi"] != "3.0.3" {
		t.Errorf("openapi %v", doc["openapi"])
	}
	if got := doc["servers"]; !reflect.DeepEqual(got, []any{map[string]any{"url": "/"}}) {
		t.Errorf("servers %v", got)
	}
	if got := at(t, doc, "components", "securitySchemes", "bearer"); !reflect.DeepEqual(got, map[string]any{"type": "http", "scheme": "bearer"}) {
		t.Errorf("bearer scheme %v", got)
	}
	want := []string{"/api/v1/files/{name}", "/api/v1/links", "/api/v1/members", "/api/v1/members/board",
		"/api/v1/members/export.xlsx", "/api/v1/members/imports", "/api/v1/members/{id}", "/api/v1/members/{id}/leave", "/api/v1/openapi.json"}
	raw, err := json.Marshal(doc["paths"])
	if err != nil {
		t.Fatal(err)
	}
	// Marshalled, the paths come out sorted.
	last := -1
	for _, p := range want {
		i := strings.Index(string(raw), `"`+p+`":`)
		if i < 0 || i < last {
			t.Errorf("path %s missing or out of order in %s", p, raw)
		}
		last = i
	}
	if n := len(doc["paths"].(map[string]any)); n != len(want) {
		t.Errorf("%d paths, want %d", n, len(want))
	}
	tags := doc["tags"].([]any)
	if !reflect.DeepEqual(tags, []any{map[string]any{"name": "members", "description": "The roster"},
		map[string]any{"name": "meta", "description": "About the API"}}) {
		t.Errorf("tags %v", tags)
	}
	if got := at(t, doc, "info", "license", "name"); got != "Proprietary" {
		t.Errorf("license %v", got)
	}
}

func TestOperationsCarryIdsSecurityAndErrors(t *testing.T) {
	doc := sampleDocument(t)
	show := at(t, doc, "paths", "/api/v1/members/{id}", "get").(map[string]any)
	if show["operationId"] != "memberShow" || show["summary"] != "A member" {
		t.Errorf("memberShow %v", show)
	}
	if got := show["security"]; !reflect.DeepEqual(got, []any{map[string]any{"bearer": []any{}}}) {
		t.Errorf("security %v", got)
	}
	if got := at(t, doc, "paths", "/api/v1/openapi.json", "get", "security"); !reflect.DeepEqual(got, []any{}) {
		t.Errorf("a public operation has security %v, want []", got)
	}
	for _, code := range []string{"4XX", "5XX"} {
		if got := at(t, show, "responses", code, "$ref"); got != "#/components/responses/Error" {
			t.Errorf("%s refers to %v", code, got)
		}
	}
	if got := at(t, doc, "components", "responses", "Error", "content", "application/json", "schema", "$ref"); got != "#/components/schemas/Error" {
		t.Errorf("error response schema %v", got)
	}
	errBody := at(t, doc, "components", "schemas", "Error", "properties", "error").(map[string]any)
	if got := errBody["required"]; !reflect.DeepEqual(got, []string{"code", "message"}) {
		t.Errorf("error requires %v", got)
	}
	for _, f := range []string{"code", "rule", "message", "params", "fields"} {
		if at(t, errBody, "properties", f) == nil {
			t.Errorf("error body has no %s", f)
		}
	}
	if got := at(t, errBody, "properties", "code", "enum"); !reflect.DeepEqual(got, []string{"invalid", "not_found", "internal"}) {
		t.Errorf("codes %v", got)
	}
	if got := at(t, show, "parameters"); !reflect.DeepEqual(got, []any{map[string]any{"name": "id", "in": "path", "required": true,
		"description": "The member's id", "schema": map[string]any{"type": "integer", "format": "int64"}}}) {
		t.Errorf("parameters %v", got)
	}
	if got := at(t, doc, "paths", "/api/v1/files/{name}", "get", "parameters"); !reflect.DeepEqual(got, []any{map[string]any{"name": "name", "in": "path",
		"required": true, "schema": map[string]any{"type": "string"}}}) {
		t.Errorf("a {name...} parameter is %v", got)
	}
}

func TestBodiesStatusesAndLists(t *testing.T) {
	doc := sampleDocument(t)
	create := at(t, doc, "paths", "/api/v1/members", "post").(map[string]any)
	if got := at(t, create, "requestBody", "content", "application/json", "schema", "$ref"); got != "#/components/schemas/memberInput" {
		t.Errorf("create request %v", got)
	}
	if at(t, create, "requestBody", "required") != true {
		t.Error("a create body is required")
	}
	if got := at(t, create, "responses", "201", "content", "application/json", "schema", "$ref"); got != "#/components/schemas/member" {
		t.Errorf("create answers %v (a top-level pointer is followed)", got)
	}
	if at(t, create, "responses", "200") != nil {
		t.Error("a create also documents 200")
	}
	if at(t, doc, "paths", "/api/v1/members/{id}/leave", "post", "requestBody", "required") != false {
		t.Error("an optional body is required")
	}
	if got := at(t, doc, "paths", "/api/v1/members/{id}/leave", "post", "responses", "200"); !reflect.DeepEqual(got, map[string]any{"description": "OK"}) {
		t.Errorf("no response body: %v", got)
	}
	list := at(t, doc, "paths", "/api/v1/members", "get", "responses", "200", "content", "application/json", "schema").(map[string]any)
	if got := at(t, list, "properties", "items"); !reflect.DeepEqual(got, map[string]any{"type": "array", "items": map[string]any{"$ref": "#/components/schemas/member"}}) {
		t.Errorf("list items %v", got)
	}
	if !reflect.DeepEqual(list["required"], []string{"items"}) || at(t, list, "properties", "next", "type") != "integer" {
		t.Errorf("list envelope %v", list)
	}
	xlsx := "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	binary := map[string]any{"type": "string", "format": "binary"}
	if got := at(t, doc, "paths", "/api/v1/members/export.xlsx", "get", "responses", "200", "content", xlsx, "schema"); !reflect.DeepEqual(got, binary) {
		t.Errorf("export answers %v", got)
	}
	imp := at(t, doc, "paths", "/api/v1/members/imports", "post").(map[string]any)
	if got := at(t, imp, "requestBody", "content", xlsx, "schema"); !reflect.DeepEqual(got, binary) {
		t.Errorf("import takes %v", got)
	}
	if at(t, imp, "responses", "202", "content", "application/json") == nil {
		t.Error("import documents no 202 body")
	}
}

func TestDocumentRefusesMistakes(t *testing.T) {
	op := Operation{Method: "GET", Path: "/x/{id}", OperationID: "x", Summary: "x"}
	for name, ops := range map[string][]Operation{
		"no id":           {{Method: "GET", Path: "/x", Summary: "x"}},
		"repeated id":     {op, {Method: "POST", Path: "/x/{id}", OperationID: "x", Summary: "y"}},
		"route twice":     {op, {Method: "GET", Path: "/x/{id}", OperationID: "y", Summary: "y"}},
		"unknown param":   {{Method: "GET", Path: "/x", OperationID: "x", Summary: "x", PathParams: []Param{{Name: "id"}}}},
		"body not JSON":   {{Method: "POST", Path: "/x", OperationID: "x", Summary: "x", Request: func() {}}},
		"a type is Error": {{Method: "GET", Path: "/x", OperationID: "x", Summary: "x", Response: Error{}}},
	} {
		if _, err := Document(sampleInfo, ops); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

type Error struct {
	Text string `json:"text"`
}

func TestDocPath(t *testing.T) {
	for in, want := range map[string]string{
		"/api/v1/members/{id}":                  "/api/v1/members/{id}",
		"GET /api/v1/members/{id}":              "/api/v1/members/{id}",
		"/api/v1/{$}":                           "/api/v1/",
		"/static/{file...}":                     "/static/{file}",
		"/api/v1/members/{id}/tags/{tag}/close": "/api/v1/members/{id}/tags/{tag}/close",
	} {
		if got := DocPath(in); got != want {
			t.Errorf("DocPath(%q) = %q, want %q", in, got, want)
		}
	}
}
