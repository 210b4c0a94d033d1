package members

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// ownMemberID is the member record linked to the actor's account
// (members.user_id), preferring a current member over a past one.
func ownMemberID(ctx context.Context, q db.Queryer, a *auth.Actor) (int64, error) {
	if a == nil || a.UserID == 0 {
		return 0, apperr.NotFound()
	}
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM members WHERE user_id = $1
		ORDER BY CASE WHEN status = 'left' THEN 1 ELSE 0 END, id LIMIT 1`, a.UserID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, apperr.NotFound()
	}
	return id, err
}

// SelfMember is a member's own record as they see it: id number masked.
type SelfMember struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	OrgID     int64      `json:"org_id"`
	OrgName   string     `json:"org_name"`
	Status    Status     `json:"status"`
	IDMasked  string     `json:"id_number_masked"`
	Sex       string     `json:"sex"`
	BirthDate time.Time  `json:"birth_date"`
	AppliedOn *time.Time `json:"applied_on,omitempty"`
	JoinedOn  *time.Time `json:"joined_on,omitempty"`
	FullOn    *time.Time `json:"full_on,omitempty"`
}

// SelfMeeting is a meeting the member was expected at.
type SelfMeeting struct {
	MeetingID int64       `json:"meeting_id"`
	Kind      MeetingKind `json:"kind"`
	Topic     string      `json:"topic"`
	HeldOn    time.Time   `json:"held_on"`
	Place     string      `json:"place"`
	Present   bool        `json:"present"`
	Reason    string      `json:"reason,omitempty"`
}

// SelfRecord is everything a member sees about themselves.
type SelfRecord struct {
	Linked      bool          `json:"linked"`
	Member      SelfMember    `json:"member"`
	Meetings    []SelfMeeting `json:"meetings"`
	Attended    int           `json:"attended"` // of the meetings on this page
	Stars       []StarRating  `json:"stars"`
	Evaluations []Evaluation  `json:"evaluations"`
	Duties      []Duty        `json:"duties"`
	Suggestions []Suggestion  `json:"suggestions"`
}

// Self is the logged-in member's own record: their details, the meetings
// they were expected at (a page, newest first, continuing before the
// meeting id given), stars, grades, posts and suggestions. It reads only
// rows of the member linked to the actor's account, so no other member's
// data can appear; an account with no linked member gets Linked=false.
func (s *Service) Self(ctx context.Context, a *auth.Actor, meetingsBefore int64) (SelfRecord, error) {
	r := SelfRecord{Meetings: []SelfMeeting{}, Stars: []StarRating{}, Evaluations: []Evaluation{},
		Duties: []Duty{}, Suggestions: []Suggestion{}}
	id, err := ownMemberID(ctx, s.DB, a)
	if apperr.KindOf(err) == apperr.KindNotFound {
		return r, nil
	}
	if err != nil {
		return r, err
	}
	r.Linked = true
	m := &r.Member
	var applied, joined, full sql.NullTime
	if err := s.DB.QueryRowContext(ctx, `SELECT m.id, m.name, m.org_id, o.name, m.status, m.id_masked, m.sex,
		m.birth_date, m.applied_on, m.joined_on, m.full_on FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id = $1`, id).
		Scan(&m.ID, &m.Name, &m.OrgID, &m.OrgName, &m.Status, &m.IDMasked, &m.Sex, &m.BirthDate,
			&applied, &joined, &full); err != nil {
		return r, err
	}
	m.BirthDate = db.Day(m.BirthDate)
	m.AppliedOn, m.JoinedOn, m.FullOn = db.DayPtr(applied), db.DayPtr(joined), db.DayPtr(full)
	if r.Meetings, err = selfMeetings(ctx, s.DB, id, meetingsBefore); err != nil {
		return r, err
	}
	for _, sm := range r.Meetings {
		if sm.Present {
			r.Attended++
		}
	}
	if r.Stars, err = queryRatings(ctx, s.DB, `r.member_id = $1`, id); err != nil {
		return r, err
	}
	if r.Evaluations, err = queryEvaluations(ctx, s.DB, `e.member_id = $1`, id); err != nil {
		return r, err
	}
	if r.Duties, err = queryDuties(ctx, s.DB, `d.member_id = $1`, id); err != nil {
		return r, err
	}
	r.Suggestions, err = ownSuggestions(ctx, s.DB, id, s.Clock.Now())
	return r, err
}

// SelfMeetingsPage is the page size of a member's own meeting list.
const SelfMeetingsPage = 20

func selfMeetings(ctx context.Context, q db.Queryer, memberID, before int64) ([]SelfMeeting, error) {
	var args db.Args
	where := "a.member_id = " + args.Add(memberID)
	if before != 0 {
		c := args.Add(before)
		where += ` AND (g.held_on < (SELECT held_on FROM meetings WHERE id = ` + c + `)
			OR (g.held_on = (SELECT held_on FROM meetings WHERE id = ` + c + `) AND g.id < ` + c + `))`
	}
	rows, err := q.QueryContext(ctx, `SELECT g.id, g.kind, g.topic, g.held_on, g.place, a.present, a.reason
		FROM meeting_attendance a JOIN meetings g ON g.id = a.meeting_id WHERE `+where+`
		ORDER BY g.held_on DESC, g.id DESC LIMIT `+strconv.Itoa(SelfMeetingsPage), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("members: self meetings: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, sm *SelfMeeting) error {
		if err := r.Scan(&sm.MeetingID, &sm.Kind, &sm.Topic, &sm.HeldOn, &sm.Place, &sm.Present, &sm.Reason); err != nil {
			return err
		}
		sm.HeldOn = db.Day(sm.HeldOn)
		return nil
	})
}

func ownSuggestions(ctx context.Context, q db.Queryer, memberID int64, now time.Time) ([]Suggestion, error) {
	return querySuggestions(ctx, q, now, `g.member_id = $1 ORDER BY g.submitted_at DESC, g.id DESC LIMIT 50`, memberID)
}

// SubmitOwnSuggestion is a member's 谏言献策 to their own branch, from
// their self-service page. It needs no permission beyond being the member
// linked to the account.
func (s *Service) SubmitOwnSuggestion(ctx context.Context, a *auth.Actor, title, body string) (Suggestion, error) {
	var out Suggestion
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		id, err := ownMemberID(ctx, tx, a)
		if apperr.KindOf(err) == apperr.KindNotFound {
			return apperr.Rule("self.not_linked", nil)
		}
		if err != nil {
			return err
		}
		m, err := getMemberFor(ctx, tx, nil, id, auth.PermMemberRead)
		if err != nil {
			return err
		}
		if !m.MemberOn(db.Day(s.Clock.Now())) {
			return apperr.Rule("self.not_linked", nil)
		}
		out, err = s.insertSuggestion(ctx, tx, a, m, NewSuggestion{MemberID: id, Title: title, Body: body})
		return err
	})
	return out, err
}

// LinkAccount links a login to a member record, so the member can use the
// self-service page. Linking accounts is user management: the actor needs
// user.manage over the member's branch.
func (s *Service) LinkAccount(ctx context.Context, a *auth.Actor, memberID, userID int64) error {
	return s.DB.Tx(ctx, func(tx *sql.Tx) error {
		m, err := getMemberFor(ctx, tx, a, memberID, auth.PermUserManage)
		if err != nil {
			return err
		}
		if m.UserID != 0 && m.UserID != userID {
			return apperr.Conflict("self.member_linked", apperr.Params{"name": m.Name})
		}
		if err := accountFor(ctx, tx, a, userID); err != nil {
			return err
		}
		var other int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM members WHERE user_id = $1 AND id <> $2 LIMIT 1`, userID, memberID).Scan(&other)
		if err == nil {
			return apperr.Conflict("self.user_linked", apperr.Params{"id": other})
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		now := s.Clock.Now()
		if _, err := tx.ExecContext(ctx, `UPDATE members SET user_id = $1, updated_at = $2 WHERE id = $3`, userID, now, memberID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "self.link_account", Entity: "member",
			EntityID: memberID, OrgID: m.OrgID, Before: map[string]any{"user_id": m.UserID},
			After: map[string]any{"user_id": userID}})
	})
}
