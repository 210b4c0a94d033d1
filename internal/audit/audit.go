// Package audit keeps the append-only change log. Every row carries a
// SHA-256 over the previous row's hash and its own content, so editing or
// deleting a row in the database breaks the chain from that row on, and
// `dangjian audit verify` names the first broken row.
package audit

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/db"
)

// Actor is who made a change. auth.Actor converts itself into one, so this
// package does not depend on accounts.
type Actor struct {
	ID   int64 // 0 for the system (migrations, demo data, command line)
	Name string
}

// System is the actor of changes made from the command line.
var System = Actor{Name: "system"}

// Entry is one change: what was done to which record, before and after.
type Entry struct {
	Action   string // e.g. "post.assign"
	Entity   string // table-like noun, e.g. "post"
	EntityID int64
	OrgID    int64 // the organisation the record belongs to, for scoped reading
	Before   any   // nil for a creation
	After    any   // nil for a deletion
}

// Record appends e inside the caller's transaction. Writers are serialised
// on the single audit_head row (a row lock on PostgreSQL, the one writer on
// SQLite), which is what keeps the chain linear across app servers.
func Record(ctx context.Context, tx *sql.Tx, at time.Time, who Actor, e Entry) error {
	before, err := marshal(e.Before)
	if err != nil {
		return err
	}
	after, err := marshal(e.After)
	if err != nil {
		return err
	}
	var seq int64
	var prev string
	if err := tx.QueryRowContext(ctx,
		`UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash`).Scan(&seq, &prev); err != nil {
		return fmt.Errorf("audit head: %w", err)
	}
	row := Row{ID: seq, At: at.UTC().Truncate(time.Microsecond), ActorID: who.ID, ActorName: who.Name,
		Action: e.Action, Entity: e.Entity, EntityID: e.EntityID, OrgID: e.OrgID,
		Before: before, After: after, PrevHash: prev}
	row.Hash = row.computeHash()
	var actorID, orgID any
	if row.ActorID != 0 {
		actorID = row.ActorID
	}
	if row.OrgID != 0 {
		orgID = row.OrgID
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit_log
		(id, at, actor_id, actor_name, action, entity, entity_id, org_id, before_json, after_json, prev_hash, hash)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		row.ID, row.At, actorID, row.ActorName, row.Action, row.Entity, row.EntityID, orgID,
		row.Before, row.After, row.PrevHash, row.Hash); err != nil {
		return fmt.Errorf("audit insert: %w", err)
	}
	_, err = tx.ExecContext(ctx, `UPDATE audit_head SET hash = $1 WHERE id = 1`, row.Hash)
	return err
}

func marshal(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// Row is one stored audit record.
type Row struct {
	ID        int64
	At        time.Time
	ActorID   int64
	ActorName string
	Action    string
	Entity    string
	EntityID  int64
	OrgID     int64
	Before    string
	After     string
	PrevHash  string
	Hash      string
}

// computeHash covers every stored field; fields are length-prefixed so no
// two different rows can serialise to the same bytes.
func (r Row) computeHash() string {
	var h rowHasher
	sum := h.sum(r)
	return hex.EncodeToString(sum[:])
}

// rowHasher computes row hashes in one reused buffer: the start-up check
// of a county's whole log hashes every row, and building each row's
// input anew was most of what it allocated.
type rowHasher struct{ buf, num []byte }

func (h *rowHasher) sum(r Row) [sha256.Size]byte {
	h.buf = h.buf[:0]
	h.number(r.ID)
	h.num = r.At.UTC().AppendFormat(h.num[:0], time.RFC3339Nano)
	field(h, h.num)
	h.number(r.ActorID)
	field(h, r.ActorName)
	field(h, r.Action)
	field(h, r.Entity)
	h.number(r.EntityID)
	h.number(r.OrgID)
	field(h, r.Before)
	field(h, r.After)
	field(h, r.PrevHash)
	return sha256.Sum256(h.buf)
}

func (h *rowHasher) number(n int64) {
	h.num = strconv.AppendInt(h.num[:0], n, 10)
	field(h, h.num)
}

func field[T string | []byte](h *rowHasher, f T) {
	h.buf = strconv.AppendInt(h.buf, int64(len(f)), 10)
	h.buf = append(h.buf, ':')
	h.buf = append(h.buf, f...)
}

// matches reports whether the row's stored hash is its content's.
func (h *rowHasher) matches(r Row) bool {
	sum := h.sum(r)
	var hexSum [2 * sha256.Size]byte
	hex.Encode(hexSum[:], sum[:])
	return string(hexSum[:]) == r.Hash
}

// rowColumns lists the stored columns for a SELECT, each prefixed with
// the table alias (e.g. "a.") when the query joins other tables.
func rowColumns(alias string) string {
	return strings.NewReplacer("@", alias).Replace(`@id, @at, COALESCE(@actor_id, 0), @actor_name, @action, @entity,
	@entity_id, COALESCE(@org_id, 0), @before_json, @after_json, @prev_hash, @hash`)
}

// scanRow reads the stored columns, then any columns a query adds after them.
func scanRow(rows *sql.Rows, extra ...any) (Row, error) {
	var r Row
	err := rows.Scan(append([]any{&r.ID, &r.At, &r.ActorID, &r.ActorName, &r.Action, &r.Entity, &r.EntityID,
		&r.OrgID, &r.Before, &r.After, &r.PrevHash, &r.Hash}, extra...)...)
	r.At = r.At.UTC()
	return r, err
}

// Broken describes the first row whose chain does not hold.
type Broken struct {
	ID     int64
	Reason string
}

// Verify walks the whole chain in order and returns the first broken row,
// or nil when every row is intact. It also checks that the head still
// points at the last row, which catches deleting rows from the end.
func Verify(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (checked int64, broken *Broken, err error) {
	rows, err := q.QueryContext(ctx, `SELECT `+rowColumns("")+` FROM audit_log ORDER BY id`)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	prev := ""
	var wantID int64 = 1
	var h rowHasher
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return checked, nil, err
		}
		checked++
		switch {
		case r.ID != wantID:
			return checked, &Broken{ID: r.ID, Reason: fmt.Sprintf("row %d is missing", wantID)}, nil
		case r.PrevHash != prev:
			return checked, &Broken{ID: r.ID, Reason: "previous hash does not match"}, nil
		case !h.matches(r):
			return checked, &Broken{ID: r.ID, Reason: "content does not match its hash"}, nil
		}
		prev = r.Hash
		wantID++
	}
	if err := rows.Err(); err != nil {
		return checked, nil, err
	}
	var seq int64
	var head string
	if err := q.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&seq, &head); err != nil {
		return checked, nil, err
	}
	if seq != wantID-1 || head != prev {
		return checked, &Broken{ID: wantID, Reason: fmt.Sprintf("the log ends at row %d but the head records %d", wantID-1, seq)}, nil
	}
	return checked, nil, nil
}

// Filter selects audit rows for reading. OrgPaths limits rows to the
// actor's subtrees; an empty slice with All=false yields nothing.
type Filter struct {
	Entity   string
	EntityID int64
	OrgPaths []string
	All      bool  // no org restriction (county-wide admins, command line)
	BeforeID int64 // keyset pagination: rows with id < BeforeID
	Limit    int
}

// Listed is a row as readers see it, with what the same query can tell
// about it from the tables it joins: the actor's full name from users
// (the stored actor_name is the username at the time) and the record's
// organisation, for scope checks and for naming organisation records.
type Listed struct {
	Row
	ActorFullName string // "" for the system or a deleted account
	OrgPath       string // "" when the row belongs to no organisation
	OrgName       string
}

// List returns audit rows newest first, in one query.
func List(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, f Filter) ([]Listed, error) {
	var where []string
	var a db.Args
	arg := a.Add
	if f.Entity != "" {
		where = append(where, "a.entity = "+arg(f.Entity))
	}
	if f.EntityID != 0 {
		where = append(where, "a.entity_id = "+arg(f.EntityID))
	}
	if f.BeforeID > 0 {
		where = append(where, "a.id < "+arg(f.BeforeID))
	}
	if !f.All {
		if len(f.OrgPaths) == 0 {
			return nil, nil
		}
		where = append(where, a.Subtree("o.path", f.OrgPaths))
	}
	limit := f.Limit
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	query := `SELECT ` + rowColumns("a.") + `, COALESCE(u.display_name, ''), COALESCE(o.path, ''), COALESCE(o.name, '')
	FROM audit_log a LEFT JOIN orgs o ON o.id = a.org_id LEFT JOIN users u ON u.id = a.actor_id`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY a.id DESC LIMIT " + strconv.Itoa(limit)
	rows, err := q.QueryContext(ctx, query, a.Values()...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Listed
	for rows.Next() {
		var r Listed
		var err error
		if r.Row, err = scanRow(rows, &r.ActorFullName, &r.OrgPath, &r.OrgName); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
