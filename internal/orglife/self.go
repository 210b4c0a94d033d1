// Self-service (/me) lives here, not in members: apart from the member's
// own details (read through members.OwnRecord, which owns that table)
// everything a member sees about themselves is organisational life —
// meetings attended, stars, grades, posts, suggestions — and the one
// thing they may do is submit a suggestion.

package orglife

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members"
)

// SelfMember is a member's own record as they see it: id number masked.
type SelfMember struct {
	ID        int64          `json:"id"`
	Name      string         `json:"name"`
	OrgID     int64          `json:"org_id"`
	OrgName   string         `json:"org_name"`
	Status    members.Status `json:"status"`
	IDMasked  string         `json:"id_number_masked"`
	Sex       string         `json:"sex"`
	BirthDate day.Day        `json:"birth_date"`
	AppliedOn day.Day        `json:"applied_on,omitzero"`
	JoinedOn  day.Day        `json:"joined_on,omitzero"`
	FullOn    day.Day        `json:"full_on,omitzero"`
}

// SelfMeeting is a meeting the member was expected at.
type SelfMeeting struct {
	MeetingID int64       `json:"meeting_id"`
	Kind      MeetingKind `json:"kind"`
	Topic     string      `json:"topic"`
	HeldOn    day.Day     `json:"held_on"`
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
	own, err := members.OwnRecord(ctx, s.DB, a)
	if apperr.KindOf(err) == apperr.KindNotFound {
		return r, nil
	}
	if err != nil {
		return r, err
	}
	r.Linked = true
	id := own.ID
	r.Member = SelfMember{ID: own.ID, Name: own.Name, OrgID: own.OrgID, OrgName: own.OrgName, Status: own.Status,
		IDMasked: own.IDMasked, Sex: own.Sex, BirthDate: own.BirthDate, AppliedOn: own.AppliedOn,
		JoinedOn: own.JoinedOn, FullOn: own.FullOn}
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
		return nil, fmt.Errorf("orglife: self meetings: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, sm *SelfMeeting) error {
		if err := r.Scan(&sm.MeetingID, &sm.Kind, &sm.Topic, &sm.HeldOn, &sm.Place, &sm.Present, &sm.Reason); err != nil {
			return err
		}
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
		m, err := members.OwnRecord(ctx, tx, a)
		if apperr.KindOf(err) == apperr.KindNotFound {
			return apperr.Rule("self.not_linked", nil)
		}
		if err != nil {
			return err
		}
		if !m.MemberOn(day.Today(s.Clock).Time()) {
			return apperr.Rule("self.not_linked", nil)
		}
		out, err = s.insertSuggestion(ctx, tx, a, m, NewSuggestion{MemberID: m.ID, Title: title, Body: body})
		return err
	})
	return out, err
}
