package xlsx

import (
	"errors"
	"testing"
)

// FuzzReader reads arbitrary bytes as a workbook: every sheet is read to
// its end, and the reader either gives rows or an ErrNotWorkbook, never
// panics. Seeds: a good book of the writer's, a hand-written one with
// shared strings, a truncated one, not a zip.
func FuzzReader(f *testing.F) {
	good := sampleBook(f)
	f.Add(good)
	f.Add(good[:len(good)*2/3])
	f.Add(handBook(f, `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="0"><v>3</v></c></row>`, `<si><r><t>a</t></r></si>`))
	f.Add([]byte("姓名,身份证号\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Open(data)
		if err != nil {
			if !errors.Is(err, ErrNotWorkbook) {
				t.Fatalf("Open: an untyped error %v", err)
			}
			return
		}
		for i := range b.Sheets() {
			if _, err := tryAll(b, i); err != nil && !errors.Is(err, ErrNotWorkbook) {
				t.Fatalf("sheet %d: an untyped error %v", i, err)
			}
		}
	})
}
