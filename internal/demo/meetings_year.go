package demo

import (
	"dangjian/internal/day"
	"dangjian/internal/orglife"
	"slices"
	"time"
)

// A year of 三会一课 for every branch, relative to today. The records
// begin on the first day of the quarter a year ago, so each quarter and
// each year they touch is whole: 支委会, 党小组会 and 主题党日 monthly,
// 支部党员大会 in the middle month of each quarter, 党课 in its first
// month, 组织生活会 in December. Meetings whose day has not come yet this
// month are not held yet (the period is due, not missed).

// habit is how a branch keeps its meetings.
type habit int

const (
	habitRegular   habit = iota // every cadence kept
	habitLate                   // two 党小组会 and last quarter's 党课 missed
	habitAlternate              // meets every other month: 支委会 or 主题党日, and the 党员大会
	habitLapsed                 // one 支委会 a year ago, then nothing until three months of 主题党日
	habitStarted                // only the last three months' 主题党日
)

// branchStory is a branch's part in the demo: its habit and the story's
// exceptions.
type branchStory struct {
	habit habit
	// seed spreads the branches' meeting days over the month.
	seed int
	// skipCommittee lists months back (0 = this month) without a 支委会.
	skipCommittee []int
	// lowAssembly makes this quarter's 党员大会 fall below quorum.
	lowAssembly bool
	// seniorLecture: this quarter's 党课 is given by a town leader (the
	// branch is a 联系点 of a 副科级以上 leader).
	seniorLecture bool
}

// storyOf is the part of group g (0-based) of village v. 民家一组 has not
// held this month's 支委会 yet; 民家二组 missed one two months ago; 民家三组
// and 四组 meet every other month, as does 得戛三组, flagged 软弱涣散 for
// it; 海丹三组's 党员大会 this quarter was below
// quorum; 海戛一组 has lapsed and 海戛二组 has only started; about one in
// five branches of the other villages missed a few meetings. The first
// group of every village is a town leader's 联系点.
func storyOf(v int, village string, g int) branchStory {
	s := branchStory{seed: v*10 + g, seniorLecture: g == 0}
	switch {
	case village == "民家" && g == 0:
		s.skipCommittee = []int{0}
	case village == "民家" && g == 1:
		s.skipCommittee = []int{2}
	case village == "民家" && g <= 3:
		s.habit = habitAlternate
	case village == "海丹" && g == 2:
		s.lowAssembly = true
	case village == "海戛" && g == 0:
		s.habit = habitLapsed
	case village == "海戛" && g == 1:
		s.habit = habitStarted
	case village == "得戛" && g == 2:
		s.habit = habitAlternate // under rectification as 软弱涣散 for it
	case v >= 3 && (v+g)%5 == 0:
		s.habit = habitLate
	}
	return s
}

// planned is one meeting of the plan.
type planned struct {
	kind   orglife.MeetingKind
	on     time.Time
	low    bool // below quorum
	senior bool // a 党课 by a town leader
}

// yearPlan lists the meetings of a branch from the start of the records
// to today, oldest first.
func yearPlan(s branchStory, today time.Time) []planned {
	thisMonth := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	from := orglife.PeriodOf(orglife.CadenceQuarter, day.Of(today.AddDate(-1, 0, 0))).Start.Time()
	span := monthsBetween(from, thisMonth)
	thisQuarter := orglife.PeriodOf(orglife.CadenceQuarter, day.Of(today))
	quarterStart := thisQuarter.Start.Time()
	committeeDay := 5 + s.seed%6
	var out []planned
	add := func(k orglife.MeetingKind, month time.Time, day int) {
		if on := month.AddDate(0, 0, day-1); !on.After(today) {
			out = append(out, planned{kind: k, on: on})
		}
	}
	for back := span; back >= 0; back-- {
		month := thisMonth.AddDate(0, -back, 0)
		inQuarter := (int(month.Month()) - 1) % 3
		switch s.habit {
		case habitStarted, habitLapsed:
			if s.habit == habitLapsed && back == span {
				add(orglife.MeetingCommittee, month, committeeDay)
			}
			if back < 3 {
				add(orglife.MeetingThemeDay, month, 1)
			}
			continue
		case habitAlternate:
			if back%2 == 0 {
				add(orglife.MeetingCommittee, month, committeeDay)
			} else {
				add(orglife.MeetingThemeDay, month, 1)
			}
			if inQuarter == 1 {
				add(orglife.MeetingAssembly, month, 18)
			}
			continue
		}
		add(orglife.MeetingThemeDay, month, 1)
		if !slices.Contains(s.skipCommittee, back) {
			add(orglife.MeetingCommittee, month, committeeDay)
		}
		if !(s.habit == habitLate && (back == 4 || back == 5)) {
			add(orglife.MeetingGroup, month, committeeDay+4)
		}
		lastQuarter := !month.Before(quarterStart.AddDate(0, -3, 0)) && month.Before(quarterStart)
		if inQuarter == 0 && !(s.habit == habitLate && lastQuarter) {
			n := len(out)
			add(orglife.MeetingLecture, month, 3)
			if len(out) > n && s.seniorLecture && thisQuarter.Contains(day.Of(month)) {
				out[n].senior = true
			}
		}
		if inQuarter == 1 && !(s.lowAssembly && thisQuarter.Contains(day.Of(month))) {
			add(orglife.MeetingAssembly, month, 20)
		}
		if month.Month() == time.December {
			add(orglife.MeetingLife, month, 20)
		}
	}
	if s.lowAssembly {
		// Called early in the quarter, and too few came.
		on := quarterStart.AddDate(0, 0, 1)
		if on.After(today) {
			on = today
		}
		out = append(out, planned{kind: orglife.MeetingAssembly, on: on, low: true})
	}
	return out
}

func monthsBetween(from, to time.Time) int {
	return (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month())
}
