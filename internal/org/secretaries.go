package org

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// Secretary is one row of the 书记队伍: an organisation's secretary post,
// its holder (nil when vacant) and the organisation's open 软弱涣散 flag.
type Secretary struct {
	Org    Org       `json:"org"`
	PostID int64     `json:"post_id"`
	Code   string    `json:"code"`
	Holder *Term     `json:"holder,omitempty"`
	Weak   *WeakFlag `json:"weak,omitempty"`
}

// secretaryPosts are the posts that make someone an organisation's 书记.
var secretaryPosts = []string{"secretary", "branch_secretary"}

// IsSecretaryPost reports whether a post code is a secretary's.
func IsSecretaryPost(code string) bool { return has(secretaryPosts, code) }

// SecretaryFilter selects rows for Secretaries.
type SecretaryFilter struct {
	TownID   int64
	Type     Type // general_branch, branch or industry; empty for all
	WeakOnly bool // only organisations with an open flag
	Vacant   bool // only vacant secretary posts
	AfterID  int64
	Limit    int
}

// Secretaries lists the secretaries of general branches, branches and
// industry organisations in the actor's scope, in tree-building (id)
// order, a page at a time, in one query.
func (s *Service) Secretaries(ctx context.Context, a *auth.Actor, f SecretaryFilter) ([]Secretary, error) {
	var args db.Args
	where := []string{args.Subtree("o.path", a.Scope(auth.PermOrgRead)),
		"p.code IN (" + args.Add(secretaryPosts[0]) + ", " + args.Add(secretaryPosts[1]) + ")"}
	if f.TownID != 0 {
		where = append(where, "o.town_id = "+args.Add(f.TownID))
	}
	if f.Type != "" {
		where = append(where, "o.type = "+args.Add(string(f.Type)))
	}
	if f.WeakOnly {
		where = append(where, "w.id IS NOT NULL")
	}
	if f.Vacant {
		where = append(where, "t.id IS NULL")
	}
	if f.AfterID != 0 {
		where = append(where, "o.id > "+args.Add(f.AfterID))
	}
	limit := db.Limit(f.Limit, 200, 500)
	rows, err := s.DB.QueryContext(ctx, `SELECT `+orgColumns+`, p.id, p.code,
		t.id, t.holder_name, COALESCE(t.resident_id, 0), t.started_on, t.note,
		w.id, w.flagged_on, w.deadline, w.reason, w.plan
		FROM orgs o JOIN posts p ON p.org_id = o.id
		LEFT JOIN post_terms t ON t.post_id = p.id AND t.ended_on IS NULL
		LEFT JOIN weak_flags w ON w.org_id = o.id AND w.closed_on IS NULL
		WHERE `+strings.Join(where, " AND ")+` ORDER BY o.id LIMIT `+strconv.Itoa(limit), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("org: secretaries: %w", err)
	}
	defer rows.Close()
	today := day.Today(s.Clock)
	out := []Secretary{}
	for rows.Next() {
		var r Secretary
		var tid, tres, wid sql.NullInt64
		var tname, tnote, wreason, wplan sql.NullString
		var tstart, wflag, wdead day.Day
		o, err := scanOrg(rows, &r.PostID, &r.Code, &tid, &tname, &tres, &tstart, &tnote, &wid, &wflag, &wdead, &wreason, &wplan)
		if err != nil {
			return nil, err
		}
		r.Org = o
		if tid.Valid {
			r.Holder = &Term{ID: tid.Int64, PostID: r.PostID, HolderName: tname.String, ResidentID: tres.Int64,
				StartedOn: tstart, Note: tnote.String}
		}
		if wid.Valid {
			r.Weak = &WeakFlag{ID: wid.Int64, OrgID: o.ID, OrgName: o.Name, OrgType: o.Type,
				FlaggedOn: wflag, Deadline: wdead, Reason: wreason.String, Plan: wplan.String,
				SecretaryPostID: r.PostID}
			r.Weak.judge(today)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
