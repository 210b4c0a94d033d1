package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// SortsRows explains query with args and reports whether its plan sorts
// rows for ORDER BY instead of reading them in order off an index: SQLite's
// "USE TEMP B-TREE FOR ORDER BY", a PostgreSQL Sort node. A list page that
// sorts reads its whole filtered set to return fifty rows. On PostgreSQL
// sequential and bitmap scans and sorting are priced out for the
// explanation, so a Sort left in the plan means no index can give the order
// — a small test table cannot hide a missing index. The plan text comes back for the failure message.
func (d *DB) SortsRows(ctx context.Context, query string, args []any) (sorts bool, plan string, err error) {
	if d.Dialect == SQLite {
		return d.sqliteSorts(ctx, query, args)
	}
	err = d.Tx(ctx, func(tx *sql.Tx) error {
		for _, off := range []string{"enable_seqscan", "enable_bitmapscan", "enable_sort"} {
			if _, err := tx.ExecContext(ctx, `SET LOCAL `+off+` = off`); err != nil {
				return err
			}
		}
		var out string
		if err := tx.QueryRowContext(ctx, `EXPLAIN (FORMAT JSON) `+query, args...).Scan(&out); err != nil {
			return err
		}
		var tree []struct{ Plan pgPlan }
		if err := json.Unmarshal([]byte(out), &tree); err != nil {
			return err
		}
		sorts = len(tree) > 0 && tree[0].Plan.sorts()
		plan = out
		return nil
	})
	return sorts, plan, err
}

type pgPlan struct {
	NodeType string   `json:"Node Type"`
	Plans    []pgPlan `json:"Plans"`
}

func (p pgPlan) sorts() bool {
	if p.NodeType == "Sort" {
		return true
	}
	for _, c := range p.Plans {
		if c.sorts() {
			return true
		}
	}
	return false
}

func (d *DB) sqliteSorts(ctx context.Context, query string, args []any) (bool, string, error) {
	rows, err := d.QueryContext(ctx, `EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		return false, "", err
	}
	defer rows.Close()
	var b strings.Builder
	sorts := false
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return false, "", err
		}
		fmt.Fprintf(&b, "%d %d %s\n", id, parent, detail)
		sorts = sorts || strings.Contains(detail, "USE TEMP B-TREE FOR ORDER BY")
	}
	return sorts, b.String(), rows.Err()
}
