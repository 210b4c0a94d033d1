package auditlog

import (
	"reflect"
	"testing"

	"dangjian/internal/i18n"
)

func TestAuditChanges(t *testing.T) {
	cases := []struct {
		name, entity, before, after string
		want                        []auditChange
	}{
		{"update shows only changed fields, labelled, values in words", "member",
			`{"id":5,"name":"董华珍","status":"probationary","sex":"M","full_on":null,"org_id":4,"org_name":"民家一组党支部"}`,
			`{"id":5,"name":"董华珍","status":"full","sex":"M","full_on":"2026-03-26T00:00:00Z","org_id":4,"org_name":"民家一组党支部"}`,
			[]auditChange{{"full_on", "转正日期", "", "2026-03-26"}, {"status", "党员状态", "预备党员", "正式党员"}}},
		{"a day as members now store it shows as itself", "member",
			`{"id":5,"status":"probationary","joined_on":"2025-03-26"}`, `{"id":5,"status":"full","joined_on":"2025-03-26","full_on":"2026-03-26"}`,
			[]auditChange{{"full_on", "转正日期", "", "2026-03-26"}, {"status", "党员状态", "预备党员", "正式党员"}}},
		{"creation shows every field but the ids the row already gives", "org", "",
			`{"id":9,"name":"海丹","type":"branch","sort_order":3,"town_id":2}`,
			[]auditChange{{"name", "名称", "", "海丹"}, {"sort_order", "排序", "", "3"}, {"type", "类型", "", "村民小组党支部"}}},
		{"booleans, amounts and lists of codes", "member_star", `{"leads":["serve"],"stars":2}`,
			`{"leads":["serve","law"],"stars":3}`,
			[]auditChange{{"leads", "带头方面", "带头服务群众", "带头服务群众、带头遵纪守法"}, {"stars", "星级", "2", "3"}}},
		{"lists of records are counted", "meeting", "", `{"attendance":[{"name":"任桂"},{"name":"何英"}],"counts":true}`,
			[]auditChange{{"attendance", "出席名单", "", "2 项"}, {"counts", "计入三会一课", "", "是"}}},
		{"money in yuan", "fund_entry", "", `{"amount_fen":150000}`,
			[]auditChange{{"amount_fen", "金额", "", "1500.00 元"}}},
		{"unknown field keeps its name", "member", `{"x":1}`, `{"x":2}`,
			[]auditChange{{"x", "x", "1", "2"}}},
		{"not an object", "org", "", `[1,2]`, []auditChange{{"value", "value", "", "1、2"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := auditChanges(i18n.ZH, c.entity, storedFields(c.before), storedFields(c.after), c.before == "", c.after == "")
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %#v\nwant %#v", got, c.want)
			}
		})
	}
}
