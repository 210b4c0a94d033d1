package orglife

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members"
)

// Suggestion is a member's 谏言献策 to their branch, with the reply.
type Suggestion struct {
	ID          int64      `json:"id"`
	OrgID       int64      `json:"org_id"`
	OrgName     string     `json:"org_name"`
	OrgPath     string     `json:"-"`
	MemberID    int64      `json:"member_id"`
	MemberName  string     `json:"member_name"`
	Title       string     `json:"title"`
	Body        string     `json:"body"`
	SubmittedAt time.Time  `json:"submitted_at"`
	Reply       string     `json:"reply,omitempty"`
	ReplierName string     `json:"replier_name,omitempty"`
	RepliedAt   *time.Time `json:"replied_at,omitempty"`
	// Waited is how long the suggestion waited for its reply, or has been
	// waiting so far when it is still open.
	Waited        time.Duration `json:"-"`
	WaitedSeconds int64         `json:"waited_seconds"`
}

// setWaited sets how long the suggestion waited until end.
func (s *Suggestion) setWaited(end time.Time) {
	s.Waited = end.Sub(s.SubmittedAt)
	s.WaitedSeconds = int64(s.Waited / time.Second)
}

// WaitedDays and WaitedHours split Waited for display ("2 天 5 小时").
func (s Suggestion) WaitedDays() int  { return int(s.Waited / (24 * time.Hour)) }
func (s Suggestion) WaitedHours() int { return int(s.Waited%(24*time.Hour)) / int(time.Hour) }

// Answered reports whether the branch has replied.
func (s Suggestion) Answered() bool { return s.RepliedAt != nil }

// NewSuggestion is the input of SubmitSuggestion.
type NewSuggestion struct {
	MemberID int64
	Title    string
	Body     string
}

// SubmitSuggestion records a suggestion a cadre takes down on a member's
// behalf (members.write over the member's branch). Members submit their
// own through SubmitOwnSuggestion.
func (s *Service) SubmitSuggestion(ctx context.Context, a *auth.Actor, in NewSuggestion) (Suggestion, error) {
	var out Suggestion
	err := s.memberTx(ctx, a, in.MemberID, func(tx *sql.Tx, m members.Member, _ day.Day) error {
		var err error
		out, err = s.insertSuggestion(ctx, tx, a, m, in)
		return err
	})
	return out, err
}

func (s *Service) insertSuggestion(ctx context.Context, tx *sql.Tx, a *auth.Actor, m members.Member, in NewSuggestion) (Suggestion, error) {
	f := apperr.Fields{}
	in.Title = apperr.Text(f, "title", in.Title, 100, true)
	in.Body = apperr.Prose(f, "body", in.Body, 5000, true)
	if err := f.Err(); err != nil {
		return Suggestion{}, err
	}
	now := s.Clock.Now()
	sg := Suggestion{OrgID: m.OrgID, MemberID: m.ID, MemberName: m.Name, Title: in.Title, Body: in.Body, SubmittedAt: now}
	if err := tx.QueryRowContext(ctx, `INSERT INTO suggestions(town_id, org_id, member_id, title, body, submitted_by, submitted_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, db.NullID(m.TownID), m.OrgID, m.ID, in.Title, in.Body,
		a.UserRef(), now).Scan(&sg.ID); err != nil {
		return sg, err
	}
	return sg, audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "suggestion.submit", Entity: "suggestion",
		EntityID: sg.ID, OrgID: m.OrgID, After: sg})
}

// ReplySuggestion records the branch's reply (members.write over the
// branch). A suggestion is replied to once.
func (s *Service) ReplySuggestion(ctx context.Context, a *auth.Actor, id int64, reply string) (Suggestion, error) {
	var sg Suggestion
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		sg, err = loadSuggestion(ctx, tx, id, s.Clock.Now())
		if err != nil {
			return err
		}
		if _, err := branchFor(ctx, tx, a, sg.OrgID, auth.PermMemberWrite); err != nil {
			return err
		}
		f := apperr.Fields{}
		reply = apperr.Prose(f, "reply", reply, 5000, true)
		if err := f.Err(); err != nil {
			return err
		}
		if sg.Answered() {
			return apperr.Conflict("suggestion.already_replied", apperr.Params{"date": *sg.RepliedAt})
		}
		now := s.Clock.Now()
		name := "system"
		if a != nil {
			name = a.Name
		}
		if _, err := tx.ExecContext(ctx, `UPDATE suggestions SET reply = $1, replied_by = $2, replier_name = $3, replied_at = $4
			WHERE id = $5`, reply, a.UserRef(), name, now, id); err != nil {
			return err
		}
		sg.Reply, sg.ReplierName, sg.RepliedAt = reply, name, &now
		sg.setWaited(now)
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "suggestion.reply", Entity: "suggestion",
			EntityID: id, OrgID: sg.OrgID, After: map[string]any{"reply": reply}})
	})
	return sg, err
}

const suggestionColumns = `g.id, g.org_id, o.name, o.path, g.member_id, m.name, g.title, g.body, g.submitted_at,
	g.reply, g.replier_name, g.replied_at`

const suggestionFrom = ` FROM suggestions g JOIN orgs o ON o.id = g.org_id JOIN members m ON m.id = g.member_id`

func scanSuggestion(row interface{ Scan(...any) error }, now time.Time) (Suggestion, error) {
	var sg Suggestion
	var replied sql.NullTime
	err := row.Scan(&sg.ID, &sg.OrgID, &sg.OrgName, &sg.OrgPath, &sg.MemberID, &sg.MemberName, &sg.Title, &sg.Body,
		&sg.SubmittedAt, &sg.Reply, &sg.ReplierName, &replied)
	sg.SubmittedAt = sg.SubmittedAt.UTC()
	end := now
	if replied.Valid {
		t := replied.Time.UTC()
		sg.RepliedAt, end = &t, t
	}
	sg.setWaited(end)
	return sg, err
}

func loadSuggestion(ctx context.Context, q db.Queryer, id int64, now time.Time) (Suggestion, error) {
	sg, err := scanSuggestion(q.QueryRowContext(ctx, `SELECT `+suggestionColumns+suggestionFrom+` WHERE g.id = $1`, id), now)
	if errors.Is(err, sql.ErrNoRows) {
		return sg, apperr.NotFound()
	}
	if err != nil {
		return sg, fmt.Errorf("orglife: load suggestion %d: %w", id, err)
	}
	return sg, nil
}

// GetSuggestion returns a suggestion to a reader of the branch's members
// or to the member who made it.
func (s *Service) GetSuggestion(ctx context.Context, a *auth.Actor, id int64) (Suggestion, error) {
	sg, err := loadSuggestion(ctx, s.DB, id, s.Clock.Now())
	if err != nil {
		return sg, err
	}
	refused := members.DecideMemberScope(a, auth.PermMemberRead, sg.OrgPath)
	if refused == nil {
		return sg, nil
	}
	own, err := members.OwnRecord(ctx, s.DB, a)
	if err == nil && own.ID == sg.MemberID {
		return sg, nil
	}
	if err != nil && apperr.KindOf(err) != apperr.KindNotFound {
		return Suggestion{}, err
	}
	return Suggestion{}, refused
}

// SuggestionFilter selects suggestions for ListSuggestions.
type SuggestionFilter struct {
	OrgID    int64
	Answered bool  // false: open ones, oldest first; true: answered, latest reply first
	After    int64 // keyset: the id of the last suggestion of the previous page
	Limit    int
}

// ListSuggestions lists suggestions in the actor's reading scope: open
// ones oldest first (the longest waiting on top), or answered ones with
// the latest reply first.
func (s *Service) ListSuggestions(ctx context.Context, a *auth.Actor, f SuggestionFilter) ([]Suggestion, error) {
	var args db.Args
	where := []string{args.Subtree("o.path", a.Scope(auth.PermMemberRead))}
	if f.OrgID != 0 {
		where = append(where, "g.org_id = "+args.Add(f.OrgID))
	}
	order := "g.submitted_at, g.id"
	if f.Answered {
		where = append(where, "g.replied_at IS NOT NULL")
		order = "g.replied_at DESC, g.id DESC"
		if f.After != 0 {
			c := args.Add(f.After)
			where = append(where, `(g.replied_at < (SELECT replied_at FROM suggestions WHERE id = `+c+`)
				OR (g.replied_at = (SELECT replied_at FROM suggestions WHERE id = `+c+`) AND g.id < `+c+`))`)
		}
	} else {
		where = append(where, "g.replied_at IS NULL")
		if f.After != 0 {
			c := args.Add(f.After)
			where = append(where, `(g.submitted_at > (SELECT submitted_at FROM suggestions WHERE id = `+c+`)
				OR (g.submitted_at = (SELECT submitted_at FROM suggestions WHERE id = `+c+`) AND g.id > `+c+`))`)
		}
	}
	return querySuggestions(ctx, s.DB, s.Clock.Now(), strings.Join(where, " AND ")+
		` ORDER BY `+order+` LIMIT `+strconv.Itoa(db.Limit(f.Limit, 50, 200)), args.Values()...)
}

// querySuggestions reads suggestions by a condition and order.
func querySuggestions(ctx context.Context, q db.Queryer, now time.Time, whereOrder string, args ...any) ([]Suggestion, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+suggestionColumns+suggestionFrom+` WHERE `+whereOrder, args...)
	if err != nil {
		return nil, fmt.Errorf("orglife: query suggestions: %w", err)
	}
	defer rows.Close()
	out := []Suggestion{} // [] in JSON when there are none
	for rows.Next() {
		sg, err := scanSuggestion(rows, now)
		if err != nil {
			return nil, err
		}
		out = append(out, sg)
	}
	return out, rows.Err()
}
