package openapi

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxProblems caps the problems one Validate reports.
const maxProblems = 20

// ErrUndocumented is the error, wrapped, of Validate for a path or a
// method the document does not have: a test checking every response can
// let the mux's own 404 and 405 for such requests through.
var ErrUndocumented = errors.New("not in the document")

// Validator checks response bodies against one document. Build it once
// and use it for every response of a test run.
type Validator struct {
	doc   map[string]any
	paths map[string]any
}

// NewValidator reads a document: the map Document returns, or its JSON.
func NewValidator(doc any) (*Validator, error) {
	raw, ok := doc.([]byte)
	if !ok {
		var err error
		if raw, err = json.Marshal(doc); err != nil {
			return nil, fmt.Errorf("openapi: document: %w", err)
		}
	}
	var m map[string]any
	if err := decodeJSON(raw, &m); err != nil {
		return nil, fmt.Errorf("openapi: document: %w", err)
	}
	paths, _ := m["paths"].(map[string]any)
	return &Validator{doc: m, paths: paths}, nil
}

// Validate checks a response body against doc (see NewValidator). path is
// the route's ServeMux pattern or the request's own path.
func Validate(doc any, method, path string, status int, body []byte) error {
	v, err := NewValidator(doc)
	if err != nil {
		return err
	}
	return v.Validate(method, path, status, body)
}

// Validate checks that the document has the operation and the status,
// and that body matches the schema it gives for them: JSON of the schema,
// nothing where no content is given. File bodies are not looked into.
// path is the route's ServeMux pattern (/api/v1/members/{id}) or a
// request path (/api/v1/members/12, a query string is ignored).
func (v *Validator) Validate(method, path string, status int, body []byte) error {
	where := fmt.Sprintf("%s %s → %d", strings.ToUpper(method), path, status)
	op, err := v.operation(method, path)
	if err != nil {
		return fmt.Errorf("openapi: %s: %w", where, err)
	}
	resp, err := v.response(op, status)
	if err != nil {
		return fmt.Errorf("openapi: %s: %w", where, err)
	}
	content, _ := resp["content"].(map[string]any)
	if len(content) == 0 {
		if len(bytes.TrimSpace(body)) > 0 {
			return fmt.Errorf("openapi: %s: the document gives no body, got %d bytes", where, len(body))
		}
		return nil
	}
	media, ok := content[jsonMedia].(map[string]any)
	if !ok {
		return nil // a file
	}
	var value any
	if err := decodeJSON(body, &value); err != nil {
		return fmt.Errorf("openapi: %s: body is not JSON: %w", where, err)
	}
	schema, _ := media["schema"].(map[string]any)
	c := checker{v: v}
	c.check(schema, value, "", 0)
	if len(c.problems) > 0 {
		return fmt.Errorf("openapi: %s: %s", where, strings.Join(c.problems, "; "))
	}
	return nil
}

// operation finds the operation of a pattern or of a concrete path; a
// path whose literal segments match earlier wins, as in ServeMux
// (/members/board before /members/{id}).
func (v *Validator) operation(method, path string) (map[string]any, error) {
	path, _, _ = strings.Cut(path, "?")
	path = DocPath(path)
	item, ok := v.paths[path].(map[string]any)
	if !ok {
		best := ""
		for tmpl := range v.paths {
			if matches(tmpl, path) && (best == "" || moreSpecific(tmpl, best)) {
				best = tmpl
			}
		}
		if best == "" {
			return nil, fmt.Errorf("no such path: %w", ErrUndocumented)
		}
		item = v.paths[best].(map[string]any)
	}
	op, ok := item[strings.ToLower(method)].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("no such operation: %w", ErrUndocumented)
	}
	return op, nil
}

func matches(tmpl, path string) bool {
	ts, ps := strings.Split(tmpl, "/"), strings.Split(path, "/")
	if len(ts) != len(ps) {
		return false
	}
	for i, t := range ts {
		if isParam(t) {
			if ps[i] == "" {
				return false
			}
		} else if t != ps[i] {
			return false
		}
	}
	return true
}

// moreSpecific reports whether template a has a literal segment where b,
// otherwise alike up to there, has a parameter.
func moreSpecific(a, b string) bool {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	for i := range as {
		if pa, pb := isParam(as[i]), isParam(bs[i]); pa != pb {
			return pb
		}
	}
	return a < b
}

func isParam(segment string) bool { return strings.HasPrefix(segment, "{") }

// response is the status's response: exact, then its range (4XX), then
// default, with a $ref followed.
func (v *Validator) response(op map[string]any, status int) (map[string]any, error) {
	responses, _ := op["responses"].(map[string]any)
	for _, key := range []string{strconv.Itoa(status), strconv.Itoa(status/100) + "XX", "default"} {
		if r, ok := responses[key].(map[string]any); ok {
			return v.resolve(r)
		}
	}
	return nil, fmt.Errorf("status not in the document")
}

// resolve follows a local $ref (#/components/…).
func (v *Validator) resolve(s map[string]any) (map[string]any, error) {
	for range 32 {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s, nil
		}
		target, err := v.pointer(ref)
		if err != nil {
			return nil, err
		}
		s = target
	}
	return nil, fmt.Errorf("$ref loop at %v", s["$ref"])
}

func (v *Validator) pointer(ref string) (map[string]any, error) {
	rest, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return nil, fmt.Errorf("$ref %q is not local", ref)
	}
	var node any = v.doc
	for part := range strings.SplitSeq(rest, "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		m, _ := node.(map[string]any)
		if node = m[part]; node == nil {
			return nil, fmt.Errorf("$ref %q points at nothing", ref)
		}
	}
	m, ok := node.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("$ref %q is not an object", ref)
	}
	return m, nil
}

// checker walks a value and its schema together, collecting problems by
// JSON pointer. It knows the keywords the generator writes, and allOf,
// anyOf and oneOf for custom schemas.
type checker struct {
	v        *Validator
	problems []string
}

func (c *checker) fail(ptr, format string, args ...any) {
	if len(c.problems) >= maxProblems {
		if len(c.problems) == maxProblems {
			c.problems = append(c.problems, "…")
		}
		return
	}
	if ptr == "" {
		ptr = "/"
	}
	c.problems = append(c.problems, ptr+": "+fmt.Sprintf(format, args...))
}

func (c *checker) check(s map[string]any, value any, ptr string, depth int) {
	if depth > 64 {
		c.fail(ptr, "schema nests too deep")
		return
	}
	s, err := c.v.resolve(s)
	if err != nil {
		c.fail(ptr, "%v", err)
		return
	}
	if value == nil && s["nullable"] == true {
		return
	}
	if enum, ok := s["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return reflect.DeepEqual(e, value) }) {
		c.fail(ptr, "%s is not one of %s", show(value), show(enum))
	}
	if all, ok := s["allOf"].([]any); ok {
		for _, sub := range all {
			sm, _ := sub.(map[string]any)
			c.check(sm, value, ptr, depth+1)
		}
	}
	for _, key := range []string{"anyOf", "oneOf"} {
		if alts, ok := s[key].([]any); ok {
			c.alternatives(key, alts, value, ptr, depth)
		}
	}
	typ, _ := s["type"].(string)
	if typ == "" {
		return
	}
	if value == nil {
		c.fail(ptr, "null where %s is wanted", typ)
		return
	}
	switch typ {
	case "object":
		c.object(s, value, ptr, depth)
	case "array":
		list, ok := value.([]any)
		if !ok {
			c.fail(ptr, "want array, got %s", kindOf(value))
			return
		}
		items, _ := s["items"].(map[string]any)
		for i, item := range list {
			c.check(items, item, ptr+"/"+strconv.Itoa(i), depth+1)
		}
	case "string":
		str, ok := value.(string)
		if !ok {
			c.fail(ptr, "want string, got %s", kindOf(value))
			return
		}
		c.format(s, str, ptr)
	case "integer", "number":
		n, ok := value.(json.Number)
		if !ok {
			c.fail(ptr, "want %s, got %s", typ, kindOf(value))
			return
		}
		if typ == "integer" && !integral(n) {
			c.fail(ptr, "want integer, got %s", n)
		}
	case "boolean":
		if _, ok := value.(bool); !ok {
			c.fail(ptr, "want boolean, got %s", kindOf(value))
		}
	default:
		c.fail(ptr, "schema has unknown type %q", typ)
	}
}

func (c *checker) object(s map[string]any, value any, ptr string, depth int) {
	obj, ok := value.(map[string]any)
	if !ok {
		c.fail(ptr, "want object, got %s", kindOf(value))
		return
	}
	props, _ := s["properties"].(map[string]any)
	required, _ := s["required"].([]any)
	for _, r := range required {
		if name, _ := r.(string); name != "" {
			if _, ok := obj[name]; !ok {
				c.fail(ptr, "missing required %q", name)
			}
		}
	}
	names := make([]string, 0, len(obj))
	for k := range obj {
		names = append(names, k)
	}
	slices.Sort(names) // problems in a stable order
	for _, k := range names {
		sub := ptr + "/" + strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
		if ps, ok := props[k].(map[string]any); ok {
			c.check(ps, obj[k], sub, depth+1)
			continue
		}
		switch extra := s["additionalProperties"].(type) {
		case bool:
			if !extra {
				c.fail(sub, "not allowed here")
			}
		case map[string]any:
			c.check(extra, obj[k], sub, depth+1)
		}
	}
}

func (c *checker) alternatives(key string, alts []any, value any, ptr string, depth int) {
	passed := 0
	for _, alt := range alts {
		sm, _ := alt.(map[string]any)
		sub := checker{v: c.v}
		sub.check(sm, value, ptr, depth+1)
		if len(sub.problems) == 0 {
			passed++
		}
	}
	switch {
	case passed == 0:
		c.fail(ptr, "matches none of %s", key)
	case key == "oneOf" && passed > 1:
		c.fail(ptr, "matches %d of oneOf", passed)
	}
}

func (c *checker) format(s map[string]any, str, ptr string) {
	var err error
	switch s["format"] {
	case "date":
		_, err = time.Parse(time.DateOnly, str)
	case "date-time":
		_, err = time.Parse(time.RFC3339Nano, str)
	case "byte":
		_, err = base64.StdEncoding.DecodeString(str)
	default:
		return
	}
	if err != nil {
		c.fail(ptr, "%q is not a %v", str, s["format"])
	}
}

func integral(n json.Number) bool {
	if _, err := strconv.ParseInt(n.String(), 10, 64); err == nil {
		return true
	}
	f, err := n.Float64()
	return err == nil && f == math.Trunc(f)
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "boolean"
	}
	return fmt.Sprintf("%T", v)
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// decodeJSON reads one JSON value, keeping numbers exact.
func decodeJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("more than one JSON value")
	}
	return nil
}
