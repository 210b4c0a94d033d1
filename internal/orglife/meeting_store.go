package orglife

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/members"
)

const meetingColumns = `m.id, COALESCE(m.town_id, 0), m.org_id, o.name, o.path, m.kind, m.topic, m.held_on,
	m.place, m.minutes, m.expected, m.present, m.voting_expected, m.voting_present, m.headcount_only, m.counts,
	s.name, s.title, s.senior`

const meetingFrom = ` FROM meetings m JOIN orgs o ON o.id = m.org_id
	LEFT JOIN meeting_speakers s ON s.meeting_id = m.id`

func scanMeeting(row interface{ Scan(...any) error }) (Meeting, error) {
	var m Meeting
	var spName, spTitle sql.NullString
	var spSenior sql.NullBool
	err := row.Scan(&m.ID, &m.TownID, &m.OrgID, &m.OrgName, &m.OrgPath, &m.Kind, &m.Topic, &m.HeldOn,
		&m.Place, &m.Minutes, &m.Expected, &m.Present, &m.VotingExpected, &m.VotingPresent, &m.HeadcountOnly,
		&m.Counts, &spName, &spTitle, &spSenior)
	if spName.Valid {
		m.Speaker = &Speaker{Name: spName.String, Title: spTitle.String, Senior: spSenior.Bool}
	}
	return m, err
}

// GetMeeting returns one meeting with its attendance, for readers of the
// branch's member records.
func (s *Service) GetMeeting(ctx context.Context, a *auth.Actor, id int64) (Meeting, error) {
	m, err := scanMeeting(s.DB.QueryRowContext(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, apperr.NotFound()
	}
	if err != nil {
		return m, err
	}
	if err := members.DecideMemberScope(a, auth.PermMemberRead, m.OrgPath); err != nil {
		return Meeting{}, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT a.member_id, mb.name, a.present, a.voting, a.reason
		FROM meeting_attendance a JOIN members mb ON mb.id = a.member_id
		WHERE a.meeting_id = $1 ORDER BY mb.name, mb.id`, id)
	if err != nil {
		return m, fmt.Errorf("orglife: get meeting: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var l Attendance
		if err := rows.Scan(&l.MemberID, &l.Name, &l.Present, &l.Voting, &l.Reason); err != nil {
			return m, err
		}
		m.Attendance = append(m.Attendance, l)
	}
	return m, rows.Err()
}

// MeetingFilter selects meetings for ListMeetings.
type MeetingFilter struct {
	OrgID      int64
	Kind       MeetingKind
	SeniorOnly bool  // only 党课 given by 副科级以上 leaders
	BeforeID   int64 // keyset: meetings after this one in the list order
	Limit      int
}

// ListMeetings lists meetings in the actor's reading scope, newest first
// (by date, then by id). A page continues after the last meeting of the
// previous one.
func (s *Service) ListMeetings(ctx context.Context, a *auth.Actor, f MeetingFilter) ([]Meeting, error) {
	var args db.Args
	where := []string{args.Subtree("o.path", a.Scope(auth.PermMemberRead))}
	if f.OrgID != 0 {
		where = append(where, "m.org_id = "+args.Add(f.OrgID))
	}
	if f.Kind != "" {
		where = append(where, "m.kind = "+args.Add(string(f.Kind)))
	}
	if f.SeniorOnly {
		where = append(where, "s.senior = TRUE")
	}
	if f.BeforeID != 0 {
		c := args.Add(f.BeforeID)
		where = append(where, `(m.held_on < (SELECT held_on FROM meetings WHERE id = `+c+`)
			OR (m.held_on = (SELECT held_on FROM meetings WHERE id = `+c+`) AND m.id < `+c+`))`)
	}
	limit := db.Limit(f.Limit, 50, 200)
	rows, err := s.DB.QueryContext(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY m.held_on DESC, m.id DESC LIMIT `+strconv.Itoa(limit), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("orglife: list meetings: %w", err)
	}
	defer rows.Close()
	var out []Meeting
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, err
		}
		m.Minutes = "" // lists stay small; the meeting's page has the minutes
		out = append(out, m)
	}
	return out, rows.Err()
}
