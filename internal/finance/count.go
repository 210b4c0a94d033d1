package finance

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// States of a count campaign and kinds of the items it counts.
const (
	CountOpen    = "open"
	CountClosed  = "closed"
	ItemAsset    = "asset"    // a fixed asset of the register
	ItemResource = "resource" // a resource (land, forest, water, other)
)

// Count is a 清查 campaign of one village over its fixed assets and
// resources, with how far it has got: lines counted, discrepancies found
// and those still unresolved. Lines is filled when one campaign is read.
type Count struct {
	ID            int64       `json:"id"`
	OrgID         int64       `json:"org_id"`
	VillageName   string      `json:"village_name"`
	Name          string      `json:"name"`
	StartsOn      day.Day     `json:"starts_on"`
	State         string      `json:"state"`
	OpenerName    string      `json:"opener_name"`
	CloserName    string      `json:"closer_name,omitempty"`
	ClosedAt      *time.Time  `json:"closed_at,omitempty"`
	Items         int         `json:"items"`
	Counted       int         `json:"counted"`
	Discrepancies int         `json:"discrepancies"`
	Unresolved    int         `json:"unresolved"`
	Lines         []CountLine `json:"lines,omitempty"`
	OrgPath       string      `json:"-"`
}

// CountLine is one register item of a campaign: 账面数 (the book quantity
// and value when the campaign opened) against 核实数 (what was found). A
// discrepancy is explained when recorded and resolved by someone else.
type CountLine struct {
	ID           int64      `json:"id"`
	CountID      int64      `json:"count_id"`
	Kind         string     `json:"item_kind"`
	ItemID       int64      `json:"item_id"`
	ItemName     string     `json:"item_name"`
	BookQty      int64      `json:"book_qty"`
	BookValue    Fen        `json:"book_value_fen"`
	Counted      bool       `json:"counted"`
	FoundQty     int64      `json:"found_qty"`
	FoundValue   Fen        `json:"found_value_fen"`
	Note         string     `json:"note,omitempty"`
	RecorderName string     `json:"recorder_name,omitempty"`
	RecordedAt   *time.Time `json:"recorded_at,omitempty"`
	Resolution   string     `json:"resolution,omitempty"`
	ResolverName string     `json:"resolver_name,omitempty"`
	ResolvedAt   *time.Time `json:"resolved_at,omitempty"`
	Discrepancy  bool       `json:"discrepancy"`
	RecordedBy   int64      `json:"-"`
}

func (l *CountLine) derive() {
	l.Discrepancy = l.Counted && (l.FoundQty != l.BookQty || l.FoundValue != l.BookValue)
}

// NewCount opens a campaign: the village, its name and the day it starts,
// not after today. The register as it stands on that day is its 账面数.
type NewCount struct {
	OrgID    int64   `json:"org_id"`
	Name     string  `json:"name"`
	StartsOn day.Day `json:"starts_on"`
}

// CountResult is what was found of one item; Note explains a discrepancy.
type CountResult struct {
	FoundQty   int64  `json:"found_qty"`
	FoundValue Fen    `json:"found_value_fen"`
	Note       string `json:"note,omitempty"`
}

// countAudit is what the audit keeps of a campaign's change.
type countAudit struct {
	Name          string  `json:"name"`
	StartsOn      day.Day `json:"starts_on"`
	State         string  `json:"state"`
	Items         int     `json:"items"`
	Discrepancies int     `json:"discrepancies"`
}

func (c Count) audited() countAudit {
	return countAudit{Name: c.Name, StartsOn: c.StartsOn, State: c.State, Items: c.Items, Discrepancies: c.Discrepancies}
}

// OpenCount opens a 清查 campaign of a village (finance.keep: the town's
// 三资 centre organises it) with a line for each fixed asset acquired by
// its start and not disposed of, at its net value then, and one for each
// resource of the register (resources carry no date of their own).
func (s *Service) OpenCount(ctx context.Context, a *auth.Actor, in NewCount) (Count, error) {
	var c Count
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermFinanceKeep)
		if err != nil {
			return err
		}
		today := day.Today(s.Clock)
		f := apperr.Fields{}
		in.Name = apperr.Text(f, "name", in.Name, 100, true)
		if in.StartsOn.IsZero() || in.StartsOn.After(today) {
			f.Add("starts_on", "finance.date_future", apperr.Params{"today": today.String()})
		}
		if err := f.Err(); err != nil {
			return err
		}
		now := s.Clock.Now()
		c = Count{OrgID: v.ID, VillageName: v.Name, Name: in.Name, StartsOn: in.StartsOn, State: CountOpen,
			OpenerName: a.DisplayName(), OrgPath: v.Path}
		if err := tx.QueryRowContext(ctx, `INSERT INTO finance_counts(org_id, town_id, name, starts_on, state, opened_by, opener_name,
			created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, v.ID, db.NullID(v.TownID), c.Name, c.StartsOn,
			c.State, a.UserRef(), c.OpenerName, now).Scan(&c.ID); err != nil {
			return fmt.Errorf("finance: insert count: %w", err)
		}
		lines, err := bookLines(ctx, tx, v.ID, in.StartsOn)
		if err != nil {
			return err
		}
		for _, l := range lines {
			if _, err := tx.ExecContext(ctx, `INSERT INTO finance_count_lines(count_id, org_id, item_kind, item_id, item_name,
				book_qty, book_value_fen, counted) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, c.ID, v.ID, l.Kind, l.ItemID,
				l.ItemName, l.BookQty, int64(l.BookValue), false); err != nil {
				return fmt.Errorf("finance: insert count line: %w", err)
			}
		}
		c.Items = len(lines)
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.count_open", Entity: "finance_count",
			EntityID: c.ID, OrgID: v.ID, After: c.audited()})
	})
	return c, err
}

// bookLines is the register of a village on day on: its fixed assets
// acquired by then and not disposed of before, at their net value, and its
// resources registered by then, one each.
func bookLines(ctx context.Context, tx *sql.Tx, orgID int64, on day.Day) ([]CountLine, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+assetColumns+` FROM finance_assets x JOIN orgs o ON o.id = x.org_id
		WHERE x.org_id = $1 AND x.acquired_on <= $2 AND (x.disposed_at IS NULL OR x.disposed_at >= $3) ORDER BY x.id`,
		orgID, on, on.Time())
	if err != nil {
		return nil, fmt.Errorf("finance: count assets: %w", err)
	}
	assets, err := db.Collect(rows, func(r *sql.Rows, x *Asset) error { return scanAsset(r, x) })
	if err != nil {
		return nil, err
	}
	var out []CountLine
	for _, x := range assets {
		x.DisposedAt = nil // its value on the day, as if still in use
		x.depreciate(on)
		out = append(out, CountLine{Kind: ItemAsset, ItemID: x.ID, ItemName: x.Name + "（" + x.Location + "）", BookQty: 1, BookValue: x.NetValue})
	}
	rows, err = tx.QueryContext(ctx, `SELECT id, name, area FROM finance_resources WHERE org_id = $1 ORDER BY org_id, id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("finance: count resources: %w", err)
	}
	res, err := db.Collect(rows, func(r *sql.Rows, l *CountLine) error {
		var area string
		err := r.Scan(&l.ItemID, &l.ItemName, &area)
		l.Kind, l.BookQty, l.ItemName = ItemResource, 1, l.ItemName+"（"+area+"）"
		return err
	})
	return append(out, res...), err
}

const countColumns = `c.id, c.org_id, o.path, o.name, c.name, c.starts_on, c.state, c.opener_name, c.closer_name, c.closed_at,
	(SELECT COUNT(*) FROM finance_count_lines l WHERE l.count_id = c.id),
	(SELECT COUNT(*) FROM finance_count_lines l WHERE l.count_id = c.id AND l.counted),
	(SELECT COUNT(*) FROM finance_count_lines l WHERE l.count_id = c.id AND ` + discrepant + `),
	(SELECT COUNT(*) FROM finance_count_lines l WHERE l.count_id = c.id AND ` + discrepant + ` AND l.resolved_at IS NULL)`

// discrepant is a counted line whose 核实数 differs from its 账面数.
const discrepant = `l.counted AND (l.found_qty <> l.book_qty OR l.found_value_fen <> l.book_value_fen)`

const countFrom = ` FROM finance_counts c JOIN orgs o ON o.id = c.org_id`

func scanCount(r interface{ Scan(...any) error }, c *Count) error {
	var closed sql.NullTime
	err := r.Scan(&c.ID, &c.OrgID, &c.OrgPath, &c.VillageName, &c.Name, &c.StartsOn, &c.State, &c.OpenerName, &c.CloserName,
		&closed, &c.Items, &c.Counted, &c.Discrepancies, &c.Unresolved)
	c.ClosedAt = utcPtr(closed)
	return err
}

// Counts lists a village's campaigns, latest first (finance.read).
func (s *Service) Counts(ctx context.Context, a *auth.Actor, orgID int64) ([]Count, error) {
	if _, err := villageFor(ctx, s.DB, a, orgID, ""); err != nil {
		return nil, err
	}
	return countsWhere(ctx, s.DB, `c.org_id = $1`, orgID)
}

func countsWhere(ctx context.Context, q db.Queryer, cond string, args ...any) ([]Count, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+countColumns+countFrom+` WHERE `+cond+
		` ORDER BY c.org_id DESC, c.starts_on DESC, c.id DESC LIMIT 200`, args...)
	if err != nil {
		return nil, fmt.Errorf("finance: list counts: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, c *Count) error { return scanCount(r, c) })
}

// countFor loads a campaign with its lines and decides the actor's scope.
func countFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Count, error) {
	var c Count
	err := scanCount(q.QueryRowContext(ctx, `SELECT `+countColumns+countFrom+` WHERE c.id = $1`, id), &c)
	if errors.Is(err, sql.ErrNoRows) {
		return c, apperr.NotFound()
	}
	if err != nil {
		return c, err
	}
	if err := a.Decide(auth.PermFinanceRead, change, c.OrgPath); err != nil {
		return c, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+lineColumns+` FROM finance_count_lines l WHERE l.count_id = $1 ORDER BY l.count_id, l.id`, id)
	if err != nil {
		return c, err
	}
	c.Lines, err = db.Collect(rows, func(r *sql.Rows, l *CountLine) error { return scanLine(r, l) })
	return c, err
}

const lineColumns = `l.id, l.count_id, l.item_kind, l.item_id, l.item_name, l.book_qty, l.book_value_fen, l.counted, l.found_qty,
	l.found_value_fen, l.note, COALESCE(l.recorded_by, 0), l.recorder_name, l.recorded_at, l.resolution, l.resolver_name, l.resolved_at`

func scanLine(r interface{ Scan(...any) error }, l *CountLine) error {
	var recorded, resolved sql.NullTime
	err := r.Scan(&l.ID, &l.CountID, &l.Kind, &l.ItemID, &l.ItemName, &l.BookQty, &l.BookValue, &l.Counted, &l.FoundQty,
		&l.FoundValue, &l.Note, &l.RecordedBy, &l.RecorderName, &recorded, &l.Resolution, &l.ResolverName, &resolved)
	l.RecordedAt, l.ResolvedAt = utcPtr(recorded), utcPtr(resolved)
	l.derive()
	return err
}

// CountReport is one campaign with its lines (finance.read): the counted
// items, the discrepancies and their resolutions.
func (s *Service) CountReport(ctx context.Context, a *auth.Actor, id int64) (Count, error) {
	return countFor(ctx, s.DB, a, id, "")
}

// lineFor loads a line and its open campaign, deciding change on the
// campaign's village, and reads the line again once the campaign is locked.
func lineFor(ctx context.Context, tx *sql.Tx, a *auth.Actor, lineID int64, change auth.Perm) (Count, CountLine, error) {
	var l CountLine
	read := func() error {
		return scanLine(tx.QueryRowContext(ctx, `SELECT `+lineColumns+` FROM finance_count_lines l WHERE l.id = $1`, lineID), &l)
	}
	err := read()
	if errors.Is(err, sql.ErrNoRows) {
		return Count{}, l, apperr.NotFound()
	}
	if err != nil {
		return Count{}, l, err
	}
	c, err := countFor(ctx, tx, a, l.CountID, change)
	if err != nil {
		return c, l, err
	}
	if err := lockOpen(ctx, tx, c); err != nil {
		return c, l, err
	}
	return c, l, read()
}

// lockOpen takes an open campaign's row for the rest of the transaction
// (a closed one is a conflict), so a line's change and the campaign's
// close are ordered: the close counts what the change wrote, or the change
// finds the campaign closed.
func lockOpen(ctx context.Context, tx *sql.Tx, c Count) error {
	return updateFrom(ctx, tx, apperr.Conflict("count.closed", apperr.Params{"name": c.Name}),
		`UPDATE finance_counts SET state = state WHERE id = $1 AND state = $2`, c.ID, CountOpen)
}

// RecordCount records what was found of one item (finance.request: the
// village's 清查 group). A result differing from the book in quantity or
// value is a discrepancy and needs its explanation; recording again sets
// aside an earlier resolution.
func (s *Service) RecordCount(ctx context.Context, a *auth.Actor, lineID int64, in CountResult) (CountLine, error) {
	var l CountLine
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		c, cur, err := lineFor(ctx, tx, a, lineID, auth.PermFinanceRequest)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		in.Note = apperr.Prose(f, "note", in.Note, 500, false)
		if in.FoundQty < 0 || in.FoundQty > 1_000_000 {
			f.Add("found_qty", "count.qty_range", nil)
		}
		if in.FoundValue < 0 || in.FoundValue > MaxFen {
			f.Add("found_value", "finance.amount_range", apperr.Params{"max": MaxFen})
		}
		if err := f.Err(); err != nil {
			return err
		}
		before := cur
		l = cur
		now := s.Clock.Now()
		l.Counted, l.FoundQty, l.FoundValue, l.Note = true, in.FoundQty, in.FoundValue, in.Note
		l.RecordedBy, l.RecorderName, l.RecordedAt = 0, a.DisplayName(), &now
		if a != nil {
			l.RecordedBy = a.UserID
		}
		l.Resolution, l.ResolverName, l.ResolvedAt = "", "", nil
		l.derive()
		if l.Discrepancy && l.Note == "" {
			return apperr.Invalid("note", "count.explanation", apperr.Params{"book_qty": l.BookQty, "book_value": l.BookValue,
				"found_qty": l.FoundQty, "found_value": l.FoundValue})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE finance_count_lines SET counted = $1, found_qty = $2, found_value_fen = $3, note = $4,
			recorded_by = $5, recorder_name = $6, recorded_at = $7, resolution = '', resolved_by = NULL, resolver_name = '',
			resolved_at = NULL WHERE id = $8`, true, l.FoundQty, int64(l.FoundValue), l.Note, a.UserRef(), l.RecorderName, now,
			l.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.count_record", Entity: "finance_count",
			EntityID: c.ID, OrgID: c.OrgID, Before: before, After: l})
	})
	return l, err
}

// ResolveDiscrepancy approves how a discrepancy is dealt with
// (finance.approve over the village), never by whoever recorded it
// (count.self_approval).
func (s *Service) ResolveDiscrepancy(ctx context.Context, a *auth.Actor, lineID int64, resolution string) (CountLine, error) {
	var l CountLine
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		c, cur, err := lineFor(ctx, tx, a, lineID, auth.PermFinanceApprove)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		resolution = apperr.Prose(f, "resolution", resolution, 500, true)
		if err := f.Err(); err != nil {
			return err
		}
		if !cur.Discrepancy || cur.ResolvedAt != nil {
			return apperr.Conflict("count.nothing_to_resolve", apperr.Params{"item": cur.ItemName})
		}
		if same(a, cur.RecordedBy) {
			return apperr.Rule("count.self_approval", apperr.Params{"recorder": cur.RecorderName, "item": cur.ItemName})
		}
		before := cur
		l = cur
		now := s.Clock.Now()
		l.Resolution, l.ResolverName, l.ResolvedAt = resolution, a.DisplayName(), &now
		if err := updateFrom(ctx, tx, apperr.Conflict("count.nothing_to_resolve", apperr.Params{"item": cur.ItemName}),
			`UPDATE finance_count_lines SET resolution = $1, resolved_by = $2, resolver_name = $3, resolved_at = $4
			WHERE id = $5 AND resolved_at IS NULL AND found_qty = $6 AND found_value_fen = $7 AND note = $8
			AND COALESCE(recorded_by, 0) = $9`, resolution, a.UserRef(), l.ResolverName, now, l.ID, cur.FoundQty,
			int64(cur.FoundValue), cur.Note, cur.RecordedBy); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.count_resolve", Entity: "finance_count",
			EntityID: c.ID, OrgID: c.OrgID, Before: before, After: l})
	})
	return l, err
}

// CloseCount closes a campaign (finance.keep) once every item is counted
// (count.uncounted) and every discrepancy resolved (count.unresolved).
func (s *Service) CloseCount(ctx context.Context, a *auth.Actor, id int64) (Count, error) {
	var c Count
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if c, err = countFor(ctx, tx, a, id, auth.PermFinanceKeep); err != nil {
			return err
		}
		if err := lockOpen(ctx, tx, c); err != nil {
			return err
		}
		// What the lines hold now that no change of them can come between.
		if c, err = countFor(ctx, tx, a, id, auth.PermFinanceKeep); err != nil {
			return err
		}
		if n := c.Items - c.Counted; n > 0 {
			return apperr.Rule("count.uncounted", apperr.Params{"n": n, "items": c.Items})
		}
		if c.Unresolved > 0 {
			return apperr.Rule("count.unresolved", apperr.Params{"n": c.Unresolved, "discrepancies": c.Discrepancies})
		}
		before := c.audited()
		now := s.Clock.Now()
		c.State, c.CloserName, c.ClosedAt = CountClosed, a.DisplayName(), &now
		if _, err := tx.ExecContext(ctx, `UPDATE finance_counts SET state = $1, closed_by = $2, closer_name = $3, closed_at = $4
			WHERE id = $5`, c.State, a.UserRef(), c.CloserName, now, c.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.count_close", Entity: "finance_count",
			EntityID: c.ID, OrgID: c.OrgID, Before: before, After: c.audited()})
	})
	return c, err
}

// termCounts are a village's campaigns that started within a term, for
// the 离任审计.
func termCounts(ctx context.Context, q db.Queryer, orgID int64, from, to day.Day) ([]Count, error) {
	return countsWhere(ctx, q, `c.org_id = $1 AND c.starts_on >= $2 AND c.starts_on <= $3`, orgID, from, to)
}
