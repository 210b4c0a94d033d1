package orglife

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members"
)

// RecordMeeting records a meeting of a branch with its attendance. The
// actor needs members.write over the branch. 应到/实到 are derived from
// the attendance list; a meeting below quorum is recorded with
// Counts=false and the returned Meeting's QuorumProblem says why.
func (s *Service) RecordMeeting(ctx context.Context, a *auth.Actor, in NewMeeting) (Meeting, error) {
	today := day.Today(s.Clock)
	var m Meeting
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		b, err := branchFor(ctx, tx, a, in.OrgID, auth.PermMemberWrite)
		if err != nil {
			return err
		}
		if !b.holdsMeetings() {
			return apperr.Invalid("org_id", "meeting.not_branch", nil)
		}
		f := apperr.Fields{}
		in.HeldOn = validMeetingFields(f, &in, today)
		if err := f.Err(); err != nil {
			return err
		}
		roster, err := branchMembersOn(ctx, tx, b.ID, in.HeldOn)
		if err != nil {
			return err
		}
		if m, err = newMeeting(b, in, roster); err != nil {
			return err
		}
		return s.insertMeeting(ctx, tx, a, &m)
	})
	return m, err
}

// newMeeting is the record of a meeting of branch b whose typed fields
// are valid, given the branch's members on the meeting day.
func newMeeting(b BranchInfo, in NewMeeting, roster []members.Member) (Meeting, error) {
	lines, t, headcount, err := buildAttendance(in, roster)
	if err != nil {
		return Meeting{}, err
	}
	m := Meeting{TownID: b.TownID, OrgID: b.ID, OrgName: b.Name, OrgPath: b.Path, Kind: in.Kind,
		Topic: in.Topic, HeldOn: in.HeldOn, Place: in.Place, Minutes: in.Minutes,
		Expected: t.Expected, Present: t.Present, VotingExpected: t.VotingExpected,
		VotingPresent: t.VotingPresent, HeadcountOnly: headcount, Attendance: lines}
	m.Counts = m.QuorumProblem() == nil
	if in.Kind == MeetingLecture {
		m.Speaker = &Speaker{Name: in.Speaker, Title: in.SpeakerTitle, Senior: in.SpeakerSenior}
	}
	return m, nil
}

// validMeetingFields checks the typed fields and returns the meeting day.
func validMeetingFields(f apperr.Fields, in *NewMeeting, today day.Day) day.Day {
	if !in.Kind.Valid() {
		f.Add("kind", "meeting.kind_unknown", nil)
	}
	in.Topic = apperr.Text(f, "topic", in.Topic, 200, true)
	in.Place = apperr.Text(f, "place", in.Place, 200, false)
	in.Minutes = apperr.Prose(f, "minutes", in.Minutes, 20000, false)
	switch {
	case in.HeldOn.IsZero():
		f.Add("held_on", "error.date_required", nil)
	case in.HeldOn.After(today):
		f.Add("held_on", "meeting.date_future", apperr.Params{"today": today})
	}
	if in.Kind == MeetingLecture {
		in.Speaker = apperr.Text(f, "speaker", in.Speaker, 50, true)
		in.SpeakerTitle = apperr.Text(f, "speaker_title", in.SpeakerTitle, 100, false)
	}
	return in.HeldOn
}

// buildAttendance turns the entered list into attendance lines and the
// turnout, applying the attendance rules:
//   - every line names a member of the branch on the day, once;
//   - at a meeting of all members, everyone not listed is absent;
//   - meeting.absence_reason: every absentee has a reason;
//   - with nobody on the roster, typed figures are used and
//     meeting.present_exceeds_expected keeps 实到 within 应到.
func buildAttendance(in NewMeeting, roster []members.Member) ([]Attendance, turnout, bool, error) {
	if len(roster) == 0 {
		return headcountTurnout(in)
	}
	byID := make(map[int64]members.Member, len(roster))
	for _, m := range roster {
		byID[m.ID] = m
	}
	given := map[int64]AttendanceInput{}
	seen := map[int64]bool{}
	f := apperr.Fields{}
	var unknown []string
	for _, l := range in.Attendance {
		m, ok := byID[l.MemberID]
		switch {
		case !ok:
			unknown = append(unknown, strconv.FormatInt(l.MemberID, 10))
		case seen[l.MemberID]:
			f.Add("attendance", "meeting.attendee_duplicate", apperr.Params{"name": m.Name})
		default:
			l.Reason = strings.TrimSpace(l.Reason)
			given[l.MemberID] = l
			seen[l.MemberID] = true
		}
	}
	if len(unknown) > 0 {
		f.Add("attendance", "meeting.attendee_unknown", apperr.Params{"ids": strings.Join(unknown, ", "),
			"date": in.HeldOn})
	}
	if !in.Kind.AllMembers() && len(given) == 0 {
		f.Add("attendance", "meeting.attendance_required", nil)
	}
	if err := f.Err(); err != nil {
		return nil, turnout{}, false, err
	}
	var lines []Attendance
	var t turnout
	var missingReason []string
	for _, m := range roster {
		l, listed := given[m.ID]
		if !listed && !in.Kind.AllMembers() {
			continue // not expected at a committee or group meeting
		}
		voting := m.VotingOn(in.HeldOn.Time())
		lines = append(lines, Attendance{MemberID: m.ID, Name: m.Name, Present: l.Present, Voting: voting, Reason: l.Reason})
		t.Expected++
		if voting {
			t.VotingExpected++
		}
		if l.Present {
			t.Present++
			if voting {
				t.VotingPresent++
			}
		} else if len([]rune(l.Reason)) == 0 {
			missingReason = append(missingReason, m.Name)
		}
	}
	if len(missingReason) > 0 {
		return nil, t, false, apperr.Rule("meeting.absence_reason", apperr.Params{
			"names": strings.Join(missingReason, "、"), "n": len(missingReason)})
	}
	return lines, t, false, nil
}

func headcountTurnout(in NewMeeting) ([]Attendance, turnout, bool, error) {
	f := apperr.Fields{}
	if len(in.Attendance) > 0 {
		ids := make([]string, len(in.Attendance))
		for i, l := range in.Attendance {
			ids[i] = strconv.FormatInt(l.MemberID, 10)
		}
		f.Add("attendance", "meeting.attendee_unknown", apperr.Params{"ids": strings.Join(ids, ", "),
			"date": in.HeldOn})
	}
	if in.Expected < 1 {
		f.Add("expected", "meeting.expected_required", nil)
	}
	if in.Present < 0 {
		f.Add("present", "error.number", nil)
	}
	if err := f.Err(); err != nil {
		return nil, turnout{}, true, err
	}
	if in.Present > in.Expected {
		return nil, turnout{}, true, apperr.Rule("meeting.present_exceeds_expected", apperr.Params{
			"present": in.Present, "expected": in.Expected})
	}
	return nil, turnout{Expected: in.Expected, Present: in.Present}, true, nil
}

func (s *Service) insertMeeting(ctx context.Context, tx *sql.Tx, a *auth.Actor, m *Meeting) error {
	now := s.Clock.Now()
	err := tx.QueryRowContext(ctx, `INSERT INTO meetings(town_id, org_id, kind, topic, held_on, place, minutes,
		expected, present, voting_expected, voting_present, headcount_only, counts, recorded_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
		db.NullID(m.TownID), m.OrgID, string(m.Kind), m.Topic, m.HeldOn, m.Place, m.Minutes, m.Expected, m.Present,
		m.VotingExpected, m.VotingPresent, m.HeadcountOnly, m.Counts, a.UserRef(), now).Scan(&m.ID)
	if err != nil {
		return err
	}
	if err := insertAttendance(ctx, tx, m.ID, m.Attendance); err != nil {
		return err
	}
	if sp := m.Speaker; sp != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_speakers(meeting_id, town_id, org_id, name, title, senior)
			VALUES ($1, $2, $3, $4, $5, $6)`, m.ID, db.NullID(m.TownID), m.OrgID, sp.Name, sp.Title, sp.Senior); err != nil {
			return err
		}
	}
	return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "meeting.record", Entity: "meeting",
		EntityID: m.ID, OrgID: m.OrgID, After: m})
}

// attendanceChunk is how many attendance lines go in one INSERT: one
// statement per meeting for any real branch, well within both databases'
// limits on parameters.
const attendanceChunk = 100

// insertAttendance writes a meeting's attendance lines, many rows to a
// statement, since SQLite spends more time parsing a statement than
// inserting a row.
func insertAttendance(ctx context.Context, tx *sql.Tx, meetingID int64, lines []Attendance) error {
	for len(lines) > 0 {
		chunk := lines[:min(len(lines), attendanceChunk)]
		lines = lines[len(chunk):]
		var args db.Args
		values := make([]string, len(chunk))
		for i, l := range chunk {
			values[i] = "(" + args.Add(meetingID) + ", " + args.Add(l.MemberID) + ", " + args.Add(l.Present) + ", " +
				args.Add(l.Voting) + ", " + args.Add(l.Reason) + ")"
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_attendance(meeting_id, member_id, present, voting, reason)
			VALUES `+strings.Join(values, ", "), args.Values()...); err != nil {
			return err
		}
	}
	return nil
}

// MeetingInvitee is a member of the branch as the meeting form lists them.
type MeetingInvitee struct {
	MemberID int64          `json:"member_id"`
	Name     string         `json:"name"`
	Status   members.Status `json:"status"`
	Voting   bool           `json:"voting"`
	// Committee marks members whose name matches a current holder of one
	// of the branch's committee posts: the form expects them at a 支委会.
	Committee bool `json:"committee"`
}

// MeetingForm is what the form to record a meeting of a branch needs:
// the branch and its members on the day.
func (s *Service) MeetingForm(ctx context.Context, a *auth.Actor, orgID int64, on day.Day) (BranchInfo, []MeetingInvitee, error) {
	b, err := branchFor(ctx, s.DB, a, orgID, auth.PermMemberWrite)
	if err != nil {
		return b, nil, err
	}
	if !b.holdsMeetings() {
		return BranchInfo{}, nil, apperr.Invalid("org_id", "meeting.not_branch", nil)
	}
	roster, err := branchMembersOn(ctx, s.DB, b.ID, on)
	if err != nil {
		return b, nil, err
	}
	committee, err := committeeNames(ctx, s.DB, b.ID)
	if err != nil {
		return b, nil, err
	}
	out := make([]MeetingInvitee, 0, len(roster))
	for _, m := range roster {
		out = append(out, MeetingInvitee{MemberID: m.ID, Name: m.Name, Status: m.Status,
			Voting: m.VotingOn(on.Time()), Committee: committee[m.Name]})
	}
	return b, out, nil
}

// committeeNames are the current holders of the branch's party posts.
func committeeNames(ctx context.Context, q db.Queryer, orgID int64) (map[string]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT t.holder_name FROM posts p
		JOIN post_terms t ON t.post_id = p.id AND t.ended_on IS NULL
		WHERE p.org_id = $1 AND p.body = 'party'`, orgID)
	if err != nil {
		return nil, fmt.Errorf("orglife: committee names: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out[strings.TrimSpace(n)] = true
	}
	return out, rows.Err()
}
