package web_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"reflect"
	"sort"
	"testing"

	"dangjian/internal/app"
	"dangjian/internal/apperr"
	"dangjian/internal/i18n"
	"dangjian/internal/openapi"
	"dangjian/internal/web"
)

// requestBodies are the JSON body types of every documented API write, in
// a fixed order, built from the programme list itself: a new programme's
// bodies are fuzzed without an entry here.
func requestBodies(t testing.TB) (keys []string, types []reflect.Type) {
	t.Helper()
	byKey := map[string]reflect.Type{}
	for _, build := range app.Programmes {
		for key, d := range build(web.Handlers{}).APIDocs {
			if d.Request == nil || d.Request == openapi.XLSX {
				continue
			}
			byKey[key] = reflect.TypeOf(d.Request)
		}
	}
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		types = append(types, byKey[k])
	}
	return keys, types
}

// FuzzAPIBodies feeds arbitrary bytes to the one JSON decoder as the body
// of each documented write. It never panics; it either fills the route's
// body type, which then encodes back to JSON, or refuses with an invalid
// or too-large error whose message exists in both languages (and names
// the field when it blames one). Seeds: each body type's own encoding,
// plus testdata/fuzz/FuzzAPIBodies.
func FuzzAPIBodies(f *testing.F) {
	keys, types := requestBodies(f)
	if len(types) < 10 {
		f.Fatalf("only %d request bodies found; is the programme list read?", len(types))
	}
	for i, typ := range types {
		seed, err := json.Marshal(reflect.New(typ).Interface())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), seed)
	}
	f.Add(uint8(0), []byte(`{"id": 1e400}`))
	f.Add(uint8(1), []byte(`{"name": "\ud800"}`))
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		i := int(which) % len(types)
		v := reflect.New(types[i]).Interface()
		r := httptest.NewRequest("POST", "/api/v1/x", bytes.NewReader(body))
		err := web.DecodeJSON(r, v)
		if err == nil {
			if _, err := json.Marshal(v); err != nil {
				t.Fatalf("%s: decoded %q but cannot encode it back: %v", keys[i], body, err)
			}
			return
		}
		e := apperr.As(err)
		if e == nil || (e.Kind != apperr.KindInvalid && e.Kind != apperr.KindTooLarge) {
			t.Fatalf("%s: %q refused with %v, not an invalid-input error", keys[i], body, err)
		}
		if e.Key != "" && !i18n.Has(e.Key) {
			t.Fatalf("%s: %q refused with key %q, which has no message", keys[i], body, e.Key)
		}
		for field, fe := range e.Fields {
			if field == "" || !i18n.Has(fe.Key) {
				t.Fatalf("%s: %q blames field %q with key %q", keys[i], body, field, fe.Key)
			}
		}
		if e.Key == "" && len(e.Fields) == 0 {
			t.Fatalf("%s: %q refused without a message: %v", keys[i], body, err)
		}
	})
}
