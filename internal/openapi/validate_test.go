package openapi

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func sampleValidator(t *testing.T) *Validator {
	t.Helper()
	v, err := NewValidator(sampleDocument(t))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func marshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestValidateAcceptsWhatTheTypesMarshalTo(t *testing.T) {
	v := sampleValidator(t)
	next := int64(9)
	for _, c := range []struct {
		method, path string
		status       int
		body         []byte
	}{
		{"GET", "/api/v1/members/{id}", 200, marshal(t, sampleMember())},
		{"GET", "/api/v1/members/12", 200, marshal(t, member{State: "active", Tags: []string{}, Scores: map[string]float64{}, Children: []member{}})},
		{"POST", "/api/v1/members", 201, marshal(t, sampleMember())},
		{"GET", "/api/v1/members", 200, marshal(t, map[string]any{"items": []member{sampleMember()}, "next": next})},
		{"GET", "/api/v1/members?status=left", 200, []byte(`{"items": []}`)},
		{"GET", "/api/v1/members/board", 200, []byte(`{"full": 3, "probationary": 0}`)},
		{"POST", "/api/v1/members/{id}/leave", 200, nil},
		{"GET", "/api/v1/members/export.xlsx", 200, []byte("PK\x03\x04 a workbook")},
		{"POST", "/api/v1/members/imports", 202, []byte(`{"id": 1, "state": "queued", "new_field": true}`)},
		{"GET", "/api/v1/files/a", 200, []byte(`[1, "anything", null]`)},
		{"GET", "/api/v1/links", 200, marshal(t, linkPair{})},
		{"GET", "/api/v1/members/12", 404, []byte(`{"error": {"code": "not_found", "message": "没有这个党员"}}`)},
		{"POST", "/api/v1/members", 400, []byte(`{"error": {"code": "invalid", "message": "请检查", "rule": "member.age",
			"params": {"min": 18, "on": "2026-01-01"}, "fields": {"name": "必填"}}}`)},
		{"GET", "/api/v1/members", 500, []byte(`{"error": {"code": "internal", "message": "出错了"}}`)},
	} {
		if err := v.Validate(c.method, c.path, c.status, c.body); err != nil {
			t.Errorf("%v", err)
		}
	}
}

func TestValidateRejectsBodiesThatBreakTheSchema(t *testing.T) {
	v := sampleValidator(t)
	good := marshal(t, sampleMember())
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		return marshal(t, m)
	}
	for _, c := range []struct {
		name, method, path string
		status             int
		body               []byte
		want               string
	}{
		{"wrong type", "GET", "/api/v1/members/1", 200, edit(func(m map[string]any) { m["id"] = "7" }), "/id: want integer, got string"},
		{"fraction for integer", "GET", "/api/v1/members/1", 200, edit(func(m map[string]any) { m["id"] = 7.5 }), "/id: want integer, got 7.5"},
		{"missing required", "GET", "/api/v1/members/1", 200, edit(func(m map[string]any) { delete(m, "name") }), `missing required "name"`},
		{"null array", "GET", "/api/v1/members/1", 200, edit(func(m map[string]any) { m["tags"] = nil }), "/tags: null where array is wanted"},
		{"bad date", "GET", "/api/v1/members/1", 200, edit(func(m map[string]any) { m["born"] = "1990-05-06T00:00:00Z" }), "/born: \"1990-05-06T00:00:00Z\" is not a date"},
		{"bad date-time", "GET", "/api/v1/members/1", 200, edit(func(m map[string]any) { m["created"] = "yesterday" }), "is not a date-time"},
		{"enum", "GET", "/api/v1/members/1", 200, edit(func(m map[string]any) { m["state"] = "gone" }), `/state: "gone" is not one of ["active","left"]`},
		{"nested through $ref", "GET", "/api/v1/members/1", 200, edit(func(m map[string]any) { m["org"] = map[string]any{"id": 1} }), `/org: missing required "name"`},
		{"array item", "GET", "/api/v1/members/1", 200, edit(func(m map[string]any) { m["children"] = []any{1} }), "/children/0: want object, got number"},
		{"map value", "GET", "/api/v1/members/1", 200, edit(func(m map[string]any) { m["scores"] = map[string]any{"a/b": "high"} }), "/scores/a~1b: want number, got string"},
		{"list without items", "GET", "/api/v1/members", 200, []byte(`{"next": 3}`), `missing required "items"`},
		{"list item", "GET", "/api/v1/members", 200, []byte(`{"items": [{"id": 1}]}`), `/items/0: missing required "name"`},
		{"error body", "GET", "/api/v1/members/1", 404, []byte(`{"message": "no"}`), `missing required "error"`},
		{"error code", "GET", "/api/v1/members/1", 403, []byte(`{"error": {"code": "nope", "message": "no"}}`), `/error/code: "nope" is not one of`},
		{"error fields", "POST", "/api/v1/members", 400, []byte(`{"error": {"code": "invalid", "message": "x", "fields": {"name": 1}}}`), "/error/fields/name: want string"},
		{"not JSON", "GET", "/api/v1/members/1", 200, []byte(`<html>`), "body is not JSON"},
		{"body where none", "POST", "/api/v1/members/1/leave", 200, []byte(`{}`), "the document gives no body"},
		{"status", "GET", "/api/v1/members/1", 302, nil, "status not in the document"},
		{"create answers 200", "POST", "/api/v1/members", 200, good, "status not in the document"},
		{"path", "GET", "/api/v1/nothing", 200, nil, "no such path"},
		{"method", "DELETE", "/api/v1/members/1", 200, nil, "no such operation"},
		{"empty segment", "GET", "/api/v1/members//leave", 200, nil, "no such path"},
	} {
		err := v.Validate(c.method, c.path, c.status, c.body)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.name, err, c.want)
		}
		if undocumented := strings.HasPrefix(c.want, "no such"); errors.Is(err, ErrUndocumented) != undocumented {
			t.Errorf("%s: errors.Is(%v, ErrUndocumented) should be %v", c.name, err, undocumented)
		}
	}
}

func TestValidatePrefersLiteralSegments(t *testing.T) {
	v := sampleValidator(t)
	// /members/board is its own operation: a member's body is not a board.
	if err := v.Validate("GET", "/api/v1/members/board", 200, marshal(t, sampleMember())); err == nil {
		t.Error("a member was taken for the board")
	}
	if err := v.Validate("GET", "/api/v1/members/board", 200, []byte(`{"full": 1}`)); err != nil {
		t.Error(err)
	}
}

func TestValidateAdditionalPropertiesAndAlternatives(t *testing.T) {
	closed := map[string]any{"type": "object", "additionalProperties": false,
		"properties": map[string]any{"a": map[string]any{"type": "string"}}}
	doc := map[string]any{"paths": map[string]any{"/x": map[string]any{"get": map[string]any{"responses": map[string]any{
		"200": map[string]any{"description": "OK", "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{
			"type": "object", "properties": map[string]any{
				"closed": closed,
				"either": map[string]any{"oneOf": []any{map[string]any{"type": "string"}, map[string]any{"type": "integer"}}},
				"any":    map[string]any{"anyOf": []any{map[string]any{"type": "boolean"}, map[string]any{"type": "number"}}},
			}}}}}}}}}}
	for body, want := range map[string]string{
		`{"closed": {"a": "x"}, "either": 1, "any": true}`: "",
		`{"closed": {"a": "x", "b": 1}}`:                   "/closed/b: not allowed here",
		`{"either": [1]}`:                                  "/either: matches none of oneOf",
		`{"any": "x"}`:                                     "/any: matches none of anyOf",
	} {
		err := Validate(doc, "GET", "/x", 200, []byte(body))
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%s: got %v, want %q", body, err, want)
		}
	}
}

func TestValidateReadsTheDocumentAsJSON(t *testing.T) {
	raw := marshal(t, sampleDocument(t))
	if err := Validate(raw, "GET", "/api/v1/members/3", 200, marshal(t, sampleMember())); err != nil {
		t.Error(err)
	}
	if err := Validate(raw, "GET", "/api/v1/members/3", 200, []byte(`{}`)); err == nil {
		t.Error("an empty member was accepted")
	}
}

func TestValidateCapsTheProblems(t *testing.T) {
	v := sampleValidator(t)
	items := strings.Repeat(`{"id": "x"},`, 40)
	err := v.Validate("GET", "/api/v1/members", 200, []byte(`{"items": [`+strings.TrimSuffix(items, ",")+`]}`))
	if err == nil {
		t.Fatal("accepted")
	}
	if n := strings.Count(err.Error(), "; "); n != maxProblems {
		t.Errorf("%d problems reported, want %d and an ellipsis: %v", n+1, maxProblems+1, err)
	}
}
