package members

import (
	"io"
	"strconv"

	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
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
	book := xlsx.NewWriter(w)
	sheet, err := book.AddSheet(zh("report.sheet", nil))
	if err != nil {
		return err
	}
	bold := book.AddStyle(xlsx.Style{Bold: true, Centre: true})
	if err := sheet.SetColumns(1, 1, xlsx.Column{Width: 14}); err != nil {
		return err
	}
	first := "report.col.village"
	if rep.ByTown {
		first = "report.col.town"
	}
	groups, heads := []any{zh(first, nil)}, []any{""}
	merges := []string{"A2:A3"}
	col := 2
	for _, g := range reportGroups() {
		groups = append(groups, zh(g.key, nil))
		for i, k := range g.cols {
			if i > 0 {
				groups = append(groups, "")
			}
			heads = append(heads, zh(k, nil))
		}
		merges = append(merges, xlsx.CellName(col, 2)+":"+xlsx.CellName(col+len(g.cols)-1, 2))
		col += len(g.cols)
	}
	for _, m := range merges {
		if err := sheet.Merge(m); err != nil {
			return err
		}
	}
	// The two heading rows and the total are bold.
	total := len(rep.Rows) + 4
	for _, ref := range []string{"A2:" + xlsx.CellName(col-1, 3), "A" + strconv.Itoa(total) + ":" + xlsx.CellName(col-1, total)} {
		if err := sheet.StyleRange(ref, bold); err != nil {
			return err
		}
	}
	rows := [][]any{{zh("report.title_year", map[string]any{"year": rep.Year}) + " · " +
		zh("report.as_of", map[string]any{"on": rep.On})}, groups, heads}
	for _, r := range rep.Rows {
		name := r.Name
		if r.VillageID == 0 {
			name = zh("report.direct", nil)
		}
		rows = append(rows, append([]any{name}, r.cells()...))
	}
	rows = append(rows, append([]any{zh("report.total", nil)}, rep.Total.cells()...))
	if err := sheet.WriteRows(rows); err != nil {
		return err
	}
	return book.Close()
}
