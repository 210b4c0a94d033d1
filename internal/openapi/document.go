package openapi

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Version is the OpenAPI version of the documents built here.
const Version = "3.0.3"

const (
	jsonMedia    = "application/json"
	errorRef     = "#/components/responses/Error"
	bearerScheme = "bearer"
)

var muxParam = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)(\.\.\.)?\}`)

// DocPath turns a ServeMux pattern into an OpenAPI path: {name...} is
// {name}, and a closing {$} is dropped (the path keeps its slash).
func DocPath(pattern string) string {
	if _, rest, ok := strings.Cut(pattern, " "); ok && !strings.HasPrefix(pattern, "/") {
		pattern = rest // "GET /x"
	}
	return muxParam.ReplaceAllString(strings.TrimSuffix(pattern, "{$}"), "{$1}")
}

// Document builds the OpenAPI document of the operations. Its paths, and
// every map in it, come out sorted when marshalled to JSON. It fails on
// a missing or repeated operation id, a route given twice, a parameter
// that is not in the path, or a body type that cannot be JSON.
func Document(info Info, ops []Operation) (map[string]any, error) {
	ops = slices.Clone(ops)
	slices.SortStableFunc(ops, func(a, b Operation) int {
		if c := strings.Compare(DocPath(a.Path), DocPath(b.Path)); c != 0 {
			return c
		}
		return strings.Compare(strings.ToUpper(a.Method), strings.ToUpper(b.Method))
	})
	g := newSchemas(info)
	// First pass: find every named struct, so that names can be chosen.
	for _, op := range ops {
		if _, err := operation(g, op); err != nil {
			return nil, err
		}
	}
	g.name()
	paths := map[string]any{}
	ids := map[string]string{}
	tags := map[string]bool{}
	for _, op := range ops {
		where := strings.ToUpper(op.Method) + " " + op.Path
		if op.OperationID == "" {
			return nil, fmt.Errorf("openapi: %s has no OperationID", where)
		}
		if other, ok := ids[op.OperationID]; ok {
			return nil, fmt.Errorf("openapi: %s and %s share the OperationID %q", other, where, op.OperationID)
		}
		ids[op.OperationID] = where
		o, err := operation(g, op)
		if err != nil {
			return nil, err
		}
		p := DocPath(op.Path)
		item, _ := paths[p].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[p] = item
		}
		m := strings.ToLower(op.Method)
		if _, dup := item[m]; dup {
			return nil, fmt.Errorf("openapi: %s is given twice", where)
		}
		item[m] = o
		for _, t := range op.Tags {
			tags[t] = true
		}
	}
	components := map[string]any{
		"securitySchemes": map[string]any{bearerScheme: map[string]any{"type": "http", "scheme": "bearer"}},
		"responses": map[string]any{"Error": map[string]any{
			"description": "Error: the code names its kind, message is for people, rule and params say which business rule refused, fields holds per-field problems",
			"content":     map[string]any{jsonMedia: map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}},
		}},
	}
	schemas := g.components
	if _, taken := schemas["Error"]; taken {
		return nil, fmt.Errorf("openapi: a body type is named Error, which the error body's schema is called")
	}
	schemas["Error"] = errorSchema(info.ErrorCodes)
	components["schemas"] = schemas
	doc := map[string]any{
		"openapi":    Version,
		"info":       infoObject(info),
		"servers":    servers(info.Servers),
		"paths":      paths,
		"components": components,
	}
	if len(tags) > 0 {
		doc["tags"] = tagList(tags, info.Tags)
	}
	return doc, nil
}

func operation(g *schemas, op Operation) (map[string]any, error) {
	where := strings.ToUpper(op.Method) + " " + op.Path
	o := map[string]any{"operationId": op.OperationID, "summary": op.Summary}
	if op.Description != "" {
		o["description"] = op.Description
	}
	if len(op.Tags) > 0 {
		o["tags"] = op.Tags
	}
	if op.Public {
		o["security"] = []any{}
	} else {
		o["security"] = []any{map[string]any{bearerScheme: []any{}}}
	}
	params, err := parameters(op)
	if err != nil {
		return nil, fmt.Errorf("openapi: %s: %w", where, err)
	}
	if len(params) > 0 {
		o["parameters"] = params
	}
	if op.Request != nil {
		content, err := body(g, op.Request, false)
		if err != nil {
			return nil, fmt.Errorf("openapi: %s request: %w", where, err)
		}
		o["requestBody"] = map[string]any{"required": !op.RequestOptional, "content": content}
	}
	status := op.Status
	if status == 0 {
		status = 200
	}
	ok := map[string]any{"description": successText(status)}
	if op.Response != nil {
		content, err := body(g, op.Response, op.List)
		if err != nil {
			return nil, fmt.Errorf("openapi: %s response: %w", where, err)
		}
		ok["content"] = content
	}
	o["responses"] = map[string]any{
		strconv.Itoa(status): ok,
		"4XX":                map[string]any{"$ref": errorRef},
		"5XX":                map[string]any{"$ref": errorRef},
	}
	return o, nil
}

// successText describes a success status. The package leaves net/http to
// the web layer, so it names the statuses an API answers with itself.
func successText(status int) string {
	switch status {
	case 200:
		return "OK"
	case 201:
		return "Created"
	case 202:
		return "Accepted"
	case 204:
		return "No Content"
	}
	return "Success"
}

// body is the content of a request or response: a file, or JSON of the
// value's type.
func body(g *schemas, v any, list bool) (map[string]any, error) {
	if b, ok := v.(Binary); ok {
		return map[string]any{b.MediaType: map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}}, nil
	}
	t, ok := v.(reflect.Type)
	if !ok {
		t = reflect.TypeOf(v)
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if list && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
		t = t.Elem()
	}
	s, err := g.of(t)
	if err != nil {
		return nil, err
	}
	if list {
		s = map[string]any{"type": "object", "required": []string{"items"}, "properties": map[string]any{
			"items": map[string]any{"type": "array", "items": s},
			"next": map[string]any{"type": "integer", "format": "int64",
				"description": "Present when there may be more: pass it back as the cursor for the next page"},
		}}
	}
	return map[string]any{jsonMedia: map[string]any{"schema": s}}, nil
}

// parameters are the path parameters of the pattern, then the query.
func parameters(op Operation) ([]any, error) {
	given := map[string]Param{}
	for _, p := range op.PathParams {
		given[p.Name] = p
	}
	var out []any
	for _, m := range muxParam.FindAllStringSubmatch(op.Path, -1) {
		p, ok := given[m[1]]
		if !ok {
			p = Param{Name: m[1]}
		}
		delete(given, m[1])
		p.Required = true
		out = append(out, parameter(p, "path"))
	}
	for name := range given {
		return nil, fmt.Errorf("path parameter %q is not in the pattern", name)
	}
	for _, p := range op.Query {
		out = append(out, parameter(p, "query"))
	}
	return out, nil
}

func parameter(p Param, in string) map[string]any {
	s := map[string]any{"type": "string"}
	if p.Type != "" {
		s["type"] = p.Type
	}
	if p.Type == "integer" {
		s["format"] = "int64"
	}
	if len(p.Enum) > 0 {
		s["enum"] = p.Enum
	}
	out := map[string]any{"name": p.Name, "in": in, "required": p.Required, "schema": s}
	if p.Description != "" {
		out["description"] = p.Description
	}
	return out
}

// errorSchema is the body of every error response.
func errorSchema(codes []string) map[string]any {
	code := map[string]any{"type": "string", "description": "The kind of error"}
	if len(codes) > 0 {
		code["enum"] = codes
	}
	return map[string]any{"type": "object", "required": []string{"error"}, "properties": map[string]any{
		"error": map[string]any{"type": "object", "required": []string{"code", "message"}, "properties": map[string]any{
			"code":    code,
			"rule":    map[string]any{"type": "string", "description": "The business rule that refused the request"},
			"message": map[string]any{"type": "string", "description": "A sentence for people, in the caller's language"},
			"params":  map[string]any{"type": "object", "additionalProperties": map[string]any{}, "description": "Values the message mentions"},
			"fields": map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "string"},
				"description": "A message per request field that was refused"},
		}},
	}}
}

func infoObject(info Info) map[string]any {
	out := map[string]any{"title": info.Title, "version": info.Version}
	if info.Description != "" {
		out["description"] = info.Description
	}
	if info.License != "" {
		l := map[string]any{"name": info.License}
		if info.LicenseURL != "" {
			l["url"] = info.LicenseURL
		}
		out["license"] = l
	}
	return out
}

func servers(urls []string) []any {
	if len(urls) == 0 {
		urls = []string{"/"}
	}
	out := make([]any, len(urls))
	for i, u := range urls {
		out[i] = map[string]any{"url": u}
	}
	return out
}

func tagList(used map[string]bool, described map[string]string) []any {
	names := make([]string, 0, len(used))
	for t := range used {
		names = append(names, t)
	}
	slices.Sort(names)
	out := make([]any, len(names))
	for i, n := range names {
		t := map[string]any{"name": n}
		if d := described[n]; d != "" {
			t["description"] = d
		}
		out[i] = t
	}
	return out
}
