package orglife

import (
	"dangjian/internal/day"
	"strings"
	"testing"
)

func TestPeriodOf(t *testing.T) {
	cases := []struct {
		c          Cadence
		d          day.Day
		start, end day.Day
		label      string
	}{
		{CadenceMonth, ymd(2026, 11, 26), ymd(2026, 11, 1), ymd(2026, 12, 1), "2026-11"},
		{CadenceMonth, ymd(2026, 12, 31), ymd(2026, 12, 1), ymd(2027, 1, 1), "2026-12"},
		{CadenceMonth, ymd(2026, 1, 1), ymd(2026, 1, 1), ymd(2026, 2, 1), "2026-01"},
		{CadenceQuarter, ymd(2026, 11, 26), ymd(2026, 10, 1), ymd(2027, 1, 1), "2026Q4"},
		{CadenceQuarter, ymd(2026, 3, 31), ymd(2026, 1, 1), ymd(2026, 4, 1), "2026Q1"},
		{CadenceQuarter, ymd(2026, 4, 1), ymd(2026, 4, 1), ymd(2026, 7, 1), "2026Q2"},
		{CadenceQuarter, ymd(2026, 9, 30), ymd(2026, 7, 1), ymd(2026, 10, 1), "2026Q3"},
		{CadenceYear, ymd(2026, 11, 26), ymd(2026, 1, 1), ymd(2027, 1, 1), "2026"},
	}
	for _, c := range cases {
		p := PeriodOf(c.c, c.d)
		if p.Start != c.start || p.End != c.end || p.Label() != c.label {
			t.Errorf("PeriodOf(%s, %s) = %s–%s %s, want %s–%s %s", c.c, c.d,
				p.Start, p.End, p.Label(), c.start, c.end, c.label)
		}
		if !p.Contains(c.d) || p.Contains(p.End) || !p.Contains(p.Start) || p.Contains(p.Start.AddDays(-1)) {
			t.Errorf("%s: Contains is wrong at the edges", p.Label())
		}
	}
	if n := PeriodOf(CadenceQuarter, ymd(2026, 11, 1)).Next(); n.Label() != "2027Q1" {
		t.Errorf("next quarter after 2026Q4 = %s", n.Label())
	}
}

// states renders a kind's periods as one letter each: m met, x missed,
// d due, u upcoming, - untracked.
func states(k KindCompliance) string {
	letter := map[PeriodState]string{PeriodMet: "m", PeriodMissed: "x", PeriodDue: "d", PeriodUpcoming: "u", PeriodUntracked: "-"}
	var b strings.Builder
	for _, p := range k.Periods {
		b.WriteString(letter[p.State])
	}
	return b.String()
}

func TestKindCompliance(t *testing.T) {
	today := ymd(2026, 11, 26)
	longAgo := ymd(2020, 1, 1)
	cases := []struct {
		name          string
		kind          MeetingKind
		year          int
		trackFrom     day.Day
		held          []day.Day
		want          string
		met, required int
	}{
		{"monthly, nothing held", MeetingCommittee, 2026, longAgo, nil, "xxxxxxxxxxdu", 0, 10},
		{"monthly, every month but this one", MeetingCommittee, 2026, longAgo,
			[]day.Day{ymd(2026, 1, 5), ymd(2026, 2, 5), ymd(2026, 3, 5), ymd(2026, 4, 5), ymd(2026, 5, 5), ymd(2026, 6, 5),
				ymd(2026, 7, 5), ymd(2026, 8, 5), ymd(2026, 9, 5), ymd(2026, 10, 31)}, "mmmmmmmmmmdu", 10, 10},
		{"monthly: this month held counts as met and required", MeetingThemeDay, 2026, longAgo,
			[]day.Day{ymd(2026, 11, 1)}, "xxxxxxxxxxmu", 1, 11},
		{"monthly: two in one month are one period", MeetingGroup, 2026, longAgo,
			[]day.Day{ymd(2026, 3, 1), ymd(2026, 3, 31)}, "xxmxxxxxxxdu", 1, 10},
		{"monthly: records begin in June", MeetingCommittee, 2026, ymd(2026, 6, 15),
			[]day.Day{ymd(2026, 6, 20), ymd(2026, 8, 1)}, "-----mxmxxdu", 2, 5},
		{"quarterly, held in Q1 and Q3", MeetingAssembly, 2026, longAgo,
			[]day.Day{ymd(2026, 2, 1), ymd(2026, 9, 30)}, "mxmd", 2, 3},
		{"quarterly lecture, Q4 already held", MeetingLecture, 2026, longAgo,
			[]day.Day{ymd(2026, 10, 1)}, "xxxm", 1, 4},
		{"yearly, not yet this year", MeetingLife, 2026, longAgo, nil, "d", 0, 0},
		{"yearly, held", MeetingLife, 2026, longAgo, []day.Day{ymd(2026, 1, 20)}, "m", 1, 1},
		{"a past year is all over", MeetingLife, 2025, longAgo, nil, "x", 0, 1},
		{"a past year by months", MeetingCommittee, 2025, ymd(2025, 12, 1), []day.Day{ymd(2025, 12, 1)}, "-----------m", 1, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k := kindCompliance(c.kind, c.year, today, c.trackFrom, c.held)
			if got := states(k); got != c.want || k.Met != c.met || k.Required != c.required {
				t.Fatalf("got %s met %d/%d, want %s met %d/%d", got, k.Met, k.Required, c.want, c.met, c.required)
			}
		})
	}
	if r := kindCompliance(MeetingLife, 2026, today, longAgo, nil).Rate(); r != -1 {
		t.Errorf("rate with nothing required = %d, want -1", r)
	}
	if r := kindCompliance(MeetingAssembly, 2026, today, longAgo, []day.Day{ymd(2026, 2, 1), ymd(2026, 9, 30)}).Rate(); r != 66 {
		t.Errorf("rate 2 of 3 = %d, want 66", r)
	}
}

func TestOutstanding(t *testing.T) {
	today := ymd(2026, 11, 26)
	d := ymd
	cases := []struct {
		name      string
		kind      MeetingKind
		trackFrom day.Day
		last      day.Day
		due       bool
		since     day.Day
		periods   int
	}{
		{"held this month", MeetingCommittee, ymd(2020, 1, 1), d(2026, 11, 1), false, day.Day{}, 0},
		{"held last month: due this month only", MeetingCommittee, ymd(2020, 1, 1), d(2026, 10, 31), true, ymd(2026, 11, 1), 1},
		{"held in August: three months running", MeetingCommittee, ymd(2020, 1, 1), d(2026, 8, 14), true, ymd(2026, 9, 1), 3},
		{"never held, records since March", MeetingThemeDay, ymd(2026, 3, 10), day.Day{}, true, ymd(2026, 3, 1), 9},
		{"never held, entered today", MeetingGroup, today, day.Day{}, true, ymd(2026, 11, 1), 1},
		{"quarterly held in Q3", MeetingAssembly, ymd(2020, 1, 1), d(2026, 9, 30), true, ymd(2026, 10, 1), 1},
		{"quarterly held in Q4", MeetingLecture, ymd(2020, 1, 1), d(2026, 10, 1), false, day.Day{}, 0},
		{"quarterly last held a year ago", MeetingLecture, ymd(2020, 1, 1), d(2025, 11, 20), true, ymd(2026, 1, 1), 4},
		{"yearly held last year", MeetingLife, ymd(2020, 1, 1), d(2025, 12, 30), true, ymd(2026, 1, 1), 1},
		{"yearly never held since 2024", MeetingLife, ymd(2024, 6, 1), day.Day{}, true, ymd(2024, 1, 1), 3},
		{"records begin after the last meeting's next period", MeetingCommittee, ymd(2026, 10, 5), d(2026, 3, 1), true, ymd(2026, 10, 1), 2},
		{"records said to begin in the future", MeetingCommittee, ymd(2027, 2, 1), day.Day{}, true, ymd(2026, 11, 1), 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, due := outstanding(c.kind, today, c.trackFrom, c.last)
			if due != c.due {
				t.Fatalf("due = %v, want %v", due, c.due)
			}
			if due && (o.Since != c.since || o.Periods != c.periods) {
				t.Fatalf("since %s × %d, want %s × %d", o.Since, o.Periods, c.since, c.periods)
			}
			if due && o.Overdue() != (c.periods > 1) {
				t.Fatalf("Overdue() = %v with %d periods", o.Overdue(), c.periods)
			}
		})
	}
}

func TestTrackingStart(t *testing.T) {
	d := ymd
	created := ymd(2026, 5, 3)
	var none day.Day
	cases := []struct {
		name    string
		founded day.Day
		first   day.Day
		want    day.Day
	}{
		{"entered the system, nothing else known", none, none, ymd(2026, 5, 3)},
		{"founded long before entry: from entry", d(1998, 7, 1), none, ymd(2026, 5, 3)},
		{"founded after entry", d(2026, 7, 1), none, ymd(2026, 7, 1)},
		{"paper records from before entry", none, d(2025, 12, 10), ymd(2025, 12, 10)},
		{"a first meeting after entry changes nothing", none, d(2026, 6, 1), ymd(2026, 5, 3)},
	}
	for _, c := range cases {
		if got := trackingStart(c.founded, created, c.first); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

func TestOverdueCursor(t *testing.T) {
	for _, c := range []struct {
		org int64
		ord int
	}{{1, 0}, {1, 5}, {130000, 3}, {1 << 40, 5}} {
		cur := overdueCursor(c.org, c.ord)
		if cur>>3 != c.org || int(cur&7) != c.ord {
			t.Errorf("cursor(%d, %d) = %d decodes wrong", c.org, c.ord, cur)
		}
	}
}
