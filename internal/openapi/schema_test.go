package openapi

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"testing"
)

// components builds a document answering with v and returns its schemas.
func components(t *testing.T, v any) map[string]any {
	t.Helper()
	doc, err := Document(Info{Title: "t", Version: "1"}, []Operation{
		{Method: "GET", Path: "/x", OperationID: "x", Summary: "x", Response: v}})
	if err != nil {
		t.Fatal(err)
	}
	return doc["components"].(map[string]any)["schemas"].(map[string]any)
}

func component(t *testing.T, schemas map[string]any, name string) map[string]any {
	t.Helper()
	s, ok := schemas[name].(map[string]any)
	if !ok {
		t.Fatalf("no component %q among %v", name, slices.Sorted(maps.Keys(schemas)))
	}
	return s
}

func prop(t *testing.T, s map[string]any, name string) map[string]any {
	t.Helper()
	p, ok := s["properties"].(map[string]any)[name].(map[string]any)
	if !ok {
		t.Fatalf("no property %q in %v", name, s)
	}
	return p
}

func TestStructPropertiesAreWhatEncodingJSONWrites(t *testing.T) {
	s := component(t, components(t, member{}), "member")
	raw, err := json.Marshal(sampleMember())
	if err != nil {
		t.Fatal(err)
	}
	var written map[string]any
	if err := json.Unmarshal(raw, &written); err != nil {
		t.Fatal(err)
	}
	props := s["properties"].(map[string]any)
	if got, want := slices.Sorted(maps.Keys(props)), slices.Sorted(maps.Keys(written)); !slices.Equal(got, want) {
		t.Errorf("properties %v, encoding/json writes %v", got, want)
	}
	// Fields left out when empty, or promoted through a nil pointer, are
	// not required; the rest are.
	wantRequired := []string{"Untagged", "born", "children", "count", "created", "extra", "id", "name", "org", "scores", "state", "tags"}
	if got := slices.Sorted(slices.Values(s["required"].([]string))); !slices.Equal(got, wantRequired) {
		t.Errorf("required %v, want %v", got, wantRequired)
	}
}

func TestSchemaOfEachKindOfField(t *testing.T) {
	s := component(t, components(t, member{}), "member")
	for name, want := range map[string]map[string]any{
		"id":       {"type": "integer", "format": "int64"},
		"created":  {"type": "string", "format": "date-time"},
		"left":     {"type": "string", "format": "date-time", "nullable": true},
		"born":     {"type": "string", "format": "date"},
		"state":    {"type": "string", "enum": []string{"active", "left"}},
		"org":      {"type": "object", "allOf": []any{map[string]any{"$ref": "#/components/schemas/orgRef"}}, "nullable": true},
		"tags":     {"type": "array", "items": map[string]any{"type": "string"}},
		"scores":   {"type": "object", "additionalProperties": map[string]any{"type": "number", "format": "double"}},
		"extra":    {},
		"count":    {"type": "string"},
		"weight":   {"type": "number", "format": "float"},
		"Untagged": {"type": "boolean"},
		"mentor":   {"type": "object", "allOf": []any{map[string]any{"$ref": "#/components/schemas/member"}}, "nullable": true},
		"children": {"type": "array", "items": map[string]any{"$ref": "#/components/schemas/member"}},
	} {
		if got := prop(t, s, name); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
}

func TestEmbeddedConflictsFollowEncodingJSON(t *testing.T) {
	s := component(t, components(t, conflicts{}), "conflicts")
	raw, err := json.Marshal(conflicts{codeA: codeA{"a"}, codeB: codeB{"b"}, labelTagged: labelTagged{"t"},
		labelPlain: labelPlain{5}, Depth: "top", inner: inner{Depth: 1, Kept: 2}})
	if err != nil {
		t.Fatal(err)
	}
	var written map[string]any
	if err := json.Unmarshal(raw, &written); err != nil {
		t.Fatal(err)
	}
	got := slices.Sorted(maps.Keys(s["properties"].(map[string]any)))
	if want := slices.Sorted(maps.Keys(written)); !slices.Equal(got, want) || !slices.Equal(got, []string{"Label", "depth", "kept"}) {
		t.Errorf("properties %v, encoding/json writes %v", got, want)
	}
	if got := prop(t, s, "depth")["type"]; got != "string" {
		t.Errorf("depth is %v: the shallower field should win", got)
	}
	if got := prop(t, s, "Label")["type"]; written["Label"] != "t" || got != "string" {
		t.Errorf("Label is %v (encoding/json wrote %v): the tagged field should win", got, written["Label"])
	}
}

func TestSharedNamesAreQualifiedByPackage(t *testing.T) {
	schemas := components(t, linkPair{})
	ours := component(t, schemas, "openapi.URL")
	component(t, schemas, "url.URL")
	component(t, schemas, "Userinfo") // no other Userinfo: not qualified
	if _, ok := schemas["URL"]; ok {
		t.Error("an ambiguous URL component was written")
	}
	if p := prop(t, ours, "href"); p["type"] != "string" {
		t.Errorf("openapi.URL.href is %v", p)
	}
	lp := component(t, schemas, "linkPair")
	if got := prop(t, lp, "stdlib")["$ref"]; got != "#/components/schemas/url.URL" {
		t.Errorf("stdlib refers to %v", got)
	}
}

func TestTypesOfOnePackageWithOneNameAreNumbered(t *testing.T) {
	type orgRef struct {
		Code string `json:"code"`
	}
	type both struct {
		A orgRef        `json:"a"`
		B packageOrgRef `json:"b"`
	}
	schemas := components(t, both{})
	first, second := component(t, schemas, "openapi.orgRef"), component(t, schemas, "openapi.orgRef2")
	if _, ok := first["properties"].(map[string]any)["code"]; !ok {
		t.Errorf("the first named, in order of use, should be the local orgRef: %v", first)
	}
	if _, ok := second["properties"].(map[string]any)["name"]; !ok {
		t.Errorf("the second should be the package's orgRef: %v", second)
	}
	// The names depend only on the types, not on the order of the map.
	for range 5 {
		if again := components(t, both{}); !reflect.DeepEqual(again, schemas) {
			t.Fatal("component names changed between two builds")
		}
	}
}

type packageOrgRef = orgRef

func TestGenericNamesLoseTheirPackagePaths(t *testing.T) {
	schemas := components(t, page[orgRef]{})
	s := component(t, schemas, "page_openapi.orgRef")
	if got := prop(t, s, "rows")["items"]; !reflect.DeepEqual(got, map[string]any{"$ref": "#/components/schemas/orgRef"}) {
		t.Errorf("rows items %v", got)
	}
}

func TestCustomSchemaFromInfo(t *testing.T) {
	doc, err := Document(Info{Title: "t", Version: "1", Schemas: map[reflect.Type]map[string]any{
		reflect.TypeFor[orgRef](): {"type": "integer", "description": "an organisation id"},
	}}, []Operation{{Method: "GET", Path: "/x", OperationID: "x", Summary: "x", Response: linkOrg{}}})
	if err != nil {
		t.Fatal(err)
	}
	s := component(t, doc["components"].(map[string]any)["schemas"].(map[string]any), "linkOrg")
	if got := prop(t, s, "org"); !reflect.DeepEqual(got, map[string]any{"type": "integer", "description": "an organisation id", "nullable": true}) {
		t.Errorf("org %v", got)
	}
}

type linkOrg struct {
	Org *orgRef `json:"org"`
}

func TestBytesAndAnonymousStructs(t *testing.T) {
	type withBlob struct {
		Blob  []byte `json:"blob"`
		Inner struct {
			N int `json:"n"`
		} `json:"inner"`
	}
	s := component(t, components(t, withBlob{}), "withBlob")
	if got := prop(t, s, "blob"); !reflect.DeepEqual(got, map[string]any{"type": "string", "format": "byte"}) {
		t.Errorf("blob %v", got)
	}
	inner := prop(t, s, "inner")
	if inner["type"] != "object" || !reflect.DeepEqual(inner["required"], []string{"n"}) {
		t.Errorf("an anonymous struct is written inline: %v", inner)
	}
}

func TestTypesThatAreNotJSONAreRefused(t *testing.T) {
	type bad struct {
		C chan int `json:"c"`
	}
	_, err := Document(Info{Title: "t", Version: "1"}, []Operation{
		{Method: "GET", Path: "/x", OperationID: "x", Summary: "x", Response: bad{}}})
	if err == nil {
		t.Fatal("a channel field was accepted")
	}
}

func TestNullableCollections(t *testing.T) {
	doc, err := Document(Info{Title: "t", Version: "1", NullableCollections: true}, []Operation{
		{Method: "GET", Path: "/x", OperationID: "x", Summary: "x", Response: member{}}})
	if err != nil {
		t.Fatal(err)
	}
	s := component(t, doc["components"].(map[string]any)["schemas"].(map[string]any), "member")
	for _, name := range []string{"tags", "scores", "children"} {
		if prop(t, s, name)["nullable"] != true {
			t.Errorf("%s is not nullable", name)
		}
	}
	if err := Validate(doc, "GET", "/x", 200, marshal(t, member{State: "left"})); err != nil {
		t.Errorf("nil slices and maps: %v", err)
	}
}
