package auditlog

import (
	"encoding/json"
	"reflect"
	"sort"

	"dangjian/internal/i18n"
)

// auditChange is one field of an audit record as a reader sees it.
type auditChange struct {
	Field  string `json:"field"`
	Label  string `json:"label"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// storedFields reads a record's stored JSON; a value that is not an
// object is kept whole under "value".
func storedFields(s string) map[string]any {
	m := map[string]any{}
	if s == "" {
		return m
	}
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		var v any
		_ = json.Unmarshal([]byte(s), &v)
		return map[string]any{"value": v}
	}
	return m
}

// auditChanges lists the fields that changed between before and after
// (every field for a creation or deletion), labelled and printed in the
// reader's language, so a cadre reads "党员状态: 预备党员 → 正式党员"
// instead of two JSON documents.
func auditChanges(lang i18n.Lang, entity string, before, after map[string]any, created, deleted bool) []auditChange {
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	names := make([]string, 0, len(keys))
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)
	out := []auditChange{}
	for _, k := range names {
		b, a := before[k], after[k]
		if !created && !deleted && reflect.DeepEqual(b, a) {
			continue
		}
		if hiddenField(k, before, after) {
			continue
		}
		out = append(out, auditChange{Field: k, Label: fieldLabel(lang, entity, k),
			Before: valueText(lang, entity, k, b), After: valueText(lang, entity, k, a)})
	}
	return out
}
