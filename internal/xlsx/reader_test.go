package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// readAll reads a sheet as lines "row: cell|cell…", failing on an error.
func readAll(t testing.TB, b *Book, sheet int) []string {
	t.Helper()
	got, err := tryAll(b, sheet)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func tryAll(b *Book, sheet int) ([]string, error) {
	rows, err := b.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		r := rows.Row()
		out = append(out, strconv.Itoa(r.Number)+": "+strings.Join(r.Cells, "|"))
	}
	return out, rows.Err()
}

func excelizeBytes(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	return buf.Bytes()
}

// TestReaderReadsExcelize reads a workbook another library wrote: shared
// strings, rich text, sparse rows and cells, booleans, numbers as
// written, and dates in built-in and custom formats given as days.
func TestReaderReadsExcelize(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetSheetName("Sheet1", "名册"))
	_, err := f.NewSheet("第二页")
	must(t, err)
	set := func(cell string, v any) { must(t, f.SetCellValue("名册", cell, v)) }
	style := func(s *excelize.Style) int { id, err := f.NewStyle(s); must(t, err); return id }
	builtin := style(&excelize.Style{NumFmt: 14})
	custom := func(code string) int { return style(&excelize.Style{CustomNumFmt: &code}) }
	set("A1", "姓名")
	set("C1", "电话") // B1 blank
	must(t, f.SetCellRichText("名册", "D1", []excelize.RichTextRun{{Text: "入党"}, {Text: "日期", Font: &excelize.Font{Bold: true}}}))
	set("A3", " 张三 ") // row 2 absent
	set("B3", 13800138000)
	set("C3", true)
	set("D3", 38626)
	must(t, f.SetCellStyle("名册", "D3", "D3", builtin))
	set("E3", 38626.5)
	must(t, f.SetCellStyle("名册", "E3", "E3", custom("yyyy\"年\"m\"月\"d\"日\"")))
	set("F3", 38626)
	must(t, f.SetCellStyle("名册", "F3", "F3", custom(`[Red]0.00"d"`)))
	set("G3", 2.5)
	set("AA3", "远")
	set("A4", false)
	set("A5", 1234567890123)
	must(t, f.SetCellStyle("名册", "A5", "A5", custom("@")))
	must(t, f.SetCellValue("第二页", "B2", "二"))
	b, err := Open(excelizeBytes(t, f))
	must(t, err)
	if strings.Join(b.Sheets(), ",") != "名册,第二页" {
		t.Fatalf("sheets %v", b.Sheets())
	}
	want := []string{
		"1: 姓名||电话|入党日期",
		"3:  张三 |13800138000|TRUE|2005-10-01|2005-10-01|38626|2.5" + strings.Repeat("|", 20) + "远",
		"4: FALSE",
		"5: 1234567890123",
	}
	if got := readAll(t, b, 0); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := readAll(t, b, 1); len(got) != 1 || got[0] != "2: |二" {
		t.Errorf("second sheet %q", got)
	}
}

func TestReaderDate1904(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	yes := true
	must(t, f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}))
	must(t, f.SetCellValue("Sheet1", "A1", 37164))
	id, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(t, err)
	must(t, f.SetCellStyle("Sheet1", "A1", "A1", id))
	b, err := Open(excelizeBytes(t, f))
	must(t, err)
	if got := readAll(t, b, 0); len(got) != 1 || got[0] != "1: 2005-10-01" {
		t.Errorf("1904 workbook: %q", got)
	}
}

// book zips parts; a nil sheet leaves the standard sheet out.
func book(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := z.Create(name)
		must(t, err)
		_, err = w.Write([]byte(body))
		must(t, err)
	}
	must(t, z.Close())
	return buf.Bytes()
}

const (
	testWorkbook = `<workbook xmlns="` + mainNS + `" xmlns:r="` + relNS + `"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`
	testRels     = `<Relationships xmlns="` + pkgRelNS + `"><Relationship Id="rId1" Type="` + relNS + `/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="` + relNS + `/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`
)

// handBook is a workbook with the given sheet XML (sheetData content)
// and shared strings.
func handBook(t testing.TB, sheetData, shared string) []byte {
	return book(t, map[string]string{
		"xl/workbook.xml":            testWorkbook,
		"xl/_rels/workbook.xml.rels": testRels,
		"xl/worksheets/sheet1.xml":   `<worksheet xmlns="` + mainNS + `"><dimension ref="A1:C9"/><sheetData>` + sheetData + `</sheetData></worksheet>`,
		"xl/sharedStrings.xml":       `<sst xmlns="` + mainNS + `">` + shared + `</sst>`,
	})
}

// TestReaderCellTypes reads every cell type, written by hand as other
// programs write them.
func TestReaderCellTypes(t *testing.T) {
	data := handBook(t, `<row r="2">`+
		`<c r="A2" t="s"><v>1</v></c>`+
		`<c r="B2" t="inlineStr"><is><r><t>行</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 内 </t></r><rPh><t>ハン</t></rPh></is></c>`+
		`<c r="C2" t="str"><f>A1&amp;"x"</f><v>公式</v></c>`+
		`<c r="D2" t="e"><v>#N/A</v></c>`+
		`<c r="E2" t="d"><v>2005-10-01T00:00:00</v></c>`+
		`<c r="F2" t="b"><v>1</v></c>`+
		`<c r="G2"><v>1.5E+3</v></c>`+
		`<c r="H2" s="0"/>`+
		`</row><row><c><v>7</v></c><c t="s"><v>0</v></c></row>`,
		`<si><t>甲</t></si><si><r><t>富</t></r><r><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si>`)
	b, err := Open(data)
	must(t, err)
	rows, err := b.Rows(0)
	must(t, err)
	if rows.LastRow() != 9 {
		t.Errorf("the dimension's last row: %d", rows.LastRow())
	}
	rows.Close()
	want := "2: 富文本|行 内 |公式|#N/A|2005-10-01T00:00:00|TRUE|1.5E+3\n3: 7|甲"
	if got := strings.Join(readAll(t, b, 0), "\n"); got != want {
		t.Errorf("rows\n%s\nwant\n%s", got, want)
	}
}

// TestReaderHostile: anything malformed is an ErrNotWorkbook, never a
// panic, and sizes are bounded while reading.
func TestReaderHostile(t *testing.T) {
	good := handBook(t, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, `<si><t>x</t></si>`)
	open := func(data []byte) error {
		b, err := Open(data)
		if err != nil {
			return err
		}
		_, err = tryAll(b, 0)
		return err
	}
	must(t, open(good))
	noSheet := book(t, map[string]string{"xl/workbook.xml": testWorkbook, "xl/_rels/workbook.xml.rels": testRels})
	cases := map[string][]byte{
		"not a zip":                 []byte("姓名,身份证号\n"),
		"empty":                     nil,
		"a zip without workbook":    book(t, map[string]string{"hello.txt": "hi"}),
		"a sheet named, missing":    noSheet,
		"truncated sheet":           handBook(t, `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r`, ""),
		"truncated archive":         good[:len(good)/2],
		"column beyond XFD":         handBook(t, `<row r="1"><c r="XFE1"><v>1</v></c></row>`, ""),
		"row beyond the grid":       handBook(t, `<row r="1048577"><c><v>1</v></c></row>`, ""),
		"a cell of another row":     handBook(t, `<row r="1"><c r="A2"><v>1</v></c></row>`, ""),
		"rows out of order":         handBook(t, `<row r="5"><c><v>1</v></c></row><row r="3"><c><v>1</v></c></row>`, ""),
		"a row number not a number": handBook(t, `<row r="x"><c><v>1</v></c></row>`, ""),
		"shared string missing":     handBook(t, `<row r="1"><c t="s"><v>3</v></c></row>`, `<si><t>x</t></si>`),
		"shared index not a number": handBook(t, `<row r="1"><c t="s"><v>-0x1</v></c></row>`, ""),
		"a boolean not a boolean":   handBook(t, `<row r="1"><c t="b"><v>yes</v></c></row>`, ""),
		"a workbook not XML":        book(t, map[string]string{"xl/workbook.xml": "<workbook><sheets>"}),
		"nesting 200 deep":          handBook(t, strings.Repeat("<a>", 200)+strings.Repeat("</a>", 200), ""),
		"shared strings 200 deep":   handBook(t, "", "<si>"+strings.Repeat("<r>", 200)+strings.Repeat("</r>", 200)+"</si>"),
		"a foreign encoding":        book(t, map[string]string{"xl/workbook.xml": `<?xml version="1.0" encoding="GBK"?><workbook/>`}),
	}
	for name, data := range cases {
		if err := open(data); !errors.Is(err, ErrNotWorkbook) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The last cell of the grid is a cell.
	b, err := Open(handBook(t, `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`, ""))
	must(t, err)
	if got := readAll(t, b, 0); len(got) != 1 || !strings.HasPrefix(got[0], "1048576: |") || !strings.HasSuffix(got[0], "|1") ||
		strings.Count(got[0], "|") != MaxColumns-1 {
		t.Errorf("the last cell: %.40q…", got)
	}
}

// TestReaderLimits: a part larger than allowed once decompressed is
// refused while it is read, as are too many shared strings.
func TestReaderLimits(t *testing.T) {
	defer func(sheet, part int64, count, cells int) {
		maxSheetBytes, maxPartBytes, maxSharedCount, maxSheetCells = sheet, part, count, cells
	}(maxSheetBytes, maxPartBytes, maxSharedCount, maxSheetCells)
	maxSheetBytes, maxPartBytes, maxSharedCount, maxSheetCells = 64<<10, 16<<10, 100, 50000
	bigSheet := handBook(t, strings.Repeat(`<row><c><v>1</v></c></row>`, 5000), "")
	b, err := Open(bigSheet)
	must(t, err)
	if _, err := tryAll(b, 0); !errors.Is(err, ErrNotWorkbook) || !strings.Contains(err.Error(), "larger") {
		t.Errorf("a sheet over the limit: %v", err)
	}
	if _, err := Open(handBook(t, "", strings.Repeat(`<si><t>长长长长长长长长长长长长长长长长</t></si>`, 400))); !errors.Is(err, ErrNotWorkbook) {
		t.Errorf("shared strings over the size limit: %v", err)
	}
	if _, err := Open(handBook(t, "", strings.Repeat(`<si/>`, 101))); !errors.Is(err, ErrNotWorkbook) {
		t.Errorf("too many shared strings: %v", err)
	}
	// Rows of one far cell each: the blanks before it count.
	b, err = Open(handBook(t, `<row><c r="ZZ1"><v>1</v></c></row><row><c><v>1</v></c><c r="XFD2"><v>1</v></c></row>`, ""))
	must(t, err)
	if _, err := tryAll(b, 0); err != nil {
		t.Errorf("two wide rows within the limit: %v", err)
	}
	far := ""
	for row := 1; row <= 10; row++ {
		far += `<row r="` + strconv.Itoa(row) + `"><c r="XFD` + strconv.Itoa(row) + `"><v>1</v></c></row>`
	}
	b, err = Open(handBook(t, far, ""))
	must(t, err)
	if _, err := tryAll(b, 0); !errors.Is(err, ErrNotWorkbook) || !strings.Contains(err.Error(), "cells") {
		t.Errorf("ten rows of 16,384 cells each: %v", err)
	}
}

// TestIsDateFormat classifies format codes as the reader does.
func TestIsDateFormat(t *testing.T) {
	for code, want := range map[string]bool{"yyyy/m/d": true, "d-mmm-yy": true, "[$-804]yyyy\"年\"m\"月\"d\"日\"": true,
		"h:mm": true, "0.00": false, "#,##0.00": false, "General": false, "@": false, `"day "0`: false,
		`[Red]0.00`: false, `0\d`: false, `_d0`: false, `*d0`: false} {
		if got := isDateFormatCode(code); got != want {
			t.Errorf("%q: %v, want %v", code, got, want)
		}
	}
	for id, want := range map[int]bool{0: false, 4: false, 14: true, 22: true, 27: true, 36: true, 45: true, 49: false, 58: true, 59: false} {
		if isDateFormatID(id) != want {
			t.Errorf("built-in %d: want %v", id, want)
		}
	}
}
