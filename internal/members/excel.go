package members

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// The roster workbook: one sheet, a header row in Chinese (the form town
// offices exchange), one person per row. Template, import and export use
// the same columns, so an exported file imports again.

// rosterColumn is one column: its Chinese header and the input field its
// problems are reported on.
type rosterColumn struct {
	Header string
	Field  string
	Width  float64
	Text   bool // stored as text ("@") so long numbers keep every digit
}

var rosterColumns = []rosterColumn{
	{"姓名", "name", 10, false},
	{"身份证号", "id_number", 22, true},
	{"所在支部", "org_id", 18, false},
	{"党员状态", "status", 10, false},
	{"入党日期", "joined_on", 12, true},
	{"转正日期", "full_on", 12, true},
	{"申请入党日期", "applied_on", 12, true},
	{"人员类别", "category", 22, false},
	{"流动党员", "mobile", 8, false},
	{"联系电话", "phone", 14, true},
	{"学历", "education", 8, false},
}

const rosterSheet = "党员名册"

// statusLabels are the Chinese words a roster uses for a status.
var statusLabels = map[Status]string{StatusApplicant: "入党申请人", StatusActivist: "入党积极分子",
	StatusCandidate: "发展对象", StatusProbationary: "预备党员", StatusFull: "正式党员", StatusLeft: "已离开"}

// categoryLabels are the seed's focus groups as written in the seed.
var categoryLabels = map[Category]string{"village_cadre": "村组干部", "veteran": "退伍军人", "skilled_farmer": "种养能手",
	"returnee": "返乡人员", "graduate": "高校毕业生", "enterprise_staff": "企业管理人员和技术骨干"}

// ColumnKey is the message key naming a column (for the error table).
func ColumnKey(field string) string { return "excel.col." + field }

// Template writes an empty roster with its header, text-formatted id and
// date columns, and drop-down lists for status, category and 流动党员.
func Template(w io.Writer) error {
	f, sw, err := newRosterBook()
	if err != nil {
		return err
	}
	defer f.Close()
	if err := sw.Flush(); err != nil {
		return err
	}
	lists := []struct {
		col    string
		values []string
	}{
		{"D", []string{statusLabels[StatusFull], statusLabels[StatusProbationary]}},
		{"H", categoryList()},
		{"I", []string{"是", "否"}},
	}
	for _, l := range lists {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = l.col + "2:" + l.col + "5000"
		if err := dv.SetDropList(l.values); err != nil {
			return err
		}
		if err := f.AddDataValidation(rosterSheet, dv); err != nil {
			return err
		}
	}
	return f.Write(w)
}

func categoryList() []string {
	out := make([]string, len(Categories))
	for i, c := range Categories {
		out[i] = categoryLabels[c]
	}
	return out
}

// newRosterBook starts a workbook with the roster sheet, column widths,
// text styles and the header row written through a stream writer.
func newRosterBook() (*excelize.File, *excelize.StreamWriter, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", rosterSheet); err != nil {
		return nil, nil, err
	}
	sw, err := f.NewStreamWriter(rosterSheet)
	if err != nil {
		return nil, nil, err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // 49 is the built-in "@" (text)
	if err != nil {
		return nil, nil, err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: 49})
	if err != nil {
		return nil, nil, err
	}
	header := make([]any, len(rosterColumns))
	for i, c := range rosterColumns {
		if err := sw.SetColWidth(i+1, i+1, c.Width); err != nil {
			return nil, nil, err
		}
		if c.Text {
			if err := sw.SetColStyle(i+1, i+1, text); err != nil {
				return nil, nil, err
			}
		}
		header[i] = excelize.Cell{StyleID: head, Value: c.Header}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return nil, nil, err
	}
	return f, sw, nil
}

// rosterRow is one data row as read, by column field.
type rosterRow struct {
	Line   int // the row number in the sheet (the header is 1)
	Values map[string]string
}

// RowError is one problem of an imported file: row, column and reason.
type RowError struct {
	Row    int           `json:"row"`
	Column string        `json:"column"` // the column's field; ColumnKey names it
	Key    string        `json:"key"`    // the reason's message key
	Params apperr.Params `json:"params,omitempty"`
}

// Message translates the reason.
func (e RowError) Message(lang i18n.Lang) string { return i18n.T(lang, e.Key, e.Params) }

// ColumnName translates the column.
func (e RowError) ColumnName(lang i18n.Lang) string { return i18n.T(lang, ColumnKey(e.Column), nil) }

// eachRosterRow reads the first sheet row by row, skipping blank ones,
// and hands each to fn, so a county's file is never held as rows in
// memory. A file that is not a workbook, a header that does not name the
// roster's columns or a sheet without rows is reported as a row-1 error;
// an error from fn stops the reading and is returned. total is the
// sheet's row count as its dimension states it (0 when it states none),
// for progress before the end is reached.
func eachRosterRow(r io.Reader, total func(n int), fn func(rosterRow) error) ([]RowError, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return []RowError{{Row: 1, Column: "file", Key: "excel.not_xlsx"}}, nil
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return []RowError{{Row: 1, Column: "file", Key: "excel.not_xlsx"}}, nil
	}
	if dim, err := f.GetSheetDimension(sheets[0]); err == nil && total != nil {
		if _, last, ok := strings.Cut(dim, ":"); ok {
			if _, row, err := excelize.CellNameToCoordinates(last); err == nil {
				total(row - 1)
			}
		}
	}
	// The file is in memory: an error reading its sheet is the file's
	// damage (a sheet the workbook names but does not hold, XML cut short),
	// which the clerk is told, not an internal error.
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return []RowError{{Row: 1, Column: "file", Key: "excel.not_xlsx"}}, nil
	}
	defer rows.Close()
	var index map[int]string // column position → field
	line, n := 0, 0
	for rows.Next() {
		line++
		cells, err := rows.Columns()
		if err != nil {
			return []RowError{{Row: line, Column: "file", Key: "excel.not_xlsx"}}, nil
		}
		if index == nil {
			var missing []string
			index, missing = headerIndex(cells)
			if len(missing) > 0 {
				return []RowError{{Row: line, Column: "file", Key: "excel.header_missing",
					Params: apperr.Params{"columns": strings.Join(missing, "、")}}}, nil
			}
			continue
		}
		row := rosterRow{Line: line, Values: make(map[string]string, len(index))}
		blank := true
		for i, c := range cells {
			if field, ok := index[i]; ok {
				c = strings.TrimSpace(c)
				row.Values[field] = c
				blank = blank && c == ""
			}
		}
		if blank {
			continue
		}
		n++
		if err := fn(row); err != nil {
			return nil, err
		}
	}
	if err := rows.Error(); err != nil {
		return []RowError{{Row: line, Column: "file", Key: "excel.not_xlsx"}}, nil
	}
	if index == nil || n == 0 {
		return []RowError{{Row: 1, Column: "file", Key: "excel.empty"}}, nil
	}
	return nil, nil
}

// headerIndex maps header cells to fields by their Chinese names, so the
// columns may come in any order; it lists required headers not found.
func headerIndex(cells []string) (map[int]string, []string) {
	byHeader := map[string]string{}
	for _, c := range rosterColumns {
		byHeader[c.Header] = c.Field
	}
	index := map[int]string{}
	found := map[string]bool{}
	for i, h := range cells {
		if field, ok := byHeader[strings.TrimSpace(h)]; ok {
			index[i] = field
			found[field] = true
		}
	}
	var missing []string
	for _, c := range rosterColumns[:5] { // 姓名 … 入党日期 are required
		if !found[c.Field] {
			missing = append(missing, c.Header)
		}
	}
	return index, missing
}

// dateLayouts are the ways dates are typed into rosters.
var dateLayouts = []string{"2006-01-02", "2006-1-2", "2006/01/02", "2006/1/2", "2006.1.2", "2006.01.02", "2006年1月2日", "20060102"}

// parseDate reads a roster date: one of dateLayouts, or an Excel serial
// number (a cell someone formatted as a date).
func parseDate(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, time.UTC); err == nil {
			return t, true
		}
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 1 && n < 100000 {
		if t, err := excelize.ExcelDateToTime(n, false); err == nil {
			return db.Day(t), true
		}
	}
	return time.Time{}, false
}

// Export writes the filtered roster (every page of it) as a workbook with
// the roster's columns. Id numbers are masked unless full is asked for
// and the actor may reveal them over the whole area; each revealed number
// is logged in read_log.
func (s *Service) Export(ctx context.Context, a *auth.Actor, f Filter, full bool, w io.Writer) error {
	ar, err := s.areaFor(ctx, a, f.OrgID)
	if err != nil {
		return err
	}
	if full && a != nil && !revealAll(a, ar) {
		return apperr.Forbidden()
	}
	var args db.Args
	rows, err := s.DB.QueryContext(ctx, `SELECT `+memberColumns+`, m.id_cipher`+memberFrom+` WHERE `+f.where(ar, &args)+
		` ORDER BY o.path, m.id`, args.Values()...)
	if err != nil {
		return fmt.Errorf("members: export: %w", err)
	}
	defer rows.Close()
	book, sw, err := newRosterBook()
	if err != nil {
		return err
	}
	defer book.Close()
	var revealed []Member
	line := 1
	mr := newMemberRow()
	var cipher []byte
	dest := mr.with(&cipher)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		m := mr.m
		number := m.IDMasked
		if full {
			if number, err = s.People.Sealer.Open(cipher); err != nil {
				return err
			}
			revealed = append(revealed, m)
		}
		line++
		cell, _ := excelize.CoordinatesToCellName(1, line)
		if err := sw.SetRow(cell, exportRow(m, number)); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	if err := sw.Flush(); err != nil {
		return err
	}
	if len(revealed) > 0 && a != nil {
		if err := s.logReveals(ctx, a, revealed); err != nil {
			return err
		}
	}
	return book.Write(w)
}

// revealAll reports whether the actor may see full numbers everywhere in
// the area.
func revealAll(a *auth.Actor, ar area) bool {
	for _, p := range ar.paths {
		if a.Decide(auth.PermPeopleRead, auth.PermPeopleReveal, p) != nil {
			return false
		}
	}
	return len(ar.paths) > 0
}

func exportRow(m Member, number string) []any {
	mobile := "否"
	if m.Mobile {
		mobile = "是"
	}
	return []any{m.Name, number, m.OrgName, statusLabels[m.Status], m.JoinedOn.String(), m.FullOn.String(), m.AppliedOn.String(),
		categoryLabels[m.Category], mobile, m.Phone, m.Education}
}

// sortRowErrors orders a report by row, then by column position.
func sortRowErrors(errs []RowError) {
	pos := map[string]int{}
	for i, c := range rosterColumns {
		pos[c.Field] = i
	}
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Row != errs[j].Row {
			return errs[i].Row < errs[j].Row
		}
		return pos[errs[i].Column] < pos[errs[j].Column]
	})
}
