package orglife

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/members"
)

// Grade is a 民主评议党员 result.
type Grade string

const (
	GradeExcellent   Grade = "excellent"   // 优秀
	GradeQualified   Grade = "qualified"   // 合格
	GradeBasic       Grade = "basic"       // 基本合格
	GradeUnqualified Grade = "unqualified" // 不合格
	GradeNone        Grade = ""            // 预备党员: takes part, not graded
)

// Grades in the order forms list them.
var Grades = []Grade{GradeExcellent, GradeQualified, GradeBasic, GradeUnqualified}

// Valid reports whether g is one of the four grades.
func (g Grade) Valid() bool {
	return slices.Contains(Grades, g)
}

// Evaluation is one member's 民主评议 of a year.
type Evaluation struct {
	ID         int64   `json:"id"`
	MemberID   int64   `json:"member_id"`
	MemberName string  `json:"member_name"`
	OrgID      int64   `json:"org_id"`
	Year       int     `json:"year"`
	Grade      Grade   `json:"grade"` // empty: took part without a grade (预备党员)
	HeldOn     day.Day `json:"held_on"`
}

// GradeInput is one member's line of the evaluation form.
type GradeInput struct {
	MemberID int64 `json:"member_id"`
	Grade    Grade `json:"grade"`
}

// NewEvaluation is the input of RecordEvaluation: the branch's 民主评议 of
// a year, held on a day (in that year or early the next).
type NewEvaluation struct {
	OrgID  int64
	Year   int
	HeldOn day.Day
	Grades []GradeInput
}

// excellentCap is the most members that may be graded 优秀 out of graded
// ones under share (rounded down).
func excellentCap(graded int, share float64) int {
	return int(math.Floor(float64(graded)*share + 1e-9))
}

// checkExcellentShare is the rule evaluation.excellent_cap: the share of
// 优秀 among the graded members may not exceed the configured share.
func checkExcellentShare(excellent, graded int, share float64) error {
	if max := excellentCap(graded, share); excellent > max {
		return apperr.Rule("evaluation.excellent_cap", apperr.Params{"excellent": excellent, "graded": graded,
			"share": shareParam(share), "max": max})
	}
	return nil
}

// shareParam names a share in words where there are words for it
// (三分之一), or as a percentage.
func shareParam(share float64) any {
	for n, key := range map[int]string{2: "share.one_half", 3: "share.one_third", 4: "share.one_quarter", 5: "share.one_fifth"} {
		if math.Abs(share-1/float64(n)) < 1e-9 {
			return i18n.Key(key)
		}
	}
	return fmt.Sprintf("%g%%", math.Round(share*1000)/10)
}

// RecordEvaluation records a branch's 民主评议 for a year. Rules:
//   - evaluation.probationary_not_graded: a 预备党员 takes part without a
//     grade; every 正式党员 on the list gets one;
//   - one evaluation per member per year (a second is a conflict);
//   - evaluation.excellent_cap: 优秀 within Rules.ExcellentShareMax of the
//     graded members of the branch that year, counting earlier entries.
func (s *Service) RecordEvaluation(ctx context.Context, a *auth.Actor, in NewEvaluation) ([]Evaluation, error) {
	today := day.Today(s.Clock)
	var out []Evaluation
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		b, err := branchFor(ctx, tx, a, in.OrgID, auth.PermMemberWrite)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		members.YearField(f, "year", in.Year, 2000, today.Year())
		switch {
		case in.HeldOn.IsZero():
			f.Add("held_on", "error.date_required", nil)
		case in.HeldOn.After(today):
			f.Add("held_on", "meeting.date_future", apperr.Params{"today": today})
		case in.HeldOn.Year() != in.Year && in.HeldOn.Year() != in.Year+1:
			f.Add("held_on", "evaluation.held_on_year", apperr.Params{"year": in.Year, "next": in.Year + 1})
		}
		if len(in.Grades) == 0 {
			f.Add("grades", "evaluation.empty", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		roster, err := branchMembersOn(ctx, tx, b.ID, in.HeldOn)
		if err != nil {
			return err
		}
		lines, err := evaluationLines(in, roster)
		if err != nil {
			return err
		}
		excellent, graded, err := branchGradeCounts(ctx, tx, b.ID, in.Year)
		if err != nil {
			return err
		}
		for _, l := range lines {
			if l.Grade != GradeNone {
				graded++
			}
			if l.Grade == GradeExcellent {
				excellent++
			}
		}
		if err := checkExcellentShare(excellent, graded, s.Rules.ExcellentShareMax); err != nil {
			return err
		}
		now := s.Clock.Now()
		for _, l := range lines {
			e := Evaluation{MemberID: l.member.ID, MemberName: l.member.Name, OrgID: b.ID, Year: in.Year,
				Grade: l.Grade, HeldOn: in.HeldOn}
			err := tx.QueryRowContext(ctx, `INSERT INTO member_evaluations(town_id, org_id, member_id, year, grade, held_on, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, db.NullID(b.TownID), b.ID, e.MemberID, e.Year,
				string(e.Grade), e.HeldOn, now).Scan(&e.ID)
			if db.IsUniqueViolation(err) {
				return apperr.Conflict("evaluation.already", apperr.Params{"name": e.MemberName, "year": e.Year})
			}
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "evaluation.record", Entity: "org",
			EntityID: b.ID, OrgID: b.ID, After: map[string]any{"year": in.Year, "held_on": in.HeldOn, "grades": out}})
	})
	return out, err
}

type evaluationLine struct {
	member members.Member
	Grade  Grade
}

// evaluationLines checks each line against the branch's members on the
// day: a member of the branch, listed once, graded if and only if a
// 正式党员 that day.
func evaluationLines(in NewEvaluation, roster []members.Member) ([]evaluationLine, error) {
	byID := make(map[int64]members.Member, len(roster))
	for _, m := range roster {
		byID[m.ID] = m
	}
	seen := map[int64]bool{}
	f := apperr.Fields{}
	var out []evaluationLine
	for _, g := range in.Grades {
		m, ok := byID[g.MemberID]
		if !ok {
			f.Add("grades", "evaluation.not_in_branch", apperr.Params{"id": g.MemberID, "date": in.HeldOn})
			continue
		}
		if seen[m.ID] {
			f.Add("grades", "meeting.attendee_duplicate", apperr.Params{"name": m.Name})
			continue
		}
		seen[m.ID] = true
		g.Grade = Grade(strings.TrimSpace(string(g.Grade)))
		voting := m.VotingOn(in.HeldOn.Time())
		switch {
		case !voting && g.Grade != GradeNone:
			return nil, apperr.Rule("evaluation.probationary_not_graded", apperr.Params{"name": m.Name})
		case voting && !g.Grade.Valid():
			f.Add("grades", "evaluation.grade_required", apperr.Params{"name": m.Name})
		}
		out = append(out, evaluationLine{member: m, Grade: g.Grade})
	}
	return out, f.Err()
}

// branchGradeCounts counts 优秀 and all graded members already recorded
// for a branch and year.
func branchGradeCounts(ctx context.Context, q db.Queryer, orgID int64, year int) (excellent, graded int, err error) {
	err = q.QueryRowContext(ctx, `SELECT COALESCE(SUM(CASE WHEN grade = 'excellent' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN grade <> '' THEN 1 ELSE 0 END), 0)
		FROM member_evaluations WHERE org_id = $1 AND year = $2`, orgID, year).Scan(&excellent, &graded)
	return excellent, graded, err
}

// EvaluationSheet is a branch's 民主评议 of a year: the results so far
// and the members still to evaluate, with the 优秀 cap for the form.
type EvaluationSheet struct {
	Branch     BranchInfo       `json:"branch"`
	Year       int              `json:"year"`
	Day        day.Day          `json:"day"`
	Results    []Evaluation     `json:"results"`
	Pending    []MeetingInvitee `json:"pending"` // Voting=false: 预备党员, not graded
	Excellent  int              `json:"excellent"`
	Graded     int              `json:"graded"`
	ShareMax   float64          `json:"share_max"`
	ExcellentN int              `json:"excellent_max"` // the cap if every pending 正式党员 is graded
}

// BranchEvaluation shows a branch's 民主评议 of a year. The members still
// to evaluate are those of the branch on the last day of the year (or
// today, within the year).
func (s *Service) BranchEvaluation(ctx context.Context, a *auth.Actor, orgID int64, year int) (EvaluationSheet, error) {
	today := day.Today(s.Clock)
	sh := EvaluationSheet{Year: year, ShareMax: s.Rules.ExcellentShareMax, Pending: []MeetingInvitee{}} // [] when all are graded
	b, err := branchFor(ctx, s.DB, a, orgID, auth.PermMemberRead)
	if err != nil {
		return sh, err
	}
	sh.Branch = b
	if year < 2000 || year > today.Year() {
		return sh, apperr.Invalid("year", "activity.year_range", apperr.Params{"min": 2000, "max": today.Year()})
	}
	sh.Day = day.New(year, time.December, 31)
	if sh.Day.After(today) {
		sh.Day = today
	}
	if sh.Results, err = queryEvaluations(ctx, s.DB, `e.org_id = $1 AND e.year = $2`, b.ID, year); err != nil {
		return sh, err
	}
	done := map[int64]bool{}
	for _, e := range sh.Results {
		done[e.MemberID] = true
		if e.Grade != GradeNone {
			sh.Graded++
		}
		if e.Grade == GradeExcellent {
			sh.Excellent++
		}
	}
	roster, err := branchMembersOn(ctx, s.DB, b.ID, sh.Day)
	if err != nil {
		return sh, err
	}
	graded := sh.Graded
	for _, m := range roster {
		if done[m.ID] {
			continue
		}
		v := m.VotingOn(sh.Day.Time())
		if v {
			graded++
		}
		sh.Pending = append(sh.Pending, MeetingInvitee{MemberID: m.ID, Name: m.Name, Status: m.Status, Voting: v})
	}
	sh.ExcellentN = excellentCap(graded, sh.ShareMax)
	return sh, nil
}

func queryEvaluations(ctx context.Context, q db.Queryer, where string, args ...any) ([]Evaluation, error) {
	rows, err := q.QueryContext(ctx, `SELECT e.id, e.member_id, m.name, e.org_id, e.year, e.grade, e.held_on
		FROM member_evaluations e JOIN members m ON m.id = e.member_id WHERE `+where+`
		ORDER BY e.year DESC, m.name, e.member_id LIMIT 1000`, args...)
	if err != nil {
		return nil, fmt.Errorf("orglife: query evaluations: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, e *Evaluation) error {
		if err := r.Scan(&e.ID, &e.MemberID, &e.MemberName, &e.OrgID, &e.Year, &e.Grade, &e.HeldOn); err != nil {
			return err
		}
		return nil
	})
}
