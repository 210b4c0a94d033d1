// Package openapi builds the API's OpenAPI 3.0.3 document from a list of
// operations whose request and response bodies are Go types, and checks
// JSON responses against it. Schemas come from the types by reflection,
// following encoding/json's rules, so the document describes what the
// handlers really write.
//
// It depends on the standard library only, and not on net/http, which is
// the web layer's: the web kit describes its routes with Operation values
// and calls Document; tests check the responses they receive with a
// Validator and lint the document with internal/openapi/lint.
package openapi

import "reflect"

// Operation describes one API route.
type Operation struct {
	Method string // GET, POST, …
	// Path is the ServeMux pattern without the method, such as
	// /api/v1/members/{id}; {$} and {name...} are understood.
	Path        string
	OperationID string // unique, URL-safe: memberShow
	Summary     string
	Description string // optional, longer than the summary
	Tags        []string
	// PathParams describes path parameters; a parameter of the pattern
	// left out here is a string.
	PathParams []Param
	Query      []Param
	// Public operations need no token.
	Public bool
	// Request is the JSON body the handler decodes: a value of its type
	// (or a reflect.Type), nil for none, or a Binary for a raw upload.
	Request any
	// RequestOptional marks a body the handler reads only when present.
	RequestOptional bool
	// Response is the JSON body of the success response: a value of its
	// type (or a reflect.Type), nil for no body, or a Binary for a file.
	// A top-level pointer is followed, as the body is never null.
	Response any
	// List wraps Response, the type of one item, in the list envelope
	// {"items": [...], "next": cursor}; a slice type is taken as its item.
	List bool
	// Status of success: 200 when zero, 201 for creates, 202 for jobs.
	Status int
}

// Param is a path or query parameter.
type Param struct {
	Name        string
	Description string
	Type        string // string (default), integer, number or boolean
	Required    bool   // path parameters are always required
	Enum        []string
}

// Binary marks a body that is a file rather than JSON.
type Binary struct{ MediaType string }

// XLSX is an Excel workbook, uploaded as a request body or downloaded.
var XLSX = Binary{MediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}

// Info is what the document says about the API as a whole.
type Info struct {
	Title       string
	Version     string
	Description string
	License     string // name of the licence, optional
	LicenseURL  string
	// Servers are base URLs; "/" (the document's own host) when empty.
	Servers []string
	// Tags describes the tags used by the operations, by name.
	Tags map[string]string
	// ErrorCodes, when set, are the values error.code can take.
	ErrorCodes []string
	// Schemas gives the schema of types that cannot carry an
	// OpenAPISchema method, such as types of other modules.
	Schemas map[reflect.Type]map[string]any
	// NullableCollections says slices and maps may be null, as
	// encoding/json writes nil ones. Left false, the document promises
	// [] and {}, and Validate reports a handler that writes null.
	NullableCollections bool
}

// SchemaProvider is a type that describes its own JSON form, for types
// whose MarshalJSON differs from what reflection sees (a date written as
// "2006-01-02", say: {"type": "string", "format": "date"}). The method is
// called on the zero value.
type SchemaProvider interface {
	OpenAPISchema() map[string]any
}
