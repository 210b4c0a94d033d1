package members_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/members"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

var rosterHeader = []any{"姓名", "身份证号", "所在支部", "党员状态", "入党日期", "转正日期", "申请入党日期", "人员类别", "流动党员", "联系电话", "学历"}

// workbook builds an .xlsx with the roster header and the given rows.
func workbook(t testing.TB, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	all := append([][]any{rosterHeader}, rows...)
	for i, r := range all {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func (f *fixture) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := f.env.DB.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (f *fixture) testImport(t *testing.T) {
	haidan := f.actor(t, "haidan")
	village := f.env.Town.Villages["海丹"].ID
	good := func(name string) []any {
		return []any{name, f.idNumber(day("1975-04-03")), "海丹五组", "正式党员", "1999-07-01", "2000-07-01", "", "种养能手", "否", "13800000000", "初中"}
	}
	dup := f.idNumber(day("1970-01-01"))
	badCheck := f.idNumber(day("1971-01-01"))
	badCheck = badCheck[:17] + map[bool]string{true: "1", false: "0"}[badCheck[17] == '0']
	rows := [][]any{
		good("甲"),
		{"乙", badCheck, "海丹五组", "正式党员", "1999-07-01", "2000-07-01"},
		{"丙", dup, "海丹十组", "预备党员", "2026-03-01"},
		{"丁", dup, "海丹五组", "预备党员", "2026-03-01"},
		{"戊", f.idNumber(day("1980-01-01")), "海丹五组", "预备党员", "1979-12-31"},
		{"己", f.idNumber(day("1980-01-01")), "海丹五组", "正式党员", "2000-07-01", "2000-06-30"},
		{"庚", f.idNumber(day("1980-01-01")), "海戛一组", "党员", "2000-07-01"},
	}
	before := f.count(t, `SELECT COUNT(*) FROM members`)
	job, err := f.svc.StartImport(f.ctx, haidan, village, "海丹.xlsx", workbook(t, rows))
	want.OK(t, err)
	job, err = f.svc.Import(f.ctx, haidan, job.ID)
	want.OK(t, err)
	if job.State != members.ImportFailed {
		t.Fatalf("a file with bad rows: state %s", job.State)
	}
	got := map[string]bool{}
	for _, e := range job.Errors {
		got[strconv.Itoa(e.Row)+" "+e.ColumnName(i18n.ZH)+" "+e.Message(i18n.ZH)] = true
	}
	for _, want := range []string{
		"3 身份证号 身份证号校验位不符",
		"4 所在支部 找不到支部「海丹十组」",
		"5 身份证号 与第 4 行身份证号重复",
		"6 入党日期 日期早于出生日期 1980-01-01",
		"7 转正日期 转正日期早于入党日期 2000-07-01",
		"8 所在支部 找不到支部「海戛一组」",
		"8 党员状态 党员状态「党员」无效",
	} {
		found := false
		for g := range got {
			found = found || strings.HasPrefix(g, want)
		}
		if !found {
			t.Errorf("report lacks %q; got %v", want, got)
		}
	}
	if after := f.count(t, `SELECT COUNT(*) FROM members`); after != before {
		t.Fatalf("a failed import wrote %d members", after-before)
	}

	// The same file without the bad rows goes in whole, with one audit record.
	audits := f.count(t, `SELECT COUNT(*) FROM audit_log WHERE action = 'member.import'`)
	var okRows [][]any
	for i := 0; i < 30; i++ {
		okRows = append(okRows, good("导入"+strconv.Itoa(i)))
	}
	okRows[3][2] = "海丹五组党支部" // the full name works as well as the short one
	okRows[4][8] = "是"
	job, err = f.svc.StartImport(f.ctx, haidan, village, "海丹.xlsx", workbook(t, okRows))
	want.OK(t, err)
	job, err = f.svc.Import(f.ctx, haidan, job.ID)
	want.OK(t, err)
	if job.State != members.ImportDone || job.Inserted != 30 || job.Percent() != 100 {
		t.Fatalf("good file: %+v", job)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM members`) - before; n != 30 {
		t.Fatalf("inserted %d, want 30", n)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM audit_log WHERE action = 'member.import'`) - audits; n != 1 {
		t.Fatalf("%d audit records for one import", n)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM members WHERE mobile = $1 AND name = '导入4'`, true); n != 1 {
		t.Fatal("流动党员 column not imported")
	}
	// Importing it again finds every row already on the roster.
	job, err = f.svc.StartImport(f.ctx, haidan, village, "again.xlsx", workbook(t, okRows))
	want.OK(t, err)
	job, _ = f.svc.Import(f.ctx, haidan, job.ID)
	if job.State != members.ImportFailed || job.ErrorRows != 30 || job.Errors[0].Key != "excel.duplicate_in_db" {
		t.Fatalf("re-import: %s %d %+v", job.State, job.ErrorRows, job.Errors[:1])
	}
	// Rows are written a batch at a time in one transaction: a bad row
	// after the first batches leaves nothing of them, and a number already
	// on the roster is found in a late batch too.
	var long [][]any
	for i := 0; i < 1234; i++ {
		long = append(long, []any{"批量" + strconv.Itoa(i), f.idNumber(day("1960-01-01").AddDate(0, 0, i)), "海丹五组", "正式党员", "1999-07-01", "2000-07-01"})
	}
	long[1100][3] = "党员"
	long[1200][1] = okRows[0][1]
	job, err = f.svc.StartImport(f.ctx, haidan, village, "long.xlsx", workbook(t, long))
	want.OK(t, err)
	job, _ = f.svc.Import(f.ctx, haidan, job.ID)
	if job.State != members.ImportFailed || job.ErrorRows != 2 || job.Errors[0].Row != 1102 || job.Errors[1].Row != 1202 ||
		job.Errors[1].Key != "excel.duplicate_in_db" || job.Total != 1234 {
		t.Fatalf("a bad row after two batches: %s, %d rows, %d errors %+v", job.State, job.Total, job.ErrorRows, job.Errors)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM members WHERE name LIKE '批量%'`); n != 0 {
		t.Fatalf("a refused import left %d of its rows", n)
	}

	// haiga may not import into 海丹, nor read its jobs.
	haiga := f.actor(t, "haiga")
	if _, err := f.svc.StartImport(f.ctx, haiga, village, "x.xlsx", workbook(t, okRows)); err == nil {
		t.Fatal("haiga imported into 海丹")
	}
	if _, err := f.svc.Import(f.ctx, haiga, job.ID); err == nil {
		t.Fatal("haiga read a 海丹 import")
	}
	// Not a workbook at all.
	job, err = f.svc.StartImport(f.ctx, haidan, village, "x.xlsx", []byte("name,id\n"))
	want.OK(t, err)
	job, _ = f.svc.Import(f.ctx, haidan, job.ID)
	if job.State != members.ImportFailed || job.Errors[0].Key != "excel.not_xlsx" {
		t.Fatalf("a CSV file: %+v", job)
	}
}

// testExport exports a branch with full numbers and reads the file back:
// the rows are what was imported, and each revealed number is logged.
func (f *fixture) testExport(t *testing.T) {
	admin, haidan := f.actor(t, "admin"), f.actor(t, "haidan")
	g := "得戛五组"
	in := map[string]string{}
	for i := 0; i < 3; i++ {
		number := f.idNumber(day("1966-06-0" + strconv.Itoa(i+1)))
		m := f.add(t, g, members.MemberInput{Name: "导出" + strconv.Itoa(i), IDNumber: number, Status: members.StatusFull,
			JoinedOn: day("1990-07-01"), FullOn: day("1991-07-01"), Category: "returnee", Phone: "0874-1234567"})
		in[m.Name] = number
	}
	logged := f.count(t, `SELECT COUNT(*) FROM read_log WHERE entity = 'member'`)
	var buf bytes.Buffer
	want.OK(t, f.svc.Export(f.ctx, admin, members.Filter{OrgID: f.group(g), Name: "导出"}, true, &buf))
	exported := append([]byte(nil), buf.Bytes()...)
	book, err := excelize.OpenReader(&buf)
	want.OK(t, err)
	rows, err := book.GetRows(book.GetSheetList()[0])
	want.OK(t, err)
	if len(rows) != 4 || strings.Join(rows[0][:5], ",") != "姓名,身份证号,所在支部,党员状态,入党日期" {
		t.Fatalf("export rows %v", rows)
	}
	for _, r := range rows[1:] {
		if in[r[0]] != r[1] || r[2] != "得戛五组党支部" || r[3] != "正式党员" || r[4] != "1990-07-01" || r[5] != "1991-07-01" || r[7] != "返乡人员" || r[9] != "0874-1234567" {
			t.Fatalf("exported row %v", r)
		}
	}
	if n := f.count(t, `SELECT COUNT(*) FROM read_log WHERE entity = 'member'`) - logged; n != 3 {
		t.Fatalf("%d reveals logged, want 3", n)
	}
	// Round trip: the exported file reads back through the import, whose
	// only complaint is that these people are already on the roster.
	job, err := f.svc.StartImport(f.ctx, admin, f.env.Town.Villages["得戛"].ID, "export.xlsx", exported)
	want.OK(t, err)
	job, _ = f.svc.Import(f.ctx, admin, job.ID)
	if job.ErrorRows != 3 {
		t.Fatalf("re-importing the export: %d errors %+v", job.ErrorRows, job.Errors)
	}
	for _, e := range job.Errors {
		if e.Key != "excel.duplicate_in_db" {
			t.Fatalf("re-importing the export: %+v", e)
		}
	}
	// Without "full" the numbers are masked, and nothing is logged.
	buf.Reset()
	want.OK(t, f.svc.Export(f.ctx, admin, members.Filter{OrgID: f.group(g)}, false, &buf))
	book, err = excelize.OpenReader(&buf)
	want.OK(t, err)
	rows, err = book.GetRows(book.GetSheetList()[0])
	want.OK(t, err)
	for _, r := range rows[1:] {
		if r[1] != people.Mask(r[1]) && strings.Count(r[1], "*") != 8 {
			t.Fatalf("masked export shows %q", r[1])
		}
	}
	if n := f.count(t, `SELECT COUNT(*) FROM read_log WHERE entity = 'member'`) - logged; n != 3 {
		t.Fatalf("a masked export was logged as a reveal")
	}
	// A supervisor may list but not reveal.
	err = f.svc.Export(f.ctx, f.actor(t, "jiandu"), members.Filter{}, true, &bytes.Buffer{})
	want.Kind(t, err, apperr.KindForbidden)
	// haidan may not export 得戛 at all.
	err = f.svc.Export(f.ctx, haidan, members.Filter{OrgID: f.group(g)}, false, &bytes.Buffer{})
	want.Kind(t, err, apperr.KindNotFound)
}

// A job left half-way by a stopped server is started again by the next
// look at it once it has been idle for importStale.
func TestImportResumesStaleJob(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		var started []func()
		f.svc.Background = func(fn func()) { started = append(started, fn) } // the "server" dies before running it
		rows := [][]any{{"甲", f.idNumber(day("1975-04-03")), "海丹五组", "正式党员", "1999-07-01", "2000-07-01"}}
		job, err := f.svc.StartImport(f.ctx, nil, f.env.Town.Villages["海丹"].ID, "x.xlsx", workbook(t, rows))
		want.OK(t, err)
		if job, _ = f.svc.Import(f.ctx, nil, job.ID); job.State != members.ImportQueued || len(started) != 1 {
			t.Fatalf("fresh job: %s, %d runs", job.State, len(started))
		}
		f.env.Clock.T = f.env.Clock.T.Add(11 * time.Minute)
		defer func() { f.env.Clock.T = f.env.Clock.T.Add(-11 * time.Minute) }()
		f.svc.Background = func(fn func()) { fn() }
		f.svc.Import(f.ctx, nil, job.ID)
		if job, _ = f.svc.Import(f.ctx, nil, job.ID); job.State != members.ImportDone || job.Inserted != 1 {
			t.Fatalf("stale job after a look: %+v", job)
		}
		started[0]() // the first run, if it ever wakes, finds the job taken
		if n := f.count(t, `SELECT COUNT(*) FROM members WHERE name = '甲'`); n != 1 {
			t.Fatalf("%d copies", n)
		}
	})
}

// The template opens with the roster's header, its id and date columns
// as text, and drop-down lists for status, category and 流动党员.
func TestTemplate(t *testing.T) {
	var buf bytes.Buffer
	want.OK(t, members.Template(&buf))
	f, err := excelize.OpenReader(&buf)
	want.OK(t, err)
	defer f.Close()
	if s := f.GetSheetList(); len(s) != 1 || s[0] != "党员名册" {
		t.Fatalf("sheets %v", s)
	}
	rows, err := f.GetRows("党员名册")
	want.OK(t, err)
	if len(rows) != 1 || len(rows[0]) != len(rosterHeader) || rows[0][1] != "身份证号" {
		t.Fatalf("template rows %q", rows)
	}
	style, err := f.GetColStyle("党员名册", "B")
	want.OK(t, err)
	if st, err := f.GetStyle(style); err != nil || st.NumFmt != 49 {
		t.Fatalf("身份证号 column format %+v %v", st, err)
	}
	dvs, err := f.GetDataValidations("党员名册")
	want.OK(t, err)
	lists := map[string]string{}
	for _, dv := range dvs {
		lists[dv.Sqref] = dv.Formula1
	}
	if lists["D2:D5000"] != `"正式党员,预备党员"` || lists["I2:I5000"] != `"是,否"` || !strings.Contains(lists["H2:H5000"], "种养能手") {
		t.Fatalf("drop-down lists %v", lists)
	}
}

// A date typed into a cell Excel formats as a date is stored as a serial
// number; the import reads it as its day, whatever the format shows.
func TestImportDateCells(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		book := excelize.NewFile()
		defer book.Close()
		for i, r := range [][]any{rosterHeader, {"甲", f.idNumber(day("1975-04-03")), "海丹五组", "正式党员", 36342, 36708}} {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			want.OK(t, book.SetSheetRow("Sheet1", cell, &r))
		}
		code := "yyyy\"年\"m\"月\"d\"日\""
		builtin, err := book.NewStyle(&excelize.Style{NumFmt: 14})
		want.OK(t, err)
		custom, err := book.NewStyle(&excelize.Style{CustomNumFmt: &code})
		want.OK(t, err)
		want.OK(t, book.SetCellStyle("Sheet1", "E2", "E2", builtin))
		want.OK(t, book.SetCellStyle("Sheet1", "F2", "F2", custom))
		var buf bytes.Buffer
		want.OK(t, book.Write(&buf))
		job, err := f.svc.StartImport(f.ctx, nil, f.env.Town.Villages["海丹"].ID, "dates.xlsx", buf.Bytes())
		want.OK(t, err)
		if job, _ = f.svc.Import(f.ctx, nil, job.ID); job.State != members.ImportDone || job.Inserted != 1 {
			t.Fatalf("date cells: %s %+v", job.State, job.Errors)
		}
		var joined, full string
		want.OK(t, d.QueryRow(`SELECT joined_on, full_on FROM members WHERE name = '甲'`).Scan(&joined, &full))
		if !strings.HasPrefix(joined, "1999-07-01") || !strings.HasPrefix(full, "2000-07-01") {
			t.Fatalf("stored %s and %s", joined, full)
		}
	})
}
