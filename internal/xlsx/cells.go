package xlsx

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
)

// The grid's bounds, as Excel has them.
const (
	MaxColumns = 16384   // XFD
	MaxRows    = 1048576 // rows per sheet
)

// columnName is the letters of the 1-based column n: 1 → "A", 28 → "AB".
func columnName(n int) string {
	var b [3]byte // XFD is the widest
	i := len(b)
	for n > 0 && i > 0 {
		n--
		i--
		b[i] = byte('A' + n%26)
		n /= 26
	}
	return string(b[i:])
}

// CellName is the reference of the cell at the 1-based column and row:
// (2, 3) → "B3".
func CellName(col, row int) string { return columnName(col) + strconv.Itoa(row) }

var errCellName = errors.New("xlsx: bad cell reference")

// parseCell splits a reference such as "B3" or "$B$3" into its 1-based
// column and row, both within the grid.
func parseCell(ref string) (col, row int, err error) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
		if col > MaxColumns {
			return 0, 0, fmt.Errorf("%w %q: column beyond XFD", errCellName, ref)
		}
	}
	if col == 0 {
		return 0, 0, fmt.Errorf("%w %q", errCellName, ref)
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	row, err = strconv.Atoi(ref[i:])
	if err != nil || row < 1 || row > MaxRows || ref[i] == '+' || ref[i] == '-' {
		return 0, 0, fmt.Errorf("%w %q", errCellName, ref)
	}
	return col, row, nil
}

// parseRange splits "A1:C3" (or a single cell "B2") into its corners.
func parseRange(ref string) (first, last [2]int, err error) {
	a, b := ref, ref
	for i := 0; i < len(ref); i++ {
		if ref[i] == ':' {
			a, b = ref[:i], ref[i+1:]
			break
		}
	}
	if first[0], first[1], err = parseCell(a); err != nil {
		return
	}
	if last[0], last[1], err = parseCell(b); err != nil {
		return
	}
	if last[0] < first[0] || last[1] < first[1] {
		err = fmt.Errorf("%w %q: corners out of order", errCellName, ref)
	}
	return
}

// The last serial day Excel shows: 9999-12-31.
const maxSerial = 2958465

// SerialDay is the calendar day of an Excel serial date number (the time
// of day, if any, dropped), in the 1900 date system or, with date1904, in
// the 1904 one. Excel counts 1900 as a leap year: serial 60 is its
// fictitious 29 February, which is taken as the serials after it are
// (28 February), so that serial 61 is 1 March. ok is false for a number
// that is not a day Excel shows.
func SerialDay(serial float64, date1904 bool) (day time.Time, ok bool) {
	if math.IsNaN(serial) || serial < 0 || serial >= maxSerial+1 {
		return time.Time{}, false
	}
	n := int(math.Floor(serial))
	switch {
	case date1904:
		return time.Date(1904, 1, 1+n, 0, 0, 0, 0, time.UTC), true
	case n < 1:
		return time.Time{}, false
	case n < 60:
		return time.Date(1899, 12, 31+n, 0, 0, 0, 0, time.UTC), true
	}
	return time.Date(1899, 12, 30+n, 0, 0, 0, 0, time.UTC), true
}
