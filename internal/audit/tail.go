package audit

import (
	"context"
	"database/sql"
	"fmt"
)

// VerifyTail checks the last n rows of the chain and the head, for the
// start of a server: a few milliseconds, where Verify reads every row. It
// catches the last rows edited, rewritten or deleted behind the
// application's back; an edit further back is Verify's to find.
func VerifyTail(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, n int) (*Broken, error) {
	var seq int64
	var head string
	if err := q.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&seq, &head); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+rowColumns("")+` FROM audit_log WHERE id > $1 ORDER BY id`, seq-int64(n)-1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		prev   string
		wantID int64 // 0 until the first row read
		last   int64
	)
	var h rowHasher
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return nil, err
		}
		switch {
		case wantID != 0 && r.ID != wantID:
			return &Broken{ID: r.ID, Reason: fmt.Sprintf("row %d is missing", wantID)}, nil
		case wantID != 0 && r.PrevHash != prev:
			return &Broken{ID: r.ID, Reason: "previous hash does not match"}, nil
		case !h.matches(r):
			return &Broken{ID: r.ID, Reason: "content does not match its hash"}, nil
		}
		prev, wantID, last = r.Hash, r.ID+1, r.ID
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if last != seq || prev != head {
		return &Broken{ID: last + 1, Reason: fmt.Sprintf("the log ends at row %d but the head records %d", last, seq)}, nil
	}
	return nil, nil
}
