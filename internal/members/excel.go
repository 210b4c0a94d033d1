package members

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
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
	book := xlsx.NewWriter(w)
	sheet, err := newRosterSheet(book)
	if err != nil {
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
		if err := sheet.AddDropList(l.col+"2:"+l.col+"5000", l.values); err != nil {
			return err
		}
	}
	return book.Close()
}

func categoryList() []string {
	out := make([]string, len(Categories))
	for i, c := range Categories {
		out[i] = categoryLabels[c]
	}
	return out
}

// newRosterSheet starts the roster sheet of a workbook: column widths,
// text-formatted columns and the header row.
func newRosterSheet(book *xlsx.Writer) (*xlsx.Sheet, error) {
	sheet, err := book.AddSheet(rosterSheet)
	if err != nil {
		return nil, err
	}
	text := book.AddStyle(xlsx.Style{Format: xlsx.Text})
	head := book.AddStyle(xlsx.Style{Format: xlsx.Text, Bold: true})
	header := make([]any, len(rosterColumns))
	for i, c := range rosterColumns {
		col := xlsx.Column{Width: c.Width}
		if c.Text {
			col.Style = text
		}
		if err := sheet.SetColumns(i+1, i+1, col); err != nil {
			return nil, err
		}
		header[i] = xlsx.Cell{Value: c.Header, Style: head}
	}
	return sheet, sheet.WriteRow(header...)
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
func eachRosterRow(data []byte, total func(n int), fn func(rosterRow) error) ([]RowError, error) {
	notWorkbook := func(line int) []RowError { return []RowError{{Row: line, Column: "file", Key: "excel.not_xlsx"}} }
	book, err := xlsx.Open(data)
	if err != nil || len(book.Sheets()) == 0 {
		return notWorkbook(1), nil
	}
	// The file is in memory: an error reading its sheet is the file's
	// damage (a sheet the workbook names but does not hold, XML cut short),
	// which the clerk is told, not an internal error.
	rows, err := book.Rows(0)
	if err != nil {
		return notWorkbook(1), nil
	}
	defer rows.Close()
	if last := rows.LastRow(); last > 0 && total != nil {
		total(last - 1)
	}
	var index map[int]string // column position → field
	line, n := 1, 0
	for rows.Next() {
		r := rows.Row()
		line = r.Number
		if index == nil {
			var missing []string
			if r.Number == 1 { // the header is the first row, whatever comes later
				index, missing = headerIndex(r.Cells)
			} else {
				_, missing = headerIndex(nil)
			}
			if len(missing) > 0 {
				return []RowError{{Row: 1, Column: "file", Key: "excel.header_missing",
					Params: apperr.Params{"columns": strings.Join(missing, "、")}}}, nil
			}
			continue
		}
		row := rosterRow{Line: line, Values: make(map[string]string, len(index))}
		blank := true
		for i, c := range r.Cells {
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
	if err := rows.Err(); err != nil {
		return notWorkbook(line), nil
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
		if t, ok := xlsx.SerialDay(n, false); ok {
			return t, true
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
	// The workbook is written to memory first (compressed, a few
	// megabytes for a county): the reveals are logged before any of it
	// leaves.
	var file bytes.Buffer
	book := xlsx.NewWriter(&file)
	sheet, err := newRosterSheet(book)
	if err != nil {
		return err
	}
	var revealed []Member
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
		if err := sheet.WriteRow(exportRow(m, number)...); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	if err := book.Close(); err != nil {
		return err
	}
	if len(revealed) > 0 && a != nil {
		if err := s.logReveals(ctx, a, revealed); err != nil {
			return err
		}
	}
	_, err = file.WriteTo(w)
	return err
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
