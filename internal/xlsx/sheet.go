package xlsx

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf16"
)

// Sheet is the sheet a Writer is writing. Its columns and styled ranges
// are set before the rows they concern; merges and drop-down lists may
// be added until the next sheet starts or the workbook closes.
type Sheet struct {
	w       *Writer
	out     *bufio.Writer
	columns []columnSpan
	ranges  []styledRange
	merges  []cellRange
	lists   []dropList
	row     int  // rows written so far
	started bool // the sheet's opening (its columns) is written
	buf     []byte
}

// Column is how a span of columns looks: its width in characters and the
// style of its cells that have none of their own.
type Column struct {
	Width float64
	Style StyleID
}

// Cell is a value with a style of its own.
type Cell struct {
	Value any
	Style StyleID
}

type columnSpan struct {
	first, last int
	Column
}

type cellRange struct{ first, last [2]int }

func (r cellRange) contains(col, row int) bool {
	return col >= r.first[0] && col <= r.last[0] && row >= r.first[1] && row <= r.last[1]
}

func (r cellRange) overlaps(o cellRange) bool {
	return r.first[0] <= o.last[0] && o.first[0] <= r.last[0] && r.first[1] <= o.last[1] && o.first[1] <= r.last[1]
}

func (r cellRange) String() string {
	return CellName(r.first[0], r.first[1]) + ":" + CellName(r.last[0], r.last[1])
}

type styledRange struct {
	cellRange
	style StyleID
}

type dropList struct {
	cellRange
	formula string
}

func newSheet(w *Writer, entry io.Writer) *Sheet {
	return &Sheet{w: w, out: bufio.NewWriterSize(entry, 32<<10)}
}

var errStarted = errors.New("xlsx: columns are set before the first row")

// SetColumns sets the width and style of the 1-based columns first to
// last. It must come before the first row.
func (s *Sheet) SetColumns(first, last int, c Column) error {
	switch {
	case s.w.open != s:
		return errEnded
	case s.started:
		return errStarted
	case first < 1 || last < first || last > MaxColumns:
		return fmt.Errorf("xlsx: columns %d to %d", first, last)
	case c.Width < 0 || c.Width > 255:
		return fmt.Errorf("xlsx: column width %g, 0 to 255 allowed", c.Width)
	}
	for _, have := range s.columns {
		if first <= have.last && have.first <= last {
			return fmt.Errorf("xlsx: columns %d to %d are already set", first, last)
		}
	}
	s.columns = append(s.columns, columnSpan{first, last, c})
	return nil
}

// StyleRange gives the cells of a range ("F3:L10") that have no style of
// their own a style, over their column's. Rows already written keep
// theirs. Where ranges overlap, the later one wins.
func (s *Sheet) StyleRange(ref string, style StyleID) error {
	r, err := s.cellRange(ref)
	if err != nil {
		return err
	}
	s.ranges = append(s.ranges, styledRange{r, style})
	return nil
}

// Merge merges a range ("A2:A3"), which shows its first cell's value.
// Merged ranges may not overlap; a range of one cell is left as it is.
func (s *Sheet) Merge(ref string) error {
	r, err := s.cellRange(ref)
	if err != nil || r.first == r.last {
		return err
	}
	for _, m := range s.merges {
		if m.overlaps(r) {
			return fmt.Errorf("xlsx: merge %s overlaps %s", r, m)
		}
	}
	s.merges = append(s.merges, r)
	return nil
}

// AddDropList offers the values as a drop-down list in each cell of the
// range; blank cells stay allowed, and other values are not refused.
// Excel holds the list in a formula of at most 255 characters; a value
// may not contain a comma, which would split it.
func (s *Sheet) AddDropList(ref string, values []string) error {
	r, err := s.cellRange(ref)
	if err != nil {
		return err
	}
	f := make([]byte, 0, 64)
	f = append(f, '"')
	for i, v := range values {
		for j := 0; j < len(v); j++ {
			if v[j] == ',' {
				return fmt.Errorf("xlsx: drop-down value %q has a comma", v)
			}
		}
		if i > 0 {
			f = append(f, ',')
		}
		for _, c := range []byte(v) {
			if c == '"' {
				f = append(f, '"') // doubled inside a formula's string
			}
			f = append(f, c)
		}
	}
	f = append(f, '"')
	if n := len(utf16.Encode([]rune(string(f[1 : len(f)-1])))); len(values) == 0 || n > 255 {
		return fmt.Errorf("xlsx: drop-down list of %d characters, 1 to 255 allowed", n)
	}
	s.lists = append(s.lists, dropList{r, string(f)})
	return nil
}

var errEnded = errors.New("xlsx: the sheet has ended: a later one was added or the workbook closed")

func (s *Sheet) cellRange(ref string) (cellRange, error) {
	if s.w.open != s {
		return cellRange{}, errEnded
	}
	first, last, err := parseRange(ref)
	return cellRange{first, last}, err
}

// WriteRow writes the next row. A value is a string, an int, an int64, a
// float64, a bool, nil (a blank cell) or a Cell holding one of them.
func (s *Sheet) WriteRow(values ...any) error {
	if s.w.err != nil {
		return s.w.err
	}
	if s.w.open != s {
		return errEnded
	}
	if s.row == MaxRows {
		return fmt.Errorf("xlsx: more than %d rows", MaxRows)
	}
	if len(values) > MaxColumns {
		return fmt.Errorf("xlsx: %d values in a row, at most %d", len(values), MaxColumns)
	}
	if !s.started {
		s.start()
	}
	s.row++
	b := append(s.buf[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(s.row), 10)
	b = append(b, `">`...)
	var err error
	for i, v := range values {
		if b, err = s.appendCell(b, i+1, v); err != nil {
			s.row--
			return fmt.Errorf("xlsx: %s: %w", CellName(i+1, s.row+1), err)
		}
	}
	b = append(b, `</row>`...)
	s.buf = b
	return s.write(b)
}

// WriteRows writes rows one after the other.
func (s *Sheet) WriteRows(rows [][]any) error {
	for _, r := range rows {
		if err := s.WriteRow(r...); err != nil {
			return err
		}
	}
	return nil
}

// styleAt is the style of a cell without its own: the last range that
// holds it, else its column's.
func (s *Sheet) styleAt(col int) StyleID {
	for i := len(s.ranges) - 1; i >= 0; i-- {
		if s.ranges[i].contains(col, s.row) {
			return s.ranges[i].style
		}
	}
	for _, c := range s.columns {
		if col >= c.first && col <= c.last {
			return c.Style
		}
	}
	return 0
}

var errValue = errors.New("unsupported value")

// appendCell appends the cell at col of the current row; a blank without
// a style is left out.
func (s *Sheet) appendCell(b []byte, col int, v any) ([]byte, error) {
	style := StyleID(0)
	if c, ok := v.(Cell); ok {
		v, style = c.Value, c.Style
	}
	if style == 0 {
		style = s.styleAt(col)
	}
	if style < 0 || int(style) > len(s.w.styles) {
		return b, fmt.Errorf("style %d was not added", style)
	}
	if v == nil || v == "" {
		if style == 0 {
			return b, nil
		}
		return append(s.appendCellStart(b, col, style), `/>`...), nil
	}
	b = s.appendCellStart(b, col, style)
	switch v := v.(type) {
	case string:
		v = trimCell(v)
		b = append(b, ` t="inlineStr"><is><t`...)
		if needsPreserve(v) {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = appendText(b, v)
		return append(b, `</t></is></c>`...), nil
	case int:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, int64(v), 10)
	case int64:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, v, 10)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return b, fmt.Errorf("%w: %g", errValue, v)
		}
		b = append(b, `><v>`...)
		b = strconv.AppendFloat(b, v, 'f', -1, 64) // plain digits, as Excel writes them: 4170000, not 4.17e+06
	case bool:
		b = append(b, ` t="b"><v>`...)
		if v {
			b = append(b, '1')
		} else {
			b = append(b, '0')
		}
	default:
		return b, fmt.Errorf("%w %T", errValue, v)
	}
	return append(b, `</v></c>`...), nil
}

func (s *Sheet) appendCellStart(b []byte, col int, style StyleID) []byte {
	b = append(b, `<c r="`...)
	b = append(b, columnName(col)...)
	b = strconv.AppendInt(b, int64(s.row), 10)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	return b
}

func (s *Sheet) write(b []byte) error {
	if _, err := s.out.Write(b); err != nil {
		s.w.err = err
		return err
	}
	return nil
}

// start writes the sheet's opening and its columns.
func (s *Sheet) start() {
	s.started = true
	b := append(s.buf[:0], xmlHeader+`<worksheet xmlns="`+mainNS+`" xmlns:r="`+relNS+`">`...)
	if len(s.columns) > 0 {
		sortSpans(s.columns)
		b = append(b, `<cols>`...)
		for _, c := range s.columns {
			b = append(b, `<col min="`...)
			b = strconv.AppendInt(b, int64(c.first), 10)
			b = append(b, `" max="`...)
			b = strconv.AppendInt(b, int64(c.last), 10)
			b = append(b, '"')
			if c.Width > 0 {
				b = append(b, ` width="`...)
				b = strconv.AppendFloat(b, c.Width, 'f', -1, 64)
				b = append(b, `" customWidth="1"`...)
			}
			if c.Style != 0 {
				b = append(b, ` style="`...)
				b = strconv.AppendInt(b, int64(c.Style), 10)
				b = append(b, '"')
			}
			b = append(b, `/>`...)
		}
		b = append(b, `</cols>`...)
	}
	b = append(b, `<sheetData>`...)
	s.buf = b
	s.write(b)
}

func sortSpans(spans []columnSpan) {
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].first < spans[j-1].first; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
}

// end writes what follows the rows: merges, then drop-down lists, in the
// order the schema sets.
func (s *Sheet) end() error {
	if s.w.err != nil {
		return s.w.err
	}
	if !s.started {
		s.start()
	}
	b := append(s.buf[:0], `</sheetData>`...)
	if len(s.merges) > 0 {
		b = append(b, `<mergeCells count="`...)
		b = strconv.AppendInt(b, int64(len(s.merges)), 10)
		b = append(b, `">`...)
		for _, m := range s.merges {
			b = append(b, `<mergeCell ref="`+m.String()+`"/>`...)
		}
		b = append(b, `</mergeCells>`...)
	}
	if len(s.lists) > 0 {
		b = append(b, `<dataValidations count="`...)
		b = strconv.AppendInt(b, int64(len(s.lists)), 10)
		b = append(b, `">`...)
		for _, l := range s.lists {
			b = append(b, `<dataValidation type="list" allowBlank="1" sqref="`+l.String()+`"><formula1>`...)
			b = appendText(b, l.formula)
			b = append(b, `</formula1></dataValidation>`...)
		}
		b = append(b, `</dataValidations>`...)
	}
	b = append(b, `</worksheet>`...)
	if err := s.write(b); err != nil {
		return err
	}
	if err := s.out.Flush(); err != nil {
		s.w.err = err
		return err
	}
	return nil
}

// maxCellChars is the most a cell holds, in UTF-16 units, as Excel counts.
const maxCellChars = 32767

// trimCell cuts a text at what a cell holds: Excel would call a longer
// one damage and repair the file.
func trimCell(s string) string {
	if len(s) <= maxCellChars { // UTF-8 takes at least as many bytes as UTF-16 units
		return s
	}
	n := 0
	for i, r := range s {
		units := 1
		if r >= 0x10000 {
			units = 2
		}
		if n+units > maxCellChars {
			return s[:i]
		}
		n += units
	}
	return s
}
