package db

import (
	"database/sql"
	"time"
)

// Collect reads every row with scan into a slice. The slice is empty, not
// nil, when there are no rows, so a JSON answer shows [] rather than null.
// It closes rows.
func Collect[T any](rows *sql.Rows, scan func(*sql.Rows, *T) error) ([]T, error) {
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Limit clamps a requested page size: none (0 or less) gives def, more
// than max gives max.
func Limit(n, def, max int) int {
	switch {
	case n <= 0:
		return def
	case n > max:
		return max
	}
	return n
}

// NullDay stores an optional date: the zero time and a nil pointer are
// NULL, anything else its calendar day.
func NullDay(t *time.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return Day(*t)
}

// DayPtr reads an optional date column back: NULL is nil, anything else
// its calendar day in UTC.
func DayPtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	d := Day(t.Time)
	return &d
}
