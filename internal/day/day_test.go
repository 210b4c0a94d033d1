package day

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseRefusesWhatIsNotADay(t *testing.T) {
	for _, s := range []string{"2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "20260101", "2026-01-32", "0000-01-01", "２０２６-01-01", "2026-01-01T00:00:00Z"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) accepted", s)
		}
	}
	for _, s := range []string{"2024-02-29", "1949-10-01", "2026-12-31"} {
		d, err := Parse(s)
		if err != nil || d.String() != s {
			t.Errorf("Parse(%q) = %v, %v", s, d, err)
		}
	}
}

func TestScanReadsEveryFormADriverHands(t *testing.T) {
	want := New(2005, 10, 1)
	for _, src := range []any{
		time.Date(2005, 10, 1, 0, 0, 0, 0, time.UTC),
		"2005-10-01",
		"2005-10-01 00:00:00+00:00",
		[]byte("2005-10-01"),
	} {
		var d Day
		if err := d.Scan(src); err != nil || d != want {
			t.Errorf("Scan(%#v) = %v, %v", src, d, err)
		}
	}
	var d = want
	if err := d.Scan(nil); err != nil || !d.IsZero() {
		t.Errorf("Scan(nil) = %v, %v", d, err)
	}
	if v, _ := (Day{}).Value(); v != nil {
		t.Errorf("zero Day stored as %v, want NULL", v)
	}
	if v, _ := want.Value(); v != "2005-10-01" {
		t.Errorf("Value = %v", v)
	}
}

func TestJSONIsTheDayAlone(t *testing.T) {
	b, _ := json.Marshal(struct {
		On  Day `json:"on"`
		Off Day `json:"off"`
	}{On: New(2005, 10, 1)})
	if string(b) != `{"on":"2005-10-01","off":null}` {
		t.Errorf("got %s", b)
	}
	var got struct{ On Day }
	if err := json.Unmarshal([]byte(`{"On":"2024-02-29"}`), &got); err != nil || got.On != New(2024, 2, 29) {
		t.Errorf("unmarshal = %v, %v", got.On, err)
	}
	if err := json.Unmarshal([]byte(`{"On":"2024-02-30"}`), &got); err == nil {
		t.Error("2024-02-30 accepted")
	}
}

func TestArithmeticCrossesMonthsAndYears(t *testing.T) {
	d := New(2026, 12, 31)
	if got := d.AddDays(1); got != New(2027, 1, 1) {
		t.Errorf("AddDays = %v", got)
	}
	if got := New(2026, 1, 31).AddMonths(1); got != New(2026, 3, 3) {
		t.Errorf("AddMonths = %v", got)
	}
	if n := New(2026, 3, 1).DaysUntil(New(2026, 3, 31)); n != 30 {
		t.Errorf("DaysUntil = %d", n)
	}
	if !New(2026, 3, 1).Before(New(2026, 3, 2)) || New(2027, 1, 1).Before(New(2026, 12, 31)) {
		t.Error("Before is wrong across a year")
	}
	if Of(time.Date(2026, 12, 1, 23, 30, 0, 0, time.FixedZone("CST", 8*3600))) != New(2026, 12, 1) {
		t.Error("Of must take the day in t's own zone")
	}
}
