// Package day is the calendar day: a birth date, a meeting's date, a
// deadline. A day is not an instant, so it carries no clock time and no
// zone: it is stored as "2006-01-02" on both databases, shown and sent in
// the API as "2006-01-02", and compared by its three numbers.
package day

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"time"
)

// Layout is the one text form of a day: storage, forms and JSON.
const Layout = "2006-01-02"

// Day is one calendar day. The zero Day is "no day": it is stored as NULL,
// sent as JSON null and shown as "".
type Day struct {
	y int16
	m uint8
	d uint8
}

// New is the day of year, month and day of month; out-of-range values are
// normalised as time.Date does (February 30 is March 2).
func New(year int, month time.Month, d int) Day {
	return Of(time.Date(year, month, d, 0, 0, 0, 0, time.UTC))
}

// Of is the calendar day t falls on in t's own location.
func Of(t time.Time) Day {
	if t.IsZero() {
		return Day{}
	}
	y, m, d := t.Date()
	return Day{y: int16(y), m: uint8(m), d: uint8(d)}
}

// Today is the day it is now by clock, in UTC as every clock of the
// application answers.
func Today(clock interface{ Now() time.Time }) Day { return Of(clock.Now()) }

// ErrLayout is the error of a text that is not a day "2006-01-02".
var ErrLayout = errors.New("day: want YYYY-MM-DD")

// Parse reads "2006-01-02". An empty text is the zero Day.
func Parse(s string) (Day, error) {
	if s == "" {
		return Day{}, nil
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Day{}, ErrLayout
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || y == 0 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Day{}, ErrLayout
	}
	return Day{y: int16(y), m: uint8(m), d: uint8(d)}, nil
}

// MustParse is Parse for constants in code and tests.
func MustParse(s string) Day {
	d, err := Parse(s)
	if err != nil {
		panic(fmt.Sprintf("day.MustParse(%q): %v", s, err))
	}
	return d
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is "no day".
func (d Day) IsZero() bool { return d == Day{} }

func (d Day) Year() int         { return int(d.y) }
func (d Day) Month() time.Month { return time.Month(d.m) }
func (d Day) Day() int          { return int(d.d) }

// String is "2006-01-02", or "" for the zero Day.
func (d Day) String() string {
	if d.IsZero() {
		return ""
	}
	b := make([]byte, 0, 10)
	return string(d.appendTo(b))
}

func (d Day) appendTo(b []byte) []byte {
	y, m, dd := int(d.y), int(d.m), int(d.d)
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// Time is midnight UTC of d, for arithmetic the standard library does.
func (d Day) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(int(d.y), time.Month(d.m), int(d.d), 0, 0, 0, 0, time.UTC)
}

// AddDays is the day n days later (earlier when n < 0).
func (d Day) AddDays(n int) Day { return Of(d.Time().AddDate(0, 0, n)) }

// AddMonths is the day n months later, normalised as time.AddDate does.
func (d Day) AddMonths(n int) Day { return Of(d.Time().AddDate(0, n, 0)) }

// Compare is -1, 0 or +1 as d is before, equal to or after e.
func (d Day) Compare(e Day) int {
	switch {
	case d.y != e.y:
		return cmp(int(d.y), int(e.y))
	case d.m != e.m:
		return cmp(int(d.m), int(e.m))
	}
	return cmp(int(d.d), int(e.d))
}

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (d Day) Before(e Day) bool { return d.Compare(e) < 0 }
func (d Day) After(e Day) bool  { return d.Compare(e) > 0 }

// DaysUntil is the number of days from d to e: 1 from today to tomorrow.
func (d Day) DaysUntil(e Day) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// Value stores d as "2006-01-02", and the zero Day as NULL.
func (d Day) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a day column: NULL is the zero Day; the drivers hand over a
// time.Time (PostgreSQL's DATE, SQLite's DATE column) or the stored text.
func (d *Day) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Day{}
		return nil
	case time.Time:
		*d = Of(v)
		return nil
	case string:
		return d.scanText(v)
	case []byte:
		return d.scanText(string(v))
	}
	return fmt.Errorf("day: cannot scan %T", src)
}

// scanText takes the first ten characters, so a day once stored with a
// clock time ("2005-10-01 00:00:00+00:00") reads as its day.
func (d *Day) scanText(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	v, err := Parse(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON sends "2006-01-02", or null for the zero Day.
func (d Day) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	b := make([]byte, 0, 12)
	b = append(b, '"')
	b = d.appendTo(b)
	return append(b, '"'), nil
}

// UnmarshalJSON takes "2006-01-02", "" or null.
func (d *Day) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		*d = Day{}
		return nil
	}
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return ErrLayout
	}
	v, err := Parse(s[1 : len(s)-1])
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText and UnmarshalText serve forms, query strings and templates.
func (d Day) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d *Day) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
