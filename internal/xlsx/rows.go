package xlsx

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// Rows reads a sheet's rows in order, decoding its XML as it goes.
type Rows struct {
	book      *Book
	part      string
	dec       *decoder
	closer    io.Closer
	lastRow   int // as the sheet's dimension states it
	cellsLeft int // of maxSheetCells
	row       Row
	err       error
	done      bool
	text      []byte // scratch for a cell's text
}

// Row is one row of a sheet: its 1-based number and its cells' values as
// text, by column position from A, blanks between cells filled with "".
// Rows without cells are not given.
type Row struct {
	Number int
	Cells  []string
}

// Rows starts reading the sheet at index i of Sheets.
func (b *Book) Rows(i int) (*Rows, error) {
	if i < 0 || i >= len(b.sheets) {
		return nil, malformed("no sheet %d", i)
	}
	s := b.sheets[i]
	if s.part == "" {
		return nil, malformed("sheet %q is named but not in the file", s.name)
	}
	dec, closer, _, err := b.open(s.part, maxSheetBytes)
	if err != nil {
		return nil, err
	}
	r := &Rows{book: b, part: s.part, dec: dec, closer: closer, cellsLeft: maxSheetCells}
	if err := r.seekSheetData(); err != nil {
		closer.Close()
		return nil, err
	}
	return r, nil
}

// seekSheetData reads up to the rows, noting the stated dimension.
func (r *Rows) seekSheetData() error {
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			r.done = true // a sheet without rows
			return nil
		}
		if err != nil {
			return wrapRead(r.part, err)
		}
		if e, ok := tok.(xml.StartElement); ok {
			switch e.Name.Local {
			case "dimension":
				ref := attr(e, "ref")
				if i := strings.IndexByte(ref, ':'); i >= 0 {
					ref = ref[i+1:]
				}
				if _, row, err := parseCell(ref); err == nil {
					r.lastRow = row
				}
			case "sheetData":
				return nil
			}
		}
	}
}

// LastRow is the number of the sheet's last row as the sheet itself
// states (for progress before the end is reached), 0 when it does not.
func (r *Rows) LastRow() int { return r.lastRow }

// Next reads the next row that has cells; false at the end or on an
// error, which Err then gives.
func (r *Rows) Next() bool {
	for !r.done && r.err == nil {
		tok, err := r.dec.Token()
		if err != nil {
			r.fail(unexpectedEOF(err))
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "row" {
				if err := r.dec.Skip(); err != nil {
					r.fail(unexpectedEOF(err))
				}
				continue
			}
			if err := r.readRow(t); err != nil {
				r.fail(err)
				return false
			}
			if len(r.row.Cells) > 0 {
				return true
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				r.done = true
			}
		}
	}
	return false
}

func (r *Rows) fail(err error) { r.err = wrapRead(r.part, err) }

// Row is the row Next read. Its Cells are reused by the next call.
func (r *Rows) Row() Row { return r.row }

// Err is the error that ended the reading, if any.
func (r *Rows) Err() error { return r.err }

// Close releases the sheet.
func (r *Rows) Close() error { return r.closer.Close() }

// readRow reads a <row> to its end. Rows must come in order; a row or a
// cell without its number follows the one before.
func (r *Rows) readRow(e xml.StartElement) error {
	number := r.row.Number + 1
	if v := attr(e, "r"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= r.row.Number || n > MaxRows {
			return malformed("row %q after row %d", v, r.row.Number)
		}
		number = n
	}
	if number > MaxRows {
		return malformed("more than %d rows", MaxRows)
	}
	r.row.Number = number
	cells := r.row.Cells[:0]
	col := 0
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := r.dec.Skip(); err != nil {
					return unexpectedEOF(err)
				}
				continue
			}
			col++
			if ref := attr(t, "r"); ref != "" {
				c, row, err := parseCell(ref)
				if err != nil || row != number {
					return malformed("cell %q in row %d", ref, number)
				}
				col = c
			}
			if col > MaxColumns {
				return malformed("a cell beyond column XFD in row %d", number)
			}
			v, err := r.readCell(t)
			if err != nil {
				return err
			}
			if grow := col - len(cells); grow > 0 {
				if r.cellsLeft -= grow; r.cellsLeft < 0 {
					return malformed("more than %d cells in the sheet", maxSheetCells)
				}
				for ; grow > 0; grow-- {
					cells = append(cells, "")
				}
			}
			cells[col-1] = v
		case xml.EndElement:
			// Trailing blanks are no cells: a row of empty styled cells
			// is a row without cells.
			for len(cells) > 0 && cells[len(cells)-1] == "" {
				cells = cells[:len(cells)-1]
			}
			r.row.Cells = cells
			return nil
		}
	}
}

// readCell reads a <c> to its end and gives its value as text.
func (r *Rows) readCell(e xml.StartElement) (string, error) {
	kind := attr(e, "t")
	var raw []byte
	inline, hasInline := "", false
	r.text = r.text[:0]
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return "", unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				if r.text, err = appendCharData(r.dec, r.text[:0]); err != nil {
					return "", err
				}
				raw = r.text
			case "is":
				if inline, err = readRichText(r.dec, t.Name); err != nil {
					return "", err
				}
				hasInline = true
			default: // a formula, extensions
				if err := r.dec.Skip(); err != nil {
					return "", unexpectedEOF(err)
				}
			}
		case xml.EndElement:
			if hasInline {
				return inline, nil
			}
			return r.value(kind, attr(e, "s"), raw)
		}
	}
}

// value is a cell's text by its type: shared strings looked up, booleans
// as TRUE and FALSE, numbers as written unless their format shows a
// date, which is given as its day, "2005-10-01".
func (r *Rows) value(kind, style string, raw []byte) (string, error) {
	switch kind {
	case "s":
		i, err := strconv.Atoi(string(raw))
		if err != nil || i < 0 || i >= len(r.book.shared) {
			return "", malformed("shared string %q of %d", raw, len(r.book.shared))
		}
		return r.book.shared[i], nil
	case "b":
		switch string(raw) {
		case "1", "true":
			return "TRUE", nil
		case "0", "false":
			return "FALSE", nil
		case "":
			return "", nil
		}
		return "", malformed("boolean %q", raw)
	case "", "n":
		if len(raw) == 0 {
			return "", nil
		}
		if r.book.dateStyle(style) {
			if n, err := strconv.ParseFloat(string(raw), 64); err == nil {
				if d, ok := SerialDay(n, r.book.date1904); ok {
					return d.Format("2006-01-02"), nil
				}
			}
		}
	}
	return string(raw), nil // str, inlineStr written as <v>, e, d
}

// dateStyle reports whether the cell format a cell names shows a date.
func (b *Book) dateStyle(s string) bool {
	if s == "" {
		return false
	}
	i, err := strconv.Atoi(s)
	return err == nil && i >= 0 && i < len(b.dateXF) && b.dateXF[i]
}
