package openapi

import (
	"encoding/json"
	"net/url"
	"time"
)

// Types shaped like the API's bodies, for the tests of this package.

// day is a date written as "2006-01-02", which reflection alone would
// take for an object.
type day struct{ t time.Time }

func (d day) MarshalJSON() ([]byte, error) { return json.Marshal(d.t.Format(time.DateOnly)) }

func (day) OpenAPISchema() map[string]any { return map[string]any{"type": "string", "format": "date"} }

// status says its values through a pointer method.
type status string

func (*status) OpenAPISchema() map[string]any {
	return map[string]any{"type": "string", "enum": []string{"active", "left"}}
}

type stamps struct {
	ID      int64     `json:"id"`
	Created time.Time `json:"created"`
}

type Audit struct {
	By   string `json:"by"`
	Note string `json:"note,omitempty"`
}

type orgRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

type member struct {
	stamps                      // flattened: id, created
	*Audit                      // flattened too, but may be nil: by is not required
	Name     string             `json:"name"`
	Phone    string             `json:"phone,omitempty"`
	Secret   string             `json:"-"`
	Born     day                `json:"born"`
	State    status             `json:"state"`
	Left     *time.Time         `json:"left,omitempty"`
	Org      *orgRef            `json:"org"`
	Tags     []string           `json:"tags"`
	Scores   map[string]float64 `json:"scores"`
	Extra    json.RawMessage    `json:"extra"`
	Count    int                `json:"count,string"`
	Weight   float32            `json:"weight,omitzero"`
	Untagged bool
	hidden   int
	Mentor   *member  `json:"mentor,omitempty"` // recursion through a $ref
	Children []member `json:"children"`
}

// sampleMember is a member with every field set, so that encoding/json
// writes every property.
func sampleMember() member {
	left := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	return member{
		stamps: stamps{ID: 7, Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
		Audit:  &Audit{By: "admin", Note: "entered"},
		Name:   "张三", Phone: "13800000000", Secret: "x",
		Born: day{time.Date(1990, 5, 6, 0, 0, 0, 0, time.UTC)}, State: "active", Left: &left,
		Org: &orgRef{ID: 3, Name: "一支部"}, Tags: []string{"veteran"}, Scores: map[string]float64{"2026": 92.5},
		Extra: json.RawMessage(`{"anything": [1, "two"]}`), Count: 3, Weight: 1.5, Untagged: true, hidden: 1,
		Mentor:   &member{Name: "李四", State: "left", Tags: []string{}, Scores: map[string]float64{}, Children: []member{}},
		Children: []member{},
	}
}

// Two embedded structs at one depth both give "Code": neither is written.
type codeA struct{ Code string }
type codeB struct{ Code string }

// The tagged field wins over the untagged one at the same depth.
type labelTagged struct {
	Name string `json:"Label"`
}
type labelPlain struct{ Label int }

type conflicts struct {
	codeA
	codeB
	labelTagged
	labelPlain
	Depth string `json:"depth"`
	inner        // its "depth" is deeper and loses
}

type inner struct {
	Depth int `json:"depth"`
	Kept  int `json:"kept"`
}

// URL shares its name with net/url.URL: both are qualified.
type URL struct {
	Href string `json:"href"`
}

type linkPair struct {
	Ours   URL     `json:"ours"`
	Stdlib url.URL `json:"stdlib"`
}

type page[T any] struct {
	Rows []T `json:"rows"`
}

type memberInput struct {
	OrgID int64  `json:"org_id"`
	Name  string `json:"name"`
}

type importJob struct {
	ID    int64  `json:"id"`
	State string `json:"state"`
}

var sampleInfo = Info{
	Title: "sample API", Version: "1", Description: "Operations shaped like the real ones",
	License: "Proprietary", LicenseURL: "https://example.org/licence",
	Tags:       map[string]string{"members": "The roster", "meta": "About the API"},
	ErrorCodes: []string{"invalid", "not_found", "internal"},
}

// sampleOps has one operation of each shape the API has.
func sampleOps() []Operation {
	id := []Param{{Name: "id", Type: "integer", Description: "The member's id"}}
	return []Operation{
		{Method: "GET", Path: "/api/v1/openapi.json", OperationID: "openapi", Summary: "This document",
			Tags: []string{"meta"}, Public: true, Response: map[string]any{}},
		{Method: "GET", Path: "/api/v1/members", OperationID: "memberList", Summary: "The roster",
			Tags: []string{"members"}, List: true, Response: []member{},
			Query: []Param{{Name: "after", Type: "integer", Description: "The next of the previous page"},
				{Name: "status", Description: "Which members", Enum: []string{"active", "left"}}}},
		{Method: "POST", Path: "/api/v1/members", OperationID: "memberCreate", Summary: "Enter a member",
			Tags: []string{"members"}, Request: memberInput{}, Response: &member{}, Status: 201},
		{Method: "GET", Path: "/api/v1/members/board", OperationID: "memberBoard", Summary: "Counts per stage",
			Tags: []string{"members"}, Response: map[string]int{}},
		{Method: "GET", Path: "/api/v1/members/{id}", OperationID: "memberShow", Summary: "A member",
			Tags: []string{"members"}, PathParams: id, Response: member{}},
		{Method: "POST", Path: "/api/v1/members/{id}/leave", OperationID: "memberLeave", Summary: "Record leaving",
			Tags: []string{"members"}, PathParams: id, Request: struct {
				Note string `json:"note"`
			}{}, RequestOptional: true},
		{Method: "GET", Path: "/api/v1/members/export.xlsx", OperationID: "memberExport", Summary: "The roster as .xlsx",
			Tags: []string{"members"}, Response: XLSX},
		{Method: "POST", Path: "/api/v1/members/imports", OperationID: "memberImport", Summary: "Import a roster",
			Tags: []string{"members"}, Request: XLSX, Response: importJob{}, Status: 202,
			Query: []Param{{Name: "org_id", Type: "integer", Required: true, Description: "Where to import"}}},
		{Method: "GET", Path: "/api/v1/files/{name...}", OperationID: "fileShow", Summary: "A file",
			Tags: []string{"meta"}, Response: json.RawMessage(nil)},
		{Method: "GET", Path: "/api/v1/links", OperationID: "links", Summary: "Links",
			Tags: []string{"meta"}, Public: true, Response: linkPair{}},
	}
}
