package auditlog

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// auditChange is one field of an audit record as the log page shows it.
type auditChange struct {
	Field, Before, After string
}

// auditChanges turns a record's stored before/after JSON into the fields
// that changed (all fields for a creation or deletion), so a clerk reads
// "holder_name: 孟杰 → 杨春梅" instead of two JSON documents.
func auditChanges(before, after string) []auditChange {
	b, a := flatJSON(before), flatJSON(after)
	keys := map[string]bool{}
	for k := range b {
		keys[k] = true
	}
	for k := range a {
		keys[k] = true
	}
	names := make([]string, 0, len(keys))
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)
	var out []auditChange
	for _, k := range names {
		if b[k] == a[k] && before != "" && after != "" {
			continue
		}
		out = append(out, auditChange{Field: k, Before: b[k], After: a[k]})
	}
	return out
}

// flatJSON reads a JSON object into field → printable value; nested
// values stay compact JSON and midnight timestamps print as dates.
func flatJSON(s string) map[string]string {
	out := map[string]string{}
	if s == "" {
		return out
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		out["value"] = s
		return out
	}
	for k, v := range m {
		switch x := v.(type) {
		case nil:
			out[k] = ""
		case string:
			out[k] = strings.TrimSuffix(x, "T00:00:00Z")
		case float64, bool:
			out[k] = fmt.Sprint(x)
		default:
			b, _ := json.Marshal(x)
			out[k] = string(b)
		}
	}
	return out
}
