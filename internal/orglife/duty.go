package orglife

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members"
)

// Duty is one post a member holds for a year under 设岗定责 (e.g. 政策宣传岗,
// 环境卫生监督岗) and what they answer for in it.
type Duty struct {
	ID         int64  `json:"id"`
	MemberID   int64  `json:"member_id"`
	MemberName string `json:"member_name"`
	OrgID      int64  `json:"org_id"`
	Year       int    `json:"year"`
	Post       string `json:"post"`
	Duty       string `json:"duty"`
}

// NewDuty is the input of AssignDuty.
type NewDuty struct {
	MemberID int64
	Year     int
	Post     string
	Duty     string
}

// activeMemberFor loads a member the actor may write for and checks they
// are a party member today: ratings, posts and grants are for members.
func activeMemberFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, today day.Day) (members.Member, error) {
	if id == 0 {
		return members.Member{}, apperr.Invalid("member_id", "error.required", nil)
	}
	m, err := members.LoadMemberFor(ctx, q, a, id, auth.PermMemberWrite)
	if err != nil {
		return m, err
	}
	if !m.MemberOn(today.Time()) {
		return m, apperr.Invalid("member_id", "activity.not_member", apperr.Params{"name": m.Name})
	}
	return m, nil
}

// memberTx runs fn in one transaction on a member the actor may write
// for and who is a party member today: the start of every use case that
// records something about one member.
func (s *Service) memberTx(ctx context.Context, a *auth.Actor, memberID int64, fn func(tx *sql.Tx, m members.Member, today day.Day) error) error {
	today := day.Today(s.Clock)
	return s.DB.Tx(ctx, func(tx *sql.Tx) error {
		m, err := activeMemberFor(ctx, tx, a, memberID, today)
		if err != nil {
			return err
		}
		return fn(tx, m, today)
	})
}

// AssignDuty gives a member a post for a year. Planning next year's posts
// in December is allowed; earlier years are records.
func (s *Service) AssignDuty(ctx context.Context, a *auth.Actor, in NewDuty) (Duty, error) {
	var d Duty
	err := s.memberTx(ctx, a, in.MemberID, func(tx *sql.Tx, m members.Member, today day.Day) error {
		f := apperr.Fields{}
		members.YearField(f, "year", in.Year, 2000, today.Year()+1)
		in.Post = apperr.Text(f, "post", in.Post, 50, true)
		in.Duty = apperr.Prose(f, "duty", in.Duty, 500, true)
		if err := f.Err(); err != nil {
			return err
		}
		d = Duty{MemberID: m.ID, MemberName: m.Name, OrgID: m.OrgID, Year: in.Year, Post: in.Post, Duty: in.Duty}
		err := tx.QueryRowContext(ctx, `INSERT INTO member_duties(town_id, org_id, member_id, year, post, duty, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, db.NullID(m.TownID), m.OrgID, m.ID, in.Year, in.Post,
			in.Duty, s.Clock.Now()).Scan(&d.ID)
		if db.IsUniqueViolation(err) {
			return apperr.Conflict("duty.duplicate", apperr.Params{"name": m.Name, "year": in.Year, "post": in.Post})
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "duty.assign", Entity: "member_duty",
			EntityID: d.ID, OrgID: m.OrgID, After: d})
	})
	return d, err
}

// RemoveDuty takes a post away again.
func (s *Service) RemoveDuty(ctx context.Context, a *auth.Actor, id int64) error {
	return s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var d Duty
		err := tx.QueryRowContext(ctx, `SELECT d.id, d.member_id, m.name, d.org_id, d.year, d.post, d.duty
			FROM member_duties d JOIN members m ON m.id = d.member_id WHERE d.id = $1`, id).
			Scan(&d.ID, &d.MemberID, &d.MemberName, &d.OrgID, &d.Year, &d.Post, &d.Duty)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.NotFound()
		}
		if err != nil {
			return err
		}
		if _, err := branchFor(ctx, tx, a, d.OrgID, auth.PermMemberWrite); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM member_duties WHERE id = $1`, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "duty.remove", Entity: "member_duty",
			EntityID: d.ID, OrgID: d.OrgID, Before: d})
	})
}

// BranchDuties lists a branch's posts of a year, by member name. A branch
// has tens of members, so the list is not paged.
func (s *Service) BranchDuties(ctx context.Context, a *auth.Actor, orgID int64, year int) (BranchInfo, []Duty, error) {
	b, err := branchFor(ctx, s.DB, a, orgID, auth.PermMemberRead)
	if err != nil {
		return b, nil, err
	}
	ds, err := queryDuties(ctx, s.DB, `d.org_id = $1 AND d.year = $2`, b.ID, year)
	return b, ds, err
}

func queryDuties(ctx context.Context, q db.Queryer, where string, args ...any) ([]Duty, error) {
	rows, err := q.QueryContext(ctx, `SELECT d.id, d.member_id, m.name, d.org_id, d.year, d.post, d.duty
		FROM member_duties d JOIN members m ON m.id = d.member_id WHERE `+where+`
		ORDER BY d.year DESC, m.name, d.member_id, d.post LIMIT 1000`, args...)
	if err != nil {
		return nil, fmt.Errorf("orglife: query duties: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, d *Duty) error {
		return r.Scan(&d.ID, &d.MemberID, &d.MemberName, &d.OrgID, &d.Year, &d.Post, &d.Duty)
	})
}

// BranchMembers lists the members of a branch today, for the forms that
// pick one (duties, stars, suggestions on a member's behalf).
func (s *Service) BranchMembers(ctx context.Context, a *auth.Actor, orgID int64) (BranchInfo, []MeetingInvitee, error) {
	b, err := branchFor(ctx, s.DB, a, orgID, auth.PermMemberRead)
	if err != nil {
		return b, nil, err
	}
	today := day.Today(s.Clock)
	roster, err := branchMembersOn(ctx, s.DB, b.ID, today)
	if err != nil {
		return b, nil, err
	}
	out := make([]MeetingInvitee, 0, len(roster))
	for _, m := range roster {
		out = append(out, MeetingInvitee{MemberID: m.ID, Name: m.Name, Status: m.Status, Voting: m.VotingOn(today.Time())})
	}
	return b, out, nil
}
