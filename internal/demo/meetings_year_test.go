package demo

import (
	"dangjian/internal/day"
	"dangjian/internal/orglife"
	"testing"
	"time"
)

// On any day of the year, a regular branch's plan holds each kind once in
// every period from the start of its records, never in the future, and
// leaves only the current period open; the exceptions of the story hold
// too.
func TestYearPlanOnEveryDay(t *testing.T) {
	for today := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC); today.Year() == 2026; today = today.AddDate(0, 0, 1) {
		plan := yearPlan(storyOf(7, "大河", 4), today)
		from := plan[0].on
		for _, p := range plan {
			if p.on.After(today) {
				t.Fatalf("%s: %s planned on %s", today.Format(time.DateOnly), p.kind, p.on.Format(time.DateOnly))
			}
			from = minTime(from, p.on)
		}
		for _, k := range orglife.MeetingKinds {
			held := map[string]int{}
			for _, p := range plan {
				if p.kind == k {
					held[orglife.PeriodOf(k.Cadence(), day.Of(p.on)).Label()]++
				}
			}
			cur := orglife.PeriodOf(k.Cadence(), day.Of(today))
			for per := orglife.PeriodOf(k.Cadence(), day.Of(from)); per.Start.Before(cur.Start); per = per.Next() {
				if held[per.Label()] != 1 {
					t.Fatalf("%s: %s held %d times in %s", today.Format(time.DateOnly), k, held[per.Label()], per.Label())
				}
			}
		}
		if from.After(time.Date(today.Year()-1, today.Month(), 1, 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("%s: records begin on %s, less than a year ago", today.Format(time.DateOnly), from.Format(time.DateOnly))
		}
	}

	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	count := func(s branchStory, k orglife.MeetingKind, since time.Time) (n int) {
		for _, p := range yearPlan(s, today) {
			if p.kind == k && !p.on.Before(since) {
				n++
			}
		}
		return n
	}
	thisMonth := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	if count(storyOf(0, "民家", 0), orglife.MeetingCommittee, thisMonth) != 0 {
		t.Error("民家一组 has held this month's 支委会")
	}
	if count(storyOf(0, "民家", 2), orglife.MeetingGroup, time.Time{}) != 0 {
		t.Error("民家三组, meeting every other month, holds 党小组会")
	}
	if n := count(storyOf(1, "海戛", 1), orglife.MeetingThemeDay, time.Time{}); n != 3 {
		t.Errorf("海戛二组, only started, has %d 主题党日, want 3", n)
	}
	low := 0
	for _, p := range yearPlan(storyOf(2, "海丹", 2), today) {
		if p.low {
			low++
		}
	}
	if low != 1 {
		t.Errorf("海丹三组 has %d 党员大会 below quorum, want 1", low)
	}
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
