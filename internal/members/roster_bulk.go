package members

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// BulkAdd enters many people under one organisation (a branch, a village
// or the town) in one transaction with one audit record: the demo loader
// and scripted migrations from other systems use it. Every input is
// checked as Add checks it; the first bad one refuses the whole batch,
// naming its position.
func (s *Service) BulkAdd(ctx context.Context, a *auth.Actor, orgID int64, ins []MemberInput) ([]int64, error) {
	now := s.Clock.Now()
	today := db.Day(now)
	var ids []int64
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		root, err := placeOf(ctx, tx, orgID)
		if err != nil {
			return err
		}
		if err := DecideMemberScope(a, auth.PermMemberWrite, root.Path); err != nil {
			return err
		}
		places := map[int64]place{}
		batch := make([]prepared, len(ins))
		for i, in := range ins {
			pre, f := s.validate(in, today)
			pl, ok := places[in.OrgID]
			if !ok {
				pl, err = placeOf(ctx, tx, in.OrgID)
				if err != nil && apperr.KindOf(err) != apperr.KindNotFound {
					return err
				}
				if err != nil || !memberOrgType(pl.Type) || !db.Under(pl.Path, root.Path) {
					f.Add("org_id", "member.org_unknown", nil)
				}
				places[in.OrgID] = pl
			}
			if err := f.Err(); err != nil {
				return &apperr.Error{Kind: apperr.KindInvalid, Key: "member.bulk_invalid", Params: apperr.Params{"n": i + 1},
					Fields: apperr.As(err).Fields}
			}
			if pre.in.Status == StatusApplicant {
				if err := CheckApplicant(pre.id.Birth.Time(), pre.in.AppliedOn, today); err != nil {
					return err
				}
			}
			pre.place = pl
			batch[i] = pre
		}
		if err := linkResidents(ctx, tx, seesResidents(a), batch); err != nil {
			return err
		}
		if ids, err = insertAll(ctx, tx, batch, EventAdded, "", now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "member.bulk_add", Entity: "org",
			EntityID: root.ID, OrgID: root.ID, After: map[string]any{"rows": len(ids)}})
	})
	if db.IsUniqueViolation(err) {
		return nil, apperr.Invalid("id_number", "member.duplicate_id", nil)
	}
	return ids, err
}

// insertChunk is how many people one INSERT statement writes: 20 values
// each keeps a statement far below both databases' parameter limits, and
// a county's roster on PostgreSQL is 4,000 round trips instead of 200,000.
const insertChunk = 50

// insertAll writes validated people with one history event each (and an
// empty pipeline row for applicants), a chunk of people per statement.
func insertAll(ctx context.Context, tx *sql.Tx, batch []prepared, kind, detail string, now time.Time) ([]int64, error) {
	ins := newInserter(tx)
	defer ins.close()
	ids, err := ins.insertAll(ctx, batch, kind, detail, now)
	if err != nil {
		return nil, err
	}
	return ids, ins.tallies.write(ctx, tx)
}

// inserter holds the statements that write new people for a whole
// transaction, so an import parses each once, not once a batch. It counts
// the people it wrote into tallies, which its caller writes once, at the
// end of the transaction.
type inserter struct {
	tx             *sql.Tx
	people, events chunkStatements
	tallies        tallies
}

func newInserter(tx *sql.Tx) *inserter {
	return &inserter{tx: tx, tallies: tallies{},
		people: chunkStatements{tx: tx, head: `INSERT INTO members(` + newMemberColumns + `) VALUES `, tail: ` RETURNING id, id_hash`, width: 20},
		events: chunkStatements{tx: tx, head: `INSERT INTO member_events(member_id, town_id, org_id, kind, on_date, detail, created_at) VALUES `, width: 7}}
}

func (ins *inserter) close() {
	ins.people.close()
	ins.events.close()
}

func (ins *inserter) insertAll(ctx context.Context, batch []prepared, kind, detail string, now time.Time) ([]int64, error) {
	tx := ins.tx
	ids, err := ins.insertMembers(ctx, batch, now)
	if err != nil {
		return nil, err
	}
	for from := 0; from < len(batch); from += insertChunk {
		chunk := batch[from:min(from+insertChunk, len(batch))]
		args := make([]any, 0, 7*len(chunk))
		for i, p := range chunk {
			on, k := p.in.JoinedOn, kind
			if p.in.Status == StatusApplicant {
				on, k = p.in.AppliedOn, "apply"
				if err := savePipeline(ctx, tx, ids[from+i], Pipeline{}, now); err != nil {
					return nil, err
				}
			}
			if kind == EventImported {
				on = now
			}
			args = append(args, ids[from+i], db.NullID(p.place.TownID), p.place.ID, k, db.Day(on), detail, now)
		}
		st, err := ins.events.forRows(ctx, len(chunk))
		if err != nil {
			return nil, err
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// insertMembers writes people a chunk per statement and returns their ids
// in the batch's order. RETURNING gives no order on either database, so
// each id is matched to its person by the look-up hash, unique per person.
func (ins *inserter) insertMembers(ctx context.Context, batch []prepared, now time.Time) ([]int64, error) {
	ids := make([]int64, 0, len(batch))
	for chunk := range slices.Chunk(batch, insertChunk) {
		args := make([]any, 0, 20*len(chunk))
		for _, p := range chunk {
			args = append(args, memberValues(p, now)...)
		}
		st, err := ins.people.forRows(ctx, len(chunk))
		if err != nil {
			return nil, err
		}
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return nil, err
		}
		byHash := make(map[string]int64, len(chunk))
		for rows.Next() {
			var id int64
			var hash string
			if err := rows.Scan(&id, &hash); err != nil {
				rows.Close()
				return nil, err
			}
			byHash[hash] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for _, p := range chunk {
			id, ok := byHash[p.id.Hash]
			if !ok {
				return nil, fmt.Errorf("members: insert returned no id for a person of the batch")
			}
			ids = append(ids, id)
			ins.tallies.count(factsOfNew(p), 1)
		}
	}
	return ids, nil
}

// chunkStatements prepares a multi-row INSERT once per row count, so a
// batch of full chunks is parsed once: SQLite spent more time parsing a
// 1,000-parameter statement than running it.
type chunkStatements struct {
	tx         *sql.Tx
	head, tail string
	width      int // values per row
	stmts      map[int]*sql.Stmt
}

func (c *chunkStatements) forRows(ctx context.Context, n int) (*sql.Stmt, error) {
	if st, ok := c.stmts[n]; ok {
		return st, nil
	}
	var args db.Args
	rows := make([]string, n)
	row := make([]any, c.width)
	for i := range rows {
		rows[i] = "(" + db.InList(&args, row) + ")"
	}
	st, err := c.tx.PrepareContext(ctx, c.head+strings.Join(rows, ", ")+c.tail)
	if err != nil {
		return nil, err
	}
	if c.stmts == nil {
		c.stmts = map[int]*sql.Stmt{}
	}
	c.stmts[n] = st
	return st, nil
}

func (c *chunkStatements) close() {
	for _, st := range c.stmts {
		st.Close()
	}
}
