package auditlog

import (
	"reflect"
	"testing"
)

func TestAuditChanges(t *testing.T) {
	cases := []struct {
		name, before, after string
		want                []auditChange
	}{
		{"update shows only changed fields",
			`{"holder_name":"孟杰","started_on":"2021-03-01T00:00:00Z","post_id":70}`,
			`{"holder_name":"杨春梅","started_on":"2026-11-26T00:00:00Z","post_id":70}`,
			[]auditChange{{"holder_name", "孟杰", "杨春梅"}, {"started_on", "2021-03-01", "2026-11-26"}}},
		{"creation shows every field", "", `{"name":"海丹","n":3}`,
			[]auditChange{{"n", "", "3"}, {"name", "", "海丹"}}},
		{"nested values stay compact", `{"a":{"x":1}}`, `{"a":{"x":2}}`,
			[]auditChange{{"a", `{"x":1}`, `{"x":2}`}}},
		{"not an object", "", `[1,2]`, []auditChange{{"value", "", "[1,2]"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := auditChanges(c.before, c.after); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %#v\nwant %#v", got, c.want)
			}
		})
	}
}
