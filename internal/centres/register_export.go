package centres

import (
	"context"
	"fmt"
	"io"

	"dangjian/internal/auth"
	"dangjian/internal/xlsx"
)

// exportLimit bounds one export: a town's register is a few hundred
// people, a county's a few thousand.
const exportLimit = 20000

// ExportRegister writes a register of the area as a workbook whose first
// lines say who exported it and when, followed by its people with their
// category and next visit. Every person exported is a read_log row,
// written before the file is (a read is logged in read_log, never in the
// change log).
func (s *Service) ExportRegister(ctx context.Context, a *auth.Actor, f RegisterFilter, w io.Writer) error {
	now := s.Clock.Now()
	es, err := s.listRegister(ctx, s.DB, a, f, exportLimit)
	if err != nil {
		return err
	}
	if err := s.logShown(ctx, a, es); err != nil {
		return err
	}
	rows := [][]any{
		{"导出人 Exported by", a.DisplayName()},
		{"导出时间 Exported at", now.UTC().Format("2006-01-02 15:04:05 UTC")},
		{"敏感信息，仅限中心工作人员使用 Sensitive: for the centre's staff only"},
		{},
		{"村 Village", "姓名 Name", "类别 Category", "登记日期 Since", "走访间隔（天） Visit every (days)", "下次走访 Next visit", "状态 Due"},
	}
	for _, e := range es {
		rows = append(rows, []any{e.Village, e.Name, e.Category, e.Since.String(), e.VisitDays, e.NextDue.String(), string(e.Due)})
	}
	book := xlsx.NewWriter(w)
	sheet, err := book.AddSheet("Sheet1")
	if err == nil {
		err = sheet.WriteRows(rows)
	}
	if err == nil {
		err = book.Close()
	}
	if err != nil {
		return fmt.Errorf("centres: export: %w", err)
	}
	return nil
}
