package audit

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Head is the chain's last row: its sequence number and hash. Kept
// outside the database (with each backup, in a ticket, on paper), it
// catches what Verify alone cannot: someone who cuts rows off the end
// or rewrites them and recomputes every hash after, head included.
type Head struct {
	Seq  int64
	Hash string
}

// String is the form `dangjian audit head` prints and -head reads.
func (h Head) String() string { return strconv.FormatInt(h.Seq, 10) + ":" + h.Hash }

// ParseHead reads "SEQ:HASH" as printed by String.
func ParseHead(s string) (Head, error) {
	seq, hash, ok := strings.Cut(strings.TrimSpace(s), ":")
	n, err := strconv.ParseInt(seq, 10, 64)
	if !ok || err != nil || n < 0 || (n > 0 && len(hash) != 64) {
		return Head{}, fmt.Errorf("%q is not an audit head: want SEQ:HASH as printed by `dangjian audit head`", s)
	}
	return Head{Seq: n, Hash: hash}, nil
}

// ReadHead returns the current head.
func ReadHead(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (Head, error) {
	var h Head
	err := q.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&h.Seq, &h.Hash)
	return h, err
}

// Contains checks that the log still holds the kept head: row h.Seq with
// hash h.Hash. Run it after Verify has found the chain intact; together
// they prove every row up to the kept head is the row that was there.
func Contains(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, h Head) (*Broken, error) {
	if h.Seq == 0 {
		return nil, nil // kept before the first change: nothing to hold
	}
	var hash string
	err := q.QueryRowContext(ctx, `SELECT hash FROM audit_log WHERE id = $1`, h.Seq).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return &Broken{ID: h.Seq, Reason: fmt.Sprintf("row %d of the kept head is gone: the log was cut", h.Seq)}, nil
	}
	if err != nil {
		return nil, err
	}
	if hash != h.Hash {
		return &Broken{ID: h.Seq, Reason: fmt.Sprintf("row %d no longer has the kept head's hash: the log was rewritten", h.Seq)}, nil
	}
	return nil, nil
}
