package db

import "time"

// Clock is injected wherever a rule depends on today's date, so tests can
// stand on any day they need.
type Clock interface{ Now() time.Time }

// SystemClock is the real time, in UTC.
type SystemClock struct{}

func (SystemClock) Now() time.Time { return time.Now().UTC() }

// FixedClock always answers the same instant; tests move it by assigning.
type FixedClock struct{ T time.Time }

func (c *FixedClock) Now() time.Time { return c.T }

// Day truncates t to its calendar date in UTC, the form dates are stored in.
func Day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ParseDay reads a YYYY-MM-DD form value.
func ParseDay(s string) (time.Time, error) {
	return time.ParseInLocation("2006-01-02", s, time.UTC)
}
