package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"

	"dangjian/internal/openapi"
)

// APIDoc describes one API operation of a programme for the OpenAPI
// document; the kit adds the method, path, operation id (the handler's
// name) and security from the route itself, so the document cannot list a
// route that does not exist or miss one that does.
type APIDoc struct {
	Summary string
	// Query are the optional query parameters; ids, cursors, limits and
	// years are integers, everything else a string.
	Query []string
	// Body adds words on a write's body to what Request's schema says;
	// it is no substitute for Request.
	Body string
	// Request is the type of the JSON body the handler decodes (a value),
	// or openapi.XLSX for an uploaded workbook. Its fields are required in
	// the document unless tagged omitempty, which decoding ignores: the
	// tag is how a body type says a field may be left out.
	Request any
	// RequestOptional says the handler reads Request only when sent.
	RequestOptional bool
	// Response is the type of the success body (a value) or openapi.XLSX
	// for a download. Every route has one but a 204, which has no body:
	// a document promising "any JSON" would check nothing.
	Response any
	// List says Response is one item of the list envelope {items, next}.
	List bool
	// Status of success when not 200 (201 for creates, 202 for jobs).
	Status int
}

// apiInfo is what the document says about the API as a whole.
var apiInfo = openapi.Info{
	Title:   "dangjian API",
	Version: "1",
	Description: "党建示范镇管理平台. Authenticate with an API token from your account page: Authorization: Bearer dj_…. " +
		"Lists return {items, next}; pass next back as after (before for the audit log) for the following page. " +
		"Dates in request bodies are written 2006-01-02.",
	License: "Proprietary",
}

// buildOpenAPI makes the document from the route table once, at start-up:
// a route without documentation or a body type that cannot be JSON stops
// the server, not an integrator's request.
func (s *Server) buildOpenAPI() ([]byte, error) {
	var ops []openapi.Operation
	tagOf := map[string]string{}
	for _, p := range s.programmes {
		for _, rt := range p.Routes {
			tagOf[rt.Method+" "+rt.Pattern] = p.Name
		}
	}
	info := apiInfo
	info.Tags = map[string]string{"kit": "The API's own description"}
	for _, p := range s.programmes {
		info.Tags[p.Name] = programmeSummary[p.Name]
	}
	for code := range kindCodes {
		info.ErrorCodes = append(info.ErrorCodes, kindCodes[code])
	}
	slices.Sort(info.ErrorCodes)
	for _, rt := range s.routes {
		if !strings.HasPrefix(rt.Pattern, "/api/") {
			continue
		}
		key := rt.Method + " " + rt.Pattern
		d, ok := s.apiDocs[key]
		if !ok {
			return nil, fmt.Errorf("API route %s has no documentation", key)
		}
		tag := tagOf[key]
		if tag == "" {
			tag = "kit"
		}
		op, err := operationOf(rt, d, tag)
		if err != nil {
			return nil, err
		}
		ops = append(ops, op)
	}
	doc, err := openapi.Document(info, ops)
	if err != nil {
		return nil, err
	}
	return json.Marshal(doc)
}

// programmeSummary describes each programme's tag in the document.
var programmeSummary = map[string]string{
	"account":  "The authenticated user",
	"auditlog": "The change log",
	"org":      "Organisations, posts and holders, 软弱涣散, 两委, secretaries",
	"people":   "Households and residents",
	"members":  "Party members, the development pipeline, 三培养, reports, roster import and export",
	"orglife":  "三会一课 and compliance, 设岗定责, 评星授旗, 民主评议, 谏言献策, the care fund, one's own record",
}

// operationOf describes one route; documentation that leaves a body's
// type out is refused rather than described as any JSON.
func operationOf(rt Route, d APIDoc, tag string) (openapi.Operation, error) {
	key := rt.Method + " " + rt.Pattern
	if err := d.check(); err != nil {
		return openapi.Operation{}, fmt.Errorf("API route %s: %w", key, err)
	}
	op := openapi.Operation{Method: rt.Method, Path: rt.Pattern, OperationID: operationID(rt),
		Summary: d.Summary, Tags: []string{tag}, Public: rt.IsPublic(), Request: d.Request,
		RequestOptional: d.RequestOptional, Response: d.Response, List: d.List, Status: d.Status}
	if d.Body != "" {
		op.Description = "Body: " + d.Body
	}
	for _, m := range pathParam.FindAllStringSubmatch(rt.Pattern, -1) {
		op.PathParams = append(op.PathParams, openapi.Param{Name: m[1], Type: paramType(m[1])})
	}
	for _, q := range d.Query {
		op.Query = append(op.Query, openapi.Param{Name: q, Type: paramType(q)})
	}
	return op, nil
}

// check reports documentation that does not type the bodies it speaks of.
func (d APIDoc) check() error {
	switch {
	case d.Response == nil && d.Status != http.StatusNoContent:
		return errors.New("APIDoc has no Response: set it to the type of the success body (Status 204 if there is none)")
	case d.Response != nil && d.Status == http.StatusNoContent:
		return errors.New("APIDoc has a Response but Status 204, which has no body")
	case d.Body != "" && d.Request == nil:
		return errors.New("APIDoc describes a Body but has no Request: set it to the type the handler decodes")
	}
	return nil
}

var pathParam = regexp.MustCompile(`\{([a-z_]+)(\.\.\.)?\}`)

// paramType is the JSON type of a parameter by its name: record ids,
// cursors, limits and years are whole numbers.
func paramType(name string) string {
	switch {
	case name == "id" || name == "tag" || strings.HasSuffix(name, "_id"),
		name == "after" || name == "before" || name == "limit" || name == "year":
		return "integer"
	}
	return "string"
}

// operationID is the handler's own name without its api prefix
// ("apiMemberShow" → "memberShow"): unique, stable and the same word a
// maintainer greps for.
func operationID(rt Route) string {
	name := runtime.FuncForPC(reflect.ValueOf(rt.Handle).Pointer()).Name()
	name = strings.TrimSuffix(name[strings.LastIndex(name, ".")+1:], "-fm")
	name = strings.TrimPrefix(name, "api")
	if name == "" {
		return name
	}
	return strings.ToLower(name[:1]) + name[1:]
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(s.openAPI)
	return err
}
