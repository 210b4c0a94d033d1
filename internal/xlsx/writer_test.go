package xlsx

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sampleBook writes two sheets using everything the exports use.
func sampleBook(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf)
	text := w.AddStyle(Style{Format: Text})
	money := w.AddStyle(Style{Format: Money})
	head := w.AddStyle(Style{Bold: true, Centre: true})
	if again := w.AddStyle(Style{Format: Money}); again != money {
		t.Fatalf("the same style twice: %d and %d", money, again)
	}
	s, err := w.AddSheet("党员名册")
	must(t, err)
	must(t, s.SetColumns(1, 1, Column{Width: 22, Style: text}))
	must(t, s.SetColumns(2, 4, Column{Width: 13}))
	must(t, s.StyleRange("C2:D3", money))
	must(t, s.Merge("A4:B4"))
	must(t, s.AddDropList("D2:D5000", []string{"正式党员", "预备党员", `说"是"`}))
	must(t, s.WriteRows([][]any{
		{Cell{Value: "姓名", Style: head}, "数量", "金额", "标记"},
		{"530326197504030015", 42, 52000.5, true},
		{"  空格 ", int64(9007199254740993), 0.1, false, 4170000.0},
		{"合并", nil, "", nil},
		{},
		{"a\x00b\x1fc\uFFFEd\xffe", "<&>\"'", "第一行\n第二行\r"},
	}))
	s2, err := w.AddSheet("Sheet2")
	must(t, err)
	must(t, s2.WriteRow("only"))
	must(t, w.Close())
	return buf.Bytes()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestWriterReadByExcelize opens what the writer wrote in an independent
// library: sheet names, every value, widths, formats, merges and the
// drop-down list come back.
func TestWriterReadByExcelize(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(sampleBook(t)))
	must(t, err)
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "党员名册,Sheet2" {
		t.Fatalf("sheets %s", got)
	}
	rows, err := f.GetRows("党员名册", excelize.Options{RawCellValue: true})
	must(t, err)
	want := [][]string{
		{"姓名", "数量", "金额", "标记"},
		{"530326197504030015", "42", "52000.5", "1"}, // raw: a boolean as stored
		{"  空格 ", "9007199254740993", "0.1", "0", "4170000"},
		{"合并"},
		nil,
		{"abcd\uFFFDe", "<&>\"'", "第一行\n第二行\r"},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %q", rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %q, want %q", i+1, rows[i], want[i])
		}
	}
	for col, width := range map[string]float64{"A": 22, "B": 13, "D": 13} {
		if w, err := f.GetColWidth("党员名册", col); err != nil || w != width {
			t.Errorf("column %s width %g %v, want %g", col, w, err, width)
		}
	}
	format := func(cell string) int {
		id, err := f.GetCellStyle("党员名册", cell)
		must(t, err)
		st, err := f.GetStyle(id)
		must(t, err)
		return st.NumFmt
	}
	for cell, want := range map[string]int{"A2": 49, "C2": 4, "D3": 4, "B2": 0, "A1": 0} {
		if got := format(cell); got != want {
			t.Errorf("%s number format %d, want %d", cell, got, want)
		}
	}
	id, _ := f.GetCellStyle("党员名册", "A1")
	st, _ := f.GetStyle(id)
	if st.Font == nil || !st.Font.Bold || st.Alignment == nil || st.Alignment.Horizontal != "center" || !st.Alignment.WrapText {
		t.Errorf("heading style %+v", st)
	}
	merges, err := f.GetMergeCells("党员名册")
	must(t, err)
	if len(merges) != 1 || merges[0].GetStartAxis() != "A4" || merges[0].GetEndAxis() != "B4" || merges[0].GetCellValue() != "合并" {
		t.Errorf("merges %v", merges)
	}
	dvs, err := f.GetDataValidations("党员名册")
	must(t, err)
	if len(dvs) != 1 || dvs[0].Sqref != "D2:D5000" || dvs[0].Type != "list" || dvs[0].Formula1 != `"正式党员,预备党员,说"是""` { // excelize undoes the doubled quotes
		t.Errorf("data validations %d, first %+v", len(dvs), *dvs[0])
	}
	if v, _ := f.GetCellValue("Sheet2", "A1"); v != "only" {
		t.Errorf("second sheet %q", v)
	}
}

// TestWriterReadBack reads the writer's output with the package's reader.
func TestWriterReadBack(t *testing.T) {
	b, err := Open(sampleBook(t))
	must(t, err)
	if got := strings.Join(b.Sheets(), ","); got != "党员名册,Sheet2" {
		t.Fatalf("sheets %s", got)
	}
	got := readAll(t, b, 0)
	want := []string{
		"1: 姓名|数量|金额|标记",
		"2: 530326197504030015|42|52000.5|TRUE",
		"3:   空格 |9007199254740993|0.1|FALSE|4170000",
		"4: 合并",
		"6: abcd\uFFFDe|<&>\"'|第一行\n第二行\r",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLongText: a text longer than a cell holds is cut at 32,767 UTF-16
// units, a character never split.
func TestLongText(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	s, err := w.AddSheet("a")
	must(t, err)
	must(t, s.WriteRow(strings.Repeat("字", 40000), "x"+strings.Repeat("😀", 20000)))
	must(t, w.Close())
	b, err := Open(buf.Bytes())
	must(t, err)
	rows, err := b.Rows(0)
	must(t, err)
	defer rows.Close()
	if !rows.Next() {
		t.Fatal(rows.Err())
	}
	c := rows.Row().Cells
	if n := len([]rune(c[0])); n != maxCellChars {
		t.Errorf("first cell %d characters", n)
	}
	if n := len([]rune(c[1])); n != 1+(maxCellChars-1)/2 {
		t.Errorf("second cell %d characters", n)
	}
}

func TestSheetNames(t *testing.T) {
	w := NewWriter(&bytes.Buffer{})
	_, err := w.AddSheet("概况")
	must(t, err)
	for _, name := range []string{"", strings.Repeat("名", 32), "a/b", "a[1]", "a:b", "a*", "a?", `a\b`, "'a", "a'", "概况", "a\x01"} {
		if _, err := w.AddSheet(name); !errors.Is(err, ErrSheetName) {
			t.Errorf("sheet name %q: %v", name, err)
		}
	}
	if _, err := w.AddSheet(strings.Repeat("名", 31)); err != nil {
		t.Errorf("31 characters: %v", err)
	}
}

// TestWriterRefuses: what a spreadsheet could not show is an error, not
// a broken file.
func TestWriterRefuses(t *testing.T) {
	w := NewWriter(&bytes.Buffer{})
	if err := w.Close(); err == nil {
		t.Error("a workbook without sheets closed")
	}
	w = NewWriter(&bytes.Buffer{})
	s, err := w.AddSheet("a")
	must(t, err)
	for name, err := range map[string]error{
		"a struct value":       s.WriteRow(struct{}{}),
		"NaN":                  s.WriteRow(math.NaN()),
		"a style not added":    s.WriteRow(Cell{Value: 1, Style: 7}),
		"width 300":            s.SetColumns(1, 1, Column{Width: 300}),
		"columns 3 to 2":       s.SetColumns(3, 2, Column{}),
		"a bad range":          s.Merge("A0:B1"),
		"corners out of order": s.Merge("B2:A1"),
		"a comma in a list":    s.AddDropList("A1:A2", []string{"a,b"}),
		"a list too long":      s.AddDropList("A1:A2", []string{strings.Repeat("x", 256)}),
	} {
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	must(t, s.Merge("A1:B2"))
	if err := s.Merge("B2:C3"); err == nil {
		t.Error("overlapping merges accepted")
	}
	must(t, s.WriteRow("x"))
	if err := s.SetColumns(1, 1, Column{Width: 5}); err == nil {
		t.Error("columns set after a row")
	}
	if _, err := w.AddSheet("b"); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteRow("late"); err == nil {
		t.Error("a row written to an ended sheet")
	}
}

func TestCellNames(t *testing.T) {
	for n, name := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA", MaxColumns: "XFD"} {
		if got := columnName(n); got != name {
			t.Errorf("column %d: %s, want %s", n, got, name)
		}
		col, row, err := parseCell("$" + name + "$7")
		if err != nil || col != n || row != 7 {
			t.Errorf("parseCell(%s7) = %d, %d, %v", name, col, row, err)
		}
	}
	for _, bad := range []string{"", "A", "7", "A0", "XFE1", "A1048577", "A+1", "A-1", "1A", "AAAAAAAAAAAAAAAAAAAAAA1"} {
		if _, _, err := parseCell(bad); err == nil {
			t.Errorf("parseCell(%q) accepted", bad)
		}
	}
	if CellName(12, 3) != "L3" {
		t.Error(CellName(12, 3))
	}
}

// TestSerialDay holds the conversion to Excel's calendar, 1900's fictitious
// leap day included, and to excelize's for every serial a roster may hold.
func TestSerialDay(t *testing.T) {
	for serial, want := range map[float64]string{1: "1900-01-01", 59: "1900-02-28", 60: "1900-02-28", 61: "1900-03-01",
		38626: "2005-10-01", 38626.75: "2005-10-01", 2958465: "9999-12-31"} {
		d, ok := SerialDay(serial, false)
		if !ok || d.Format("2006-01-02") != want {
			t.Errorf("serial %g: %v %v, want %s", serial, d, ok, want)
		}
	}
	if d, ok := SerialDay(37164, true); !ok || d.Format("2006-01-02") != "2005-10-01" {
		t.Errorf("1904 serial: %v %v", d, ok)
	}
	for _, bad := range []float64{0, -1, 2958466, math.NaN(), math.Inf(1)} {
		if _, ok := SerialDay(bad, false); ok {
			t.Errorf("serial %g accepted", bad)
		}
	}
	for n := 1.0; n < 100000; n += 7 {
		d, _ := SerialDay(n, false)
		x, err := excelize.ExcelDateToTime(n, false)
		if err != nil || !x.Equal(d) {
			t.Fatalf("serial %g: %v, excelize %v", n, d, x)
		}
	}
}
