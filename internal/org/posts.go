package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

const termColumns = `t.id, t.post_id, t.holder_name, COALESCE(t.resident_id, 0), t.started_on, t.ended_on, t.note`

func scanTerm(row interface{ Scan(...any) error }) (Term, error) {
	var t Term
	err := row.Scan(&t.ID, &t.PostID, &t.HolderName, &t.ResidentID, &t.StartedOn, &t.EndedOn, &t.Note)
	return t, err
}

// Posts lists an organisation's posts with their current holders, in one
// query however many posts there are.
func (s *Service) Posts(ctx context.Context, a *auth.Actor, orgID int64) ([]Post, error) {
	o, err := s.Get(ctx, a, orgID)
	if err != nil {
		return nil, err
	}
	return postsOf(ctx, s.DB, []int64{o.ID})
}

// postsOf loads the posts of several organisations with current holders.
func postsOf(ctx context.Context, q db.Queryer, orgIDs []int64) ([]Post, error) {
	if len(orgIDs) == 0 {
		return nil, nil
	}
	var args db.Args
	rows, err := q.QueryContext(ctx, `SELECT p.id, p.org_id, p.code, p.body, p.sort_order,
		t.id, t.post_id, t.holder_name, COALESCE(t.resident_id, 0), t.started_on, t.ended_on, t.note
		FROM posts p LEFT JOIN post_terms t ON t.post_id = p.id AND t.ended_on IS NULL
		WHERE p.org_id IN (`+db.InList(&args, orgIDs)+`) ORDER BY p.org_id, p.sort_order, p.id`, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("org: posts of: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, p *Post) error {
		var tid, tpost, tres sql.NullInt64
		var tname, tnote sql.NullString
		var tstart, tend day.Day
		if err := r.Scan(&p.ID, &p.OrgID, &p.Code, &p.Body, &p.SortOrder,
			&tid, &tpost, &tname, &tres, &tstart, &tend, &tnote); err != nil {
			return err
		}
		if tid.Valid {
			p.Holder = &Term{ID: tid.Int64, PostID: tpost.Int64, HolderName: tname.String,
				ResidentID: tres.Int64, StartedOn: tstart, Note: tnote.String}
		}
		return nil
	})
}

// PostOrgs loads the posts of many organisations the actor may read, for
// town-wide tables such as 两委 rosters and centre leadership.
func (s *Service) PostOrgs(ctx context.Context, a *auth.Actor, orgIDs []int64) ([]Post, error) {
	if len(orgIDs) == 0 {
		return nil, nil
	}
	// Keep the ids the actor may read, in one query.
	var args db.Args
	rows, err := s.DB.QueryContext(ctx, `SELECT o.id FROM orgs o WHERE o.id IN (`+db.InList(&args, orgIDs)+`) AND `+
		args.Subtree("o.path", a.Scope(auth.PermOrgRead)), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("org: post orgs: %w", err)
	}
	defer rows.Close()
	var visible []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		visible = append(visible, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return postsOf(ctx, s.DB, visible)
}

// getPost loads a post with its organisation's path.
func getPost(ctx context.Context, q db.Queryer, id int64) (Post, Org, error) {
	var p Post
	err := q.QueryRowContext(ctx, `SELECT id, org_id, code, body, sort_order FROM posts WHERE id = $1`, id).
		Scan(&p.ID, &p.OrgID, &p.Code, &p.Body, &p.SortOrder)
	if errors.Is(err, sql.ErrNoRows) {
		return p, Org{}, apperr.NotFound()
	}
	if err != nil {
		return p, Org{}, err
	}
	o, err := getOrg(ctx, q, p.OrgID)
	return p, o, err
}

// History lists every holder a post has had, newest first.
func (s *Service) History(ctx context.Context, a *auth.Actor, postID int64) (Post, []Term, error) {
	p, o, err := getPost(ctx, s.DB, postID)
	if err != nil {
		return p, nil, err
	}
	if err := a.Decide(auth.PermOrgRead, "", o.Path); err != nil {
		return Post{}, nil, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+termColumns+` FROM post_terms t WHERE t.post_id = $1
		ORDER BY t.started_on DESC, t.id DESC`, postID)
	if err != nil {
		return p, nil, fmt.Errorf("org: history: %w", err)
	}
	defer rows.Close()
	var out []Term
	for rows.Next() {
		t, err := scanTerm(rows)
		if err != nil {
			return p, nil, err
		}
		if t.EndedOn.IsZero() {
			tt := t
			p.Holder = &tt
		}
		out = append(out, t)
	}
	return p, out, rows.Err()
}

// Assignment is the input of Assign: who takes the post from which day.
type Assignment struct {
	PostID     int64
	HolderName string
	ResidentID int64
	StartedOn  day.Day
	Note       string
}

// Assign gives a post to a new holder: the current term ends the day the
// new one starts, so the history has no gaps and no overlaps. Whatever
// derives from post holders (两委, centre leadership) follows at once.
func (s *Service) Assign(ctx context.Context, a *auth.Actor, in Assignment) (Term, error) {
	var term Term
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		term, err = s.assign(ctx, tx, a, in)
		return err
	})
	return term, err
}

func (s *Service) assign(ctx context.Context, tx *sql.Tx, a *auth.Actor, in Assignment) (Term, error) {
	p, o, err := getPost(ctx, tx, in.PostID)
	if err != nil {
		return Term{}, err
	}
	if err := a.Decide(auth.PermOrgRead, auth.PermOrgPosts, o.Path); err != nil {
		return Term{}, err
	}
	f := apperr.Fields{}
	in.HolderName = apperr.Text(f, "holder_name", in.HolderName, 40, true)
	in.Note = apperr.Prose(f, "note", in.Note, maxText, false)
	if in.StartedOn.IsZero() {
		f.Add("started_on", "error.date_required", nil)
	}
	if in.ResidentID != 0 {
		if err := checkResident(ctx, tx, a, f, in.ResidentID); err != nil {
			return Term{}, err
		}
	}
	if err := f.Err(); err != nil {
		return Term{}, err
	}
	start := in.StartedOn
	if err := checkPostNotFuture(start, day.Today(s.Clock)); err != nil {
		return Term{}, err
	}
	var before *Term
	cur, err := scanTerm(tx.QueryRowContext(ctx, `SELECT `+termColumns+` FROM post_terms t
		WHERE t.post_id = $1 AND t.ended_on IS NULL`, p.ID))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		// A vacant post: the new term may not reach back over the last
		// holder's, or the history would overlap.
		last, err := scanTerm(tx.QueryRowContext(ctx, `SELECT `+termColumns+` FROM post_terms t
			WHERE t.post_id = $1 ORDER BY t.ended_on DESC, t.id DESC LIMIT 1`, p.ID))
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return Term{}, err
		}
		if err == nil && !last.EndedOn.IsZero() && start.Before(last.EndedOn) {
			return Term{}, apperr.Rule("post.after_last_term", apperr.Params{"holder": last.HolderName, "until": last.EndedOn})
		}
	case err != nil:
		return Term{}, err
	default:
		before = &cur
		if start.Before(cur.StartedOn) {
			return Term{}, apperr.Rule("post.term_order", apperr.Params{
				"holder": cur.HolderName, "since": cur.StartedOn})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE post_terms SET ended_on = $1 WHERE id = $2`, start, cur.ID); err != nil {
			return Term{}, err
		}
	}
	var resident any
	if in.ResidentID != 0 {
		resident = in.ResidentID
	}
	var townID any
	if o.TownID != 0 {
		townID = o.TownID
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO post_terms(post_id, org_id, town_id, holder_name, resident_id, started_on, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, p.ID, o.ID, townID, in.HolderName, resident, start,
		strings.TrimSpace(in.Note)).Scan(&id); err != nil {
		return Term{}, err
	}
	term := Term{ID: id, PostID: p.ID, HolderName: in.HolderName, ResidentID: in.ResidentID, StartedOn: start,
		Note: strings.TrimSpace(in.Note)}
	var beforeVal any
	if before != nil {
		beforeVal = before
	}
	return term, audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
		Action: "post.assign", Entity: "post", EntityID: p.ID, OrgID: o.ID, Before: beforeVal, After: term})
}

// Vacate ends the current holder's term without a successor.
func (s *Service) Vacate(ctx context.Context, a *auth.Actor, postID int64, on day.Day) error {
	return s.DB.Tx(ctx, func(tx *sql.Tx) error {
		p, o, err := getPost(ctx, tx, postID)
		if err != nil {
			return err
		}
		if err := a.Decide(auth.PermOrgRead, auth.PermOrgPosts, o.Path); err != nil {
			return err
		}
		if on.IsZero() {
			return apperr.Invalid("ended_on", "error.date_required", nil)
		}
		if err := checkPostNotFuture(on, day.Today(s.Clock)); err != nil {
			return err
		}
		cur, err := scanTerm(tx.QueryRowContext(ctx, `SELECT `+termColumns+` FROM post_terms t
			WHERE t.post_id = $1 AND t.ended_on IS NULL`, p.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.Rule("post.already_vacant", nil)
		}
		if err != nil {
			return err
		}
		end := on
		if end.Before(cur.StartedOn) {
			return apperr.Rule("post.term_order", apperr.Params{"holder": cur.HolderName, "since": cur.StartedOn})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE post_terms SET ended_on = $1 WHERE id = $2`, end, cur.ID); err != nil {
			return err
		}
		after := cur
		after.EndedOn = end
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: "post.vacate", Entity: "post", EntityID: p.ID, OrgID: o.ID, Before: cur, After: after})
	})
}

// checkPostNotFuture refuses a term that starts or ends after today: the
// current holder is the one whose term has not ended, so a date ahead of
// time would change every derived roster (两委, centres) at once.
func checkPostNotFuture(on, today day.Day) error {
	if !on.After(today) {
		return nil
	}
	return apperr.Rule("post.not_future", apperr.Params{"date": on, "today": today})
}
