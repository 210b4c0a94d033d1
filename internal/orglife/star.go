package orglife

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members"
)

// FiveLeads are the 五带头 a member is rated on in 评星授旗: 带头学习提高,
// 带头争创佳绩, 带头服务群众, 带头遵纪守法, 带头弘扬正气.
var FiveLeads = []string{"study", "achieve", "serve", "law", "virtue"}

// StarRating is a member's 评星 for a year: one star for each of the
// 五带头 the branch found the member to have met, so 1 to 5 stars.
type StarRating struct {
	ID         int64     `json:"id"`
	MemberID   int64     `json:"member_id"`
	MemberName string    `json:"member_name"`
	OrgID      int64     `json:"org_id"`
	Year       int       `json:"year"`
	Stars      int       `json:"stars"`
	Leads      []string  `json:"leads"`
	Note       string    `json:"note,omitempty"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// NewRating is the input of RateMember.
type NewRating struct {
	MemberID int64
	Year     int
	Leads    []string
	Note     string
}

// starLeads keeps the known 五带头 in their standard order, once each,
// and reports unknown ones.
func starLeads(in []string) (leads []string, unknown bool) {
	given := map[string]bool{}
	for _, l := range in {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		given[l] = true
	}
	for _, l := range FiveLeads {
		if given[l] {
			leads = append(leads, l)
			delete(given, l)
		}
	}
	return leads, len(given) > 0
}

// checkStars is the rule star.range: a rating is 1 to 5 stars, so at
// least one of the 五带头 must be met.
func checkStars(stars int) error {
	if stars < 1 || stars > len(FiveLeads) {
		return apperr.Rule("star.range", apperr.Params{"stars": stars, "min": 1, "max": len(FiveLeads)})
	}
	return nil
}

// RateMember records (or revises) a member's star rating for a year.
func (s *Service) RateMember(ctx context.Context, a *auth.Actor, in NewRating) (StarRating, error) {
	var r StarRating
	err := s.memberTx(ctx, a, in.MemberID, func(tx *sql.Tx, m members.Member, today day.Day) error {
		f := apperr.Fields{}
		members.YearField(f, "year", in.Year, 2000, today.Year())
		leads, unknown := starLeads(in.Leads)
		if unknown {
			f.Add("leads", "star.lead_unknown", nil)
		}
		in.Note = apperr.Prose(f, "note", in.Note, 500, false)
		if err := f.Err(); err != nil {
			return err
		}
		if err := checkStars(len(leads)); err != nil {
			return err
		}
		before, err := loadRating(ctx, tx, m.ID, in.Year)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		now := s.Clock.Now()
		r = StarRating{MemberID: m.ID, MemberName: m.Name, OrgID: m.OrgID, Year: in.Year, Stars: len(leads),
			Leads: leads, Note: in.Note, UpdatedAt: now}
		err = tx.QueryRowContext(ctx, `INSERT INTO member_stars(town_id, org_id, member_id, year, stars, leads, note, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT (member_id, year) DO UPDATE SET stars = excluded.stars, leads = excluded.leads,
				note = excluded.note, org_id = excluded.org_id, updated_at = excluded.updated_at
			RETURNING id`, db.NullID(m.TownID), m.OrgID, m.ID, in.Year, r.Stars, strings.Join(leads, ","), in.Note, now).Scan(&r.ID)
		if err != nil {
			return err
		}
		var prev any
		if before.ID != 0 {
			prev = before
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "star.rate", Entity: "member_star",
			EntityID: r.ID, OrgID: m.OrgID, Before: prev, After: r})
	})
	return r, err
}

const starColumns = `r.id, r.member_id, m.name, r.org_id, r.year, r.stars, r.leads, r.note, r.updated_at`

func scanRating(row interface{ Scan(...any) error }) (StarRating, error) {
	var r StarRating
	var leads string
	err := row.Scan(&r.ID, &r.MemberID, &r.MemberName, &r.OrgID, &r.Year, &r.Stars, &leads, &r.Note, &r.UpdatedAt)
	if leads != "" {
		r.Leads = strings.Split(leads, ",")
	}
	r.UpdatedAt = r.UpdatedAt.UTC()
	return r, err
}

func loadRating(ctx context.Context, q db.Queryer, memberID int64, year int) (StarRating, error) {
	return scanRating(q.QueryRowContext(ctx, `SELECT `+starColumns+` FROM member_stars r
		JOIN members m ON m.id = r.member_id WHERE r.member_id = $1 AND r.year = $2`, memberID, year))
}

func queryRatings(ctx context.Context, q db.Queryer, where string, args ...any) ([]StarRating, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+starColumns+` FROM member_stars r JOIN members m ON m.id = r.member_id
		WHERE `+where+` ORDER BY r.year DESC, r.stars DESC, m.name, r.member_id LIMIT 1000`, args...)
	if err != nil {
		return nil, fmt.Errorf("orglife: query ratings: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, v *StarRating) (err error) { *v, err = scanRating(r); return err })
}

// BranchStars lists a branch's ratings of a year, most stars first.
func (s *Service) BranchStars(ctx context.Context, a *auth.Actor, orgID int64, year int) (BranchInfo, []StarRating, error) {
	b, err := branchFor(ctx, s.DB, a, orgID, auth.PermMemberRead)
	if err != nil {
		return b, nil, err
	}
	rs, err := queryRatings(ctx, s.DB, `r.org_id = $1 AND r.year = $2`, b.ID, year)
	return b, rs, err
}
