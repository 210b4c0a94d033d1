package members

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
	"dangjian/internal/i18n"
)

// 三培养 (seed §4): 把党员培养成致富能手, 把致富能手培养成党员, 把党员致富能手
// 培养成村干部. A tag is put on with a date, achieved with a date when the
// goal is met, or ended with a date when dropped; nothing is deleted.

// tagFor says who a tag kind applies to: the first two start from a party
// member, the middle one from someone not yet in the party.
func tagFor(k TagKind, s Status) bool {
	if k == TagRichToMember {
		return s == StatusApplicant || s == StatusActivist || s == StatusCandidate
	}
	return s.IsMember()
}

// TagInput starts a 三培养 tag.
type TagInput struct {
	Kind      TagKind
	StartedOn time.Time
	Note      string
}

// AddTag puts a 三培养 tag on a person. One open tag per kind and person.
func (s *Service) AddTag(ctx context.Context, a *auth.Actor, memberID int64, in TagInput) (Tag, error) {
	now := s.Clock.Now()
	today := db.Day(now)
	f := apperr.Fields{}
	if !in.Kind.Valid() {
		f.Add("kind", "tag.kind_unknown", nil)
	}
	checkDay(f, "started_on", in.StartedOn, today)
	if err := f.Err(); err != nil {
		return Tag{}, err
	}
	var t Tag
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		m, err := LoadMemberFor(ctx, tx, a, memberID, auth.PermMemberWrite)
		if err != nil {
			return err
		}
		if m.Status == StatusLeft {
			return errLeft(m)
		}
		if !tagFor(in.Kind, m.Status) {
			return apperr.Rule("cultivate.kind_status", apperr.Params{"kind": i18n.Key("tag.kind." + string(in.Kind)),
				"status": statusKey(m.Status)})
		}
		var open int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM member_tags WHERE member_id = $1 AND kind = $2
			AND achieved_on IS NULL AND ended_on IS NULL`, memberID, string(in.Kind)).Scan(&open); err != nil {
			return err
		}
		if open > 0 {
			return apperr.Conflict("tag.open_exists", apperr.Params{"kind": i18n.Key("tag.kind." + string(in.Kind))})
		}
		t = Tag{MemberID: memberID, Kind: in.Kind, StartedOn: day.Of(db.Day(in.StartedOn)), Note: strings.TrimSpace(in.Note)}
		if err := tx.QueryRowContext(ctx, `INSERT INTO member_tags(member_id, town_id, kind, started_on, note, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, memberID, db.NullID(m.TownID), string(t.Kind), storedDay(t.StartedOn), t.Note, now).Scan(&t.ID); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, m, EventTagStarted, t.StartedOn.Time(), 0, 0, string(t.Kind), now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "member.tag_start", Entity: "member_tag",
			EntityID: t.ID, OrgID: m.OrgID, After: t})
	})
	return t, err
}

// CloseTag marks a tag achieved (the goal was met) or ended (dropped).
func (s *Service) CloseTag(ctx context.Context, a *auth.Actor, memberID, tagID int64, achieved bool, on time.Time) (Tag, error) {
	now := s.Clock.Now()
	f := apperr.Fields{}
	checkDay(f, "on", on, db.Day(now))
	if err := f.Err(); err != nil {
		return Tag{}, err
	}
	var t Tag
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		m, err := LoadMemberFor(ctx, tx, a, memberID, auth.PermMemberWrite)
		if err != nil {
			return err
		}
		before, err := loadTag(ctx, tx, memberID, tagID)
		if err != nil {
			return err
		}
		if !before.Active() {
			return apperr.Conflict("tag.closed", nil)
		}
		if on.Before(before.StartedOn.Time()) {
			return apperr.Invalid("on", "tag.before_start", apperr.Params{"date": before.StartedOn})
		}
		col, kind, action := "ended_on", EventTagEnded, "member.tag_end"
		if achieved {
			col, kind, action = "achieved_on", EventTagAchieved, "member.tag_achieve"
		}
		if _, err := tx.ExecContext(ctx, `UPDATE member_tags SET `+col+` = $1 WHERE id = $2`, db.Day(on), tagID); err != nil {
			return err
		}
		if t, err = loadTag(ctx, tx, memberID, tagID); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, m, kind, on, 0, 0, string(t.Kind), now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: action, Entity: "member_tag",
			EntityID: t.ID, OrgID: m.OrgID, Before: before, After: t})
	})
	return t, err
}

// checkDay requires a date that is not in the future.
func checkDay(f apperr.Fields, field string, d, today time.Time) {
	if d.IsZero() {
		f.Add(field, "error.date_required", nil)
	} else if d.After(today) {
		f.Add(field, "member.date_future", apperr.Params{"today": today})
	}
}

const tagColumns = `id, member_id, kind, started_on, achieved_on, ended_on, note`

func scanTag(row interface{ Scan(...any) error }) (Tag, error) {
	var t Tag
	err := row.Scan(&t.ID, &t.MemberID, &t.Kind, &t.StartedOn, &t.AchievedOn, &t.EndedOn, &t.Note)
	return t, err
}

func loadTag(ctx context.Context, q db.Queryer, memberID, tagID int64) (Tag, error) {
	t, err := scanTag(q.QueryRowContext(ctx, `SELECT `+tagColumns+` FROM member_tags WHERE id = $1 AND member_id = $2`, tagID, memberID))
	if errors.Is(err, sql.ErrNoRows) {
		return t, apperr.NotFound()
	}
	return t, err
}

// tagsOf lists a member's tags, oldest first.
func tagsOf(ctx context.Context, q db.Queryer, memberID int64) ([]Tag, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+tagColumns+` FROM member_tags WHERE member_id = $1 ORDER BY id`, memberID)
	if err != nil {
		return nil, fmt.Errorf("members: tags of: %w", err)
	}
	defer rows.Close()
	out := []Tag{}
	for rows.Next() {
		t, err := scanTag(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// achieveOnJoining closes open 致富能手→党员 tags when the person becomes a
// 预备党员: the goal of the tag is exactly that step.
func achieveOnJoining(ctx context.Context, tx *sql.Tx, memberID int64, on time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE member_tags SET achieved_on = $1 WHERE member_id = $2 AND kind = $3
		AND achieved_on IS NULL AND ended_on IS NULL`, db.Day(on), memberID, string(TagRichToMember))
	return err
}

// TagCount is one village's 三培养 figures for one direction.
type TagCount struct {
	Open     int `json:"open"`
	Achieved int `json:"achieved"`
}

// CultivationRow is one village's 三培养 counts.
type CultivationRow struct {
	OrgID  int64                `json:"org_id"`
	Name   string               `json:"name"`
	Counts map[TagKind]TagCount `json:"counts"`
}

// Cultivation counts 三培养 tags per village under an organisation (or the
// actor's whole scope), in two queries: the counts grouped by village and
// kind, and the villages' names.
func (s *Service) Cultivation(ctx context.Context, a *auth.Actor, orgID int64) ([]CultivationRow, map[TagKind]TagCount, error) {
	ar, err := s.areaFor(ctx, a, orgID)
	if err != nil {
		return nil, nil, err
	}
	var args db.Args
	where := ar.cond(&args)
	rows, err := s.DB.QueryContext(ctx, `SELECT COALESCE(m.village_id, 0), t.kind,
		SUM(CASE WHEN t.achieved_on IS NULL AND t.ended_on IS NULL THEN 1 ELSE 0 END),
		SUM(CASE WHEN t.achieved_on IS NOT NULL THEN 1 ELSE 0 END)
		FROM member_tags t JOIN members m ON m.id = t.member_id JOIN orgs o ON o.id = m.org_id
		WHERE `+where+` GROUP BY COALESCE(m.village_id, 0), t.kind`, args.Values()...)
	if err != nil {
		return nil, nil, fmt.Errorf("members: cultivation: %w", err)
	}
	byVillage := map[int64]map[TagKind]TagCount{}
	total := map[TagKind]TagCount{}
	for rows.Next() {
		var v int64
		var k TagKind
		var c TagCount
		if err := rows.Scan(&v, &k, &c.Open, &c.Achieved); err != nil {
			rows.Close()
			return nil, nil, err
		}
		if byVillage[v] == nil {
			byVillage[v] = map[TagKind]TagCount{}
		}
		byVillage[v][k] = c
		t := total[k]
		total[k] = TagCount{Open: t.Open + c.Open, Achieved: t.Achieved + c.Achieved}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	var nargs db.Args
	vrows, err := s.DB.QueryContext(ctx, `SELECT o.id, o.name FROM orgs o WHERE o.type = 'general_branch' AND `+
		nargs.Subtree("o.path", ar.paths)+` ORDER BY o.sort_order, o.id`, nargs.Values()...)
	if err != nil {
		return nil, nil, err
	}
	defer vrows.Close()
	var out []CultivationRow
	for vrows.Next() {
		r := CultivationRow{}
		if err := vrows.Scan(&r.OrgID, &r.Name); err != nil {
			return nil, nil, err
		}
		r.Counts = byVillage[r.OrgID]
		if r.Counts == nil {
			r.Counts = map[TagKind]TagCount{}
		}
		out = append(out, r)
	}
	return out, total, vrows.Err()
}
