package auditlog

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/i18n"
)

// enumKeys maps a stored field to the message-key prefix of its values,
// reusing each programme's keys ("status" → "member.status." → 正式党员).
// "entity.field" entries win over plain field names.
var enumKeys = map[string]string{
	"status":            "member.status.",
	"fund_grant.status": "fund.status.",
	"sex":               "sex.",
	"category":          "member.category.",
	"left_reason":       "member.left_reason.",
	"type":              "org.type.",
	"org_type":          "org.type.",
	"industry_type":     "org.industry.",
	"role":              "role.",
	"relation":          "relation.",
	"grade":             "evaluation.grade.",
	"meeting.kind":      "meeting.kind.",
	"member_tag.kind":   "tag.kind.",
	"fund_entry.kind":   "fund.kind.",
	"member_star.leads": "star.lead.",
	"survey.group":      "survey.group.",
	"member.discipline": "discipline.kind.",
	"commendation.step": "commendation.step.",
	"survey.action":     "survey.action.",

	"site.level":                        "site.level.",
	"site.kind":                         "site.kind.",
	"site_rate.level":                   "site.level.",
	"site_rate.kind":                    "site.kind.",
	"site_disbursement.source":          "site.source.",
	"site_milestone.stage":              "site.stage.",
	"training.kind":                     "training.kind.",
	"industry.kind":                     "industry.kind.",
	"industry_attachment.attached_kind": "attach.kind.",
	"industry_attachment.industry_type": "org.industry.",
	"finance_request.status":            "finance.status.",
	"finance_request.route":             "finance.route.",
	"finance_request.approval_mode":     "finance.route.",
	"finance_voucher.status":            "finance.voucher_status.",
	"finance_count.state":               "finance.count_state.",
	"finance_count.item_kind":           "finance.count_kind.",
	"centre_case.source":                "case.source.",
	"centre_case.category":              "case.category.",
	"centre_case.outcome":               "case.outcome.",
	"centre_info.category":              "info.category.",
	"centre_register.category":          "register.category.",
	"centre_register.register":          "register.",
	"centre_request.stage":              "request.stage.",
	"centre_request.via":                "request.via.",
	"centre_request.kind":               "request.kind.",
	"culture_person.kind":               "culture.kind.",
}

// fieldLabel names a stored field: audit.field.<entity>.<field>, then the
// shared audit.field.<field>, then the raw name so nothing is lost.
func fieldLabel(lang i18n.Lang, entity, field string) string {
	for _, key := range []string{"audit.field." + entity + "." + field, "audit.field." + field} {
		if i18n.Has(key) {
			return i18n.T(lang, key, nil)
		}
	}
	return field
}

// hiddenField reports fields that only repeat what the row already says
// (its id, its town) or an id whose name is stored beside it: org_id
// next to org_name, from_org_id next to from_org.
func hiddenField(field string, fields ...map[string]any) bool {
	if field == "id" || field == "town_id" {
		return true
	}
	stem, ok := strings.CutSuffix(field, "_id")
	if !ok {
		return false
	}
	for _, m := range fields {
		for _, sibling := range []string{stem, stem + "_name", stem + "_code"} {
			if _, ok := m[sibling]; ok {
				return true
			}
		}
	}
	return false
}

// valueText prints one stored value for a reader: enumerations in words,
// booleans as 是/否, amounts in yuan, midnight timestamps as dates, lists
// of codes translated, lists of records counted.
func valueText(lang i18n.Lang, entity, field string, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		if x {
			return i18n.T(lang, "audit.yes", nil)
		}
		return i18n.T(lang, "audit.no", nil)
	case float64:
		if strings.HasSuffix(field, "_fen") {
			// Amounts are stored in fen (分), whole numbers.
			return i18n.T(lang, "audit.yuan", map[string]any{"amount": strconv.FormatFloat(x/100, 'f', 2, 64)})
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		return stringText(lang, entity, field, x)
	case []any:
		parts := make([]string, 0, len(x))
		for _, item := range x {
			if _, nested := item.(map[string]any); nested {
				return i18n.T(lang, "audit.items", map[string]any{"n": len(x)})
			}
			parts = append(parts, valueText(lang, entity, field, item))
		}
		return strings.Join(parts, i18n.T(lang, "org.sep", nil))
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			parts = append(parts, fieldLabel(lang, entity, k)+": "+valueText(lang, entity, k, x[k]))
		}
		return strings.Join(parts, "; ")
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func stringText(lang i18n.Lang, entity, field, s string) string {
	prefix, ok := enumKeys[entity+"."+field]
	if !ok {
		prefix, ok = enumKeys[field]
	}
	if ok && i18n.Has(prefix+s) {
		return i18n.T(lang, prefix+s, nil)
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		if t.Equal(t.Truncate(24 * time.Hour)) {
			return t.Format("2006-01-02")
		}
		return t.Local().Format("2006-01-02 15:04")
	}
	return s
}
