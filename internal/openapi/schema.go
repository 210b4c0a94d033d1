package openapi

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"time"
)

var (
	timeType        = reflect.TypeFor[time.Time]()
	rawMessageType  = reflect.TypeFor[json.RawMessage]()
	numberType      = reflect.TypeFor[json.Number]()
	providerType    = reflect.TypeFor[SchemaProvider]()
	marshalerType   = reflect.TypeFor[json.Marshaler]()
	textMarshalType = reflect.TypeFor[encoding.TextMarshaler]()
)

// schemas turns Go types into JSON Schemas. Named struct types become
// components, referred to by $ref; everything else is written inline.
// It runs twice over the same types: the first pass only records which
// named structs there are, so that their component names can be chosen
// knowing every type (a name is qualified only when two types share it).
type schemas struct {
	custom     map[reflect.Type]map[string]any
	nilIsNull  bool                    // slices and maps may be null
	names      map[reflect.Type]string // nil during the first pass
	seen       []reflect.Type          // named structs, in order of first use
	components map[string]any
	done       map[reflect.Type]bool
}

func newSchemas(info Info) *schemas {
	return &schemas{custom: info.Schemas, nilIsNull: info.NullableCollections,
		components: map[string]any{}, done: map[reflect.Type]bool{}}
}

// name ends the first pass: from now on, named structs are referred to.
func (g *schemas) name() {
	g.names = componentNames(g.seen)
	g.done = map[reflect.Type]bool{}
}

// of returns the schema of values of type t.
func (g *schemas) of(t reflect.Type) (map[string]any, error) {
	if s, ok := g.custom[t]; ok {
		return clone(s), nil
	}
	if t.Kind() == reflect.Pointer {
		s, err := g.of(t.Elem())
		return nullable(s), err
	}
	if s, ok := provided(t); ok {
		return s, nil
	}
	switch t {
	case timeType:
		return map[string]any{"type": "string", "format": "date-time"}, nil
	case rawMessageType:
		return map[string]any{}, nil // any JSON value
	case numberType:
		return map[string]any{"type": "number"}, nil
	}
	if implements(t, marshalerType) {
		// Its JSON is its own business; without a schema it may be anything.
		return map[string]any{}, nil
	}
	if implements(t, textMarshalType) {
		return map[string]any{"type": "string"}, nil
	}
	switch t.Kind() {
	case reflect.Bool:
		return map[string]any{"type": "boolean"}, nil
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Uint8, reflect.Uint16:
		return map[string]any{"type": "integer", "format": "int32"}, nil
	case reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return map[string]any{"type": "integer", "format": "int64"}, nil
	case reflect.Float32:
		return map[string]any{"type": "number", "format": "float"}, nil
	case reflect.Float64:
		return map[string]any{"type": "number", "format": "double"}, nil
	case reflect.String:
		return map[string]any{"type": "string"}, nil
	case reflect.Interface:
		return map[string]any{}, nil
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 && !implements(t.Elem(), marshalerType) && !implements(t.Elem(), textMarshalType) {
			return map[string]any{"type": "string", "format": "byte"}, nil // base64
		}
		return g.array(t)
	case reflect.Array:
		return g.array(t)
	case reflect.Map:
		items, err := g.of(t.Elem())
		return g.collection(map[string]any{"type": "object", "additionalProperties": items}), err
	case reflect.Struct:
		if t.Name() == "" {
			return g.object(t)
		}
		return g.ref(t)
	}
	return nil, fmt.Errorf("openapi: %s cannot be written as JSON", t)
}

// array is a slice or array.
func (g *schemas) array(t reflect.Type) (map[string]any, error) {
	items, err := g.of(t.Elem())
	s := map[string]any{"type": "array", "items": items}
	if t.Kind() == reflect.Slice {
		s = g.collection(s)
	}
	return s, err
}

// collection is a slice's or map's schema. encoding/json writes a nil one
// as null; unless told otherwise the schema does not allow it, so that a
// handler writing null where clients expect [] is caught.
func (g *schemas) collection(s map[string]any) map[string]any {
	if g.nilIsNull {
		s["nullable"] = true
	}
	return s
}

// ref returns the $ref of a named struct, building its component once.
func (g *schemas) ref(t reflect.Type) (map[string]any, error) {
	if !g.done[t] {
		g.done[t] = true
		if g.names == nil {
			g.seen = append(g.seen, t)
		}
		s, err := g.object(t)
		if err != nil {
			return nil, err
		}
		if g.names != nil {
			g.components[g.names[t]] = s
		}
	}
	if g.names == nil {
		return map[string]any{}, nil
	}
	return map[string]any{"$ref": "#/components/schemas/" + g.names[t]}, nil
}

// object is a struct's JSON object. Fields that are always written are
// required; nothing forbids more, so clients may ignore new fields.
func (g *schemas) object(t reflect.Type) (map[string]any, error) {
	props := map[string]any{}
	required := []string{}
	for _, f := range jsonFields(t) {
		var s map[string]any
		var err error
		if f.quoted {
			s = map[string]any{"type": "string"}
			if f.typ.Kind() == reflect.Pointer {
				s = nullable(s)
			}
		} else if s, err = g.of(f.typ); err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t, f.name, err)
		}
		props[f.name] = s
		if !f.optional {
			required = append(required, f.name)
		}
	}
	s := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		s["required"] = required
	}
	return s, nil
}

// provided is the schema a type gives of itself, through its value or
// pointer method set.
func provided(t reflect.Type) (map[string]any, bool) {
	switch {
	case t.Implements(providerType):
		return reflect.Zero(t).Interface().(SchemaProvider).OpenAPISchema(), true
	case reflect.PointerTo(t).Implements(providerType):
		return reflect.New(t).Interface().(SchemaProvider).OpenAPISchema(), true
	}
	return nil, false
}

func implements(t, iface reflect.Type) bool {
	return t.Implements(iface) || reflect.PointerTo(t).Implements(iface)
}

// nullable allows null besides s. OpenAPI 3.0 ignores keywords beside a
// $ref, so a reference (always to a struct's object) is wrapped in allOf;
// nullable needs a type beside it.
func nullable(s map[string]any) map[string]any {
	if len(s) == 0 {
		return s // any value, null included
	}
	if _, ok := s["$ref"]; ok {
		return map[string]any{"type": "object", "allOf": []any{s}, "nullable": true}
	}
	out := clone(s)
	out["nullable"] = true
	return out
}

func clone(s map[string]any) map[string]any {
	out := make(map[string]any, len(s))
	for k, v := range s {
		out[k] = v
	}
	return out
}
