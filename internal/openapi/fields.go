package openapi

import (
	"reflect"
	"slices"
	"strings"
)

// jsonField is one member of a struct's JSON object.
type jsonField struct {
	name   string
	typ    reflect.Type
	index  []int
	tagged bool // the name comes from a json tag
	// optional fields may be missing from the object: omitempty,
	// omitzero, or promoted through an embedded pointer that can be nil.
	optional bool
	quoted   bool // ",string": the scalar is written as a JSON string
}

// jsonFields lists the fields encoding/json writes for the struct type t,
// with embedded structs flattened and name conflicts settled by the same
// rules: the shallowest field wins, then the tagged one, and a tie drops
// the name.
func jsonFields(t reflect.Type) []jsonField {
	var fields []jsonField
	type level struct {
		typ      reflect.Type
		index    []int
		optional bool
	}
	next := []level{{typ: t}}
	var count, nextCount map[reflect.Type]int
	visited := map[reflect.Type]bool{}
	for len(next) > 0 {
		current := next
		next = nil
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, l := range current {
			if visited[l.typ] {
				continue
			}
			visited[l.typ] = true
			for i := range l.typ.NumField() {
				sf := l.typ.Field(i)
				if sf.Anonymous {
					ft := sf.Type
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				index := append(slices.Clone(l.index), i)
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					f := jsonField{name: name, typ: sf.Type, index: index, tagged: name != "",
						optional: l.optional || hasOpt(opts, "omitempty") || hasOpt(opts, "omitzero"),
						quoted:   hasOpt(opts, "string") && quotable(ft)}
					if f.name == "" {
						f.name = sf.Name
					}
					fields = append(fields, f)
					if count[l.typ] > 1 {
						// The same struct embedded twice at one depth: its
						// fields cancel out, as in encoding/json.
						fields = append(fields, f)
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, level{typ: ft, index: index,
						optional: l.optional || sf.Type.Kind() == reflect.Pointer})
				}
			}
		}
	}
	return dominantFields(fields)
}

// dominantFields keeps, for each name, the field encoding/json would write.
func dominantFields(fields []jsonField) []jsonField {
	slices.SortStableFunc(fields, func(a, b jsonField) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := len(a.index) - len(b.index); c != 0 {
			return c
		}
		if a.tagged != b.tagged {
			if a.tagged {
				return -1
			}
			return 1
		}
		return slices.Compare(a.index, b.index)
	})
	var out []jsonField
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].name == fields[i].name {
			j++
		}
		group := fields[i:j]
		i = j
		if len(group) > 1 && len(group[0].index) == len(group[1].index) && group[0].tagged == group[1].tagged {
			continue // ambiguous: encoding/json writes neither
		}
		out = append(out, group[0])
	}
	slices.SortFunc(out, func(a, b jsonField) int { return slices.Compare(a.index, b.index) })
	return out
}

func hasOpt(opts, want string) bool {
	for o := range strings.SplitSeq(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}

// quotable reports whether ",string" applies to values of t.
func quotable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.String:
		return true
	}
	return false
}
