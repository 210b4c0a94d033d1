package members

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/i18n"
)

// The development report as a workbook: a title, a row naming the four
// column groups (stages now, admitted in the year, 转正, members'
// structure), a row naming each column, one row per village (per town
// when the report is ByTown) and the total. Labels are the page's message keys in Chinese, the language the
// report is handed in.

// reportGroup is one group of columns with its header key and keys.
type reportGroup struct {
	key  string
	cols []string
}

func reportGroups() []reportGroup {
	breakdown := []string{"report.col.total", "report.col.women", "report.col.women_share"}
	for _, c := range ReportCategories {
		breakdown = append(breakdown, "member.category."+string(c))
	}
	for _, b := range AgeBands {
		breakdown = append(breakdown, "report.age."+b)
	}
	return []reportGroup{
		{"report.group.stages", []string{"member.status.applicant", "member.status.activist", "member.status.candidate",
			"member.status.probationary", "member.status.full"}},
		{"report.group.admitted", breakdown},
		{"report.group.became_full", []string{"report.col.became_full"}},
		{"report.group.members", breakdown},
	}
}

// cells are a row's values in the order of reportGroups.
func (r ReportRow) cells() []any {
	st := r.Stages
	out := []any{st.Applicants, st.Activists, st.Candidates, st.Probationary, st.Full}
	out = append(out, r.Admitted.cells()...)
	out = append(out, r.BecameFull)
	return append(out, r.Members.cells()...)
}

func (b Breakdown) cells() []any {
	out := []any{b.Total, b.Women, b.WomenShare()}
	for _, n := range b.Categories {
		out = append(out, n)
	}
	for _, n := range b.Ages {
		out = append(out, n)
	}
	return out
}

// WriteXLSX writes the report as an .xlsx workbook.
func (rep DevReport) WriteXLSX(w io.Writer) error {
	zh := func(key string, params map[string]any) string { return i18n.T(i18n.ZH, key, params) }
	f := excelize.NewFile()
	defer f.Close()
	sheet := zh("report.sheet", nil)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	cell := func(col, row int) string { c, _ := excelize.CoordinatesToCellName(col, row); return c }
	set := func(row int, values []any) error { return f.SetSheetRow(sheet, cell(1, row), &values) }

	if err := set(1, []any{zh("report.title_year", map[string]any{"year": rep.Year}) + " · " +
		zh("report.as_of", map[string]any{"on": rep.On})}); err != nil {
		return err
	}
	first := "report.col.village"
	if rep.ByTown {
		first = "report.col.town"
	}
	groups, heads := []any{zh(first, nil)}, []any{""}
	merges := [][2]string{{"A2", "A3"}}
	col := 2
	for _, g := range reportGroups() {
		groups = append(groups, zh(g.key, nil))
		for i, k := range g.cols {
			if i > 0 {
				groups = append(groups, "")
			}
			heads = append(heads, zh(k, nil))
		}
		merges = append(merges, [2]string{cell(col, 2), cell(col+len(g.cols)-1, 2)})
		col += len(g.cols)
	}
	if err := set(2, groups); err != nil {
		return err
	}
	if err := set(3, heads); err != nil {
		return err
	}
	// Merged after the values are in: a merge keeps its first cell's value.
	for _, m := range merges {
		if err := f.MergeCell(sheet, m[0], m[1]); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, "A2", cell(col-1, 3), bold); err != nil {
		return err
	}
	row := 4
	for _, r := range rep.Rows {
		name := r.Name
		if r.VillageID == 0 {
			name = zh("report.direct", nil)
		}
		if err := set(row, append([]any{name}, r.cells()...)); err != nil {
			return err
		}
		row++
	}
	if err := set(row, append([]any{zh("report.total", nil)}, rep.Total.cells()...)); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A"+strconv.Itoa(row), cell(col-1, row), bold); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "A", "A", 14); err != nil {
		return err
	}
	return f.Write(w)
}
