package sites

import (
	"io"

	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// WriteXLSX writes the reconciliation as an .xlsx workbook in Chinese:
// the lines, the totals, the schedule's sum and the difference from the
// declared total, amounts in 元.
func (rc Reconciliation) WriteXLSX(w io.Writer) error {
	zh := func(key string, p map[string]any) string { return i18n.T(i18n.ZH, key, p) }
	yuan := func(v Fen) float64 { return float64(v) / 100 }
	rows := [][]any{
		{rc.Plan.Title + " · " + zh("site.recon.title", nil) + " · " + rc.On.String()},
		{zh("site.col.org", nil), zh("site.col.village", nil), zh("site.col.level", nil), zh("site.col.kind", nil),
			zh("site.col.status", nil), zh("site.col.schedule", nil), zh("site.col.override", nil), zh("site.col.due", nil),
			zh("site.col.cumulative", nil), zh("site.col.budgeted", nil), zh("site.col.county_paid", nil), zh("site.col.outstanding", nil)},
	}
	for _, l := range rc.Lines {
		var override any = ""
		if l.Override != nil {
			override = yuan(*l.Override)
		}
		rows = append(rows, []any{l.OrgName, l.VillageName, zh("site.level."+string(l.Level), nil), zh("site.kind."+string(l.Kind), nil),
			zh("site.status."+string(l.Status), nil), yuan(l.Schedule), override, yuan(l.Due), yuan(l.Cumulative),
			yuan(l.Budgeted), yuan(l.CountyPaid), yuan(l.Outstanding)})
	}
	rows = append(rows,
		[]any{zh("site.recon.total", nil), "", "", "", "", "", "", yuan(rc.Due), "", yuan(rc.Budgeted), yuan(rc.CountyPaid), yuan(rc.Outstanding)},
		[]any{},
		[]any{zh("site.recon.formula", nil), rc.Formula + " " + zh("site.wan", nil)},
		[]any{zh("site.recon.due", nil), yuan(rc.Due)},
		[]any{zh("site.recon.declared", nil), yuan(rc.Declared)},
		[]any{zh("site.recon.difference", nil), yuan(rc.Difference), rc.explanation(i18n.ZH)},
		[]any{zh("site.recon.other_paid", nil), yuan(rc.OtherPaid)},
	)
	for _, g := range rc.Groups {
		rows = append(rows, []any{zh("site.level."+string(g.Level), nil) + " · " + zh("site.kind."+string(g.Kind), nil),
			g.Term, yuan(g.Subtotal)})
	}
	book := xlsx.NewWriter(w)
	sheet, err := book.AddSheet(zh("site.recon.sheet", nil))
	if err != nil {
		return err
	}
	money := book.AddStyle(xlsx.Style{Format: xlsx.Money})
	for _, s := range []struct {
		first, last int
		width       float64
	}{{1, 1, 22}, {2, 12, 13}} {
		if err := sheet.SetColumns(s.first, s.last, xlsx.Column{Width: s.width}); err != nil {
			return err
		}
	}
	// The lines' and the total's amounts, then the summary's.
	for _, ref := range []string{"F3:" + xlsx.CellName(12, len(rc.Lines)+3),
		xlsx.CellName(2, len(rc.Lines)+5) + ":" + xlsx.CellName(3, len(rows))} {
		if err := sheet.StyleRange(ref, money); err != nil {
			return err
		}
	}
	if err := sheet.WriteRows(rows); err != nil {
		return err
	}
	return book.Close()
}

// explanation says in words what the difference between the schedule
// and the declared total is.
func (rc Reconciliation) explanation(lang i18n.Lang) string {
	p := map[string]any{"due": WanText(rc.Due), "declared": WanText(rc.Declared), "diff": WanText(abs(rc.Difference)),
		"formula": rc.Formula}
	switch {
	case rc.Difference > 0:
		return i18n.T(lang, "site.recon.exceeds", p)
	case rc.Difference < 0:
		return i18n.T(lang, "site.recon.below", p)
	}
	return i18n.T(lang, "site.recon.agrees", p)
}

// Explanation is the difference in words, in lang.
func (rc Reconciliation) Explanation(lang i18n.Lang) string { return rc.explanation(lang) }

func abs(f Fen) Fen {
	if f < 0 {
		return -f
	}
	return f
}
