package orglife_test

import (
	"fmt"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/orglife"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

func TestRecordEvaluation(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		var full []int64
		for i := 0; i < 12; i++ {
			full = append(full, w.Full(w.HD1, fmt.Sprintf("党员%02d", i)))
		}
		prob := w.Probationary(w.HD1, "预备甲", ymd(2026, 3, 1).Time())
		grades := func(excellent int) []orglife.GradeInput {
			var out []orglife.GradeInput
			for i, id := range full {
				g := orglife.GradeQualified
				if i < excellent {
					g = orglife.GradeExcellent
				}
				out = append(out, orglife.GradeInput{MemberID: id, Grade: g})
			}
			return append(out, orglife.GradeInput{MemberID: prob})
		}
		in := orglife.NewEvaluation{OrgID: w.HD1.ID, Year: 2026, HeldOn: ymd(2026, 11, 20), Grades: grades(5)}

		_, err := w.svc.RecordEvaluation(w.Ctx, w.Sec1, in)
		e := want.Rule(t, err, "evaluation.excellent_cap")
		if e.Params["excellent"] != 5 || e.Params["graded"] != 12 || e.Params["max"] != 4 {
			t.Fatalf("cap params = %v", e.Params)
		}

		bad := in
		bad.Grades = append(grades(4)[:12], orglife.GradeInput{MemberID: prob, Grade: orglife.GradeQualified})
		_, err = w.svc.RecordEvaluation(w.Ctx, w.Sec1, bad)
		want.Rule(t, err, "evaluation.probationary_not_graded")

		bad.Grades = append(grades(4)[:11], orglife.GradeInput{MemberID: full[11]}, orglife.GradeInput{MemberID: prob})
		_, err = w.svc.RecordEvaluation(w.Ctx, w.Sec1, bad)
		want.Field(t, err, "grades", "evaluation.grade_required")

		bad = in
		bad.HeldOn = ymd(2028, 1, 1)
		_, err = w.svc.RecordEvaluation(w.Ctx, w.Sec1, bad)
		want.Field(t, err, "held_on", "meeting.date_future")
		bad.Year, bad.HeldOn = 2024, ymd(2026, 1, 10)
		_, err = w.svc.RecordEvaluation(w.Ctx, w.Sec1, bad)
		want.Field(t, err, "held_on", "evaluation.held_on_year")

		_, err = w.svc.RecordEvaluation(w.Ctx, w.HaigaLeader, in)
		want.Kind(t, err, apperr.KindNotFound)

		in.Grades = grades(4)
		res, err := w.svc.RecordEvaluation(w.Ctx, w.Sec1, in)
		want.OK(t, err)
		if len(res) != 13 || w.AuditCount("evaluation.record") != 1 {
			t.Fatalf("recorded %d evaluations", len(res))
		}
		// One evaluation per member per year.
		_, err = w.svc.RecordEvaluation(w.Ctx, w.Sec1, orglife.NewEvaluation{OrgID: w.HD1.ID, Year: 2026,
			HeldOn: ymd(2026, 11, 25), Grades: []orglife.GradeInput{{MemberID: full[0], Grade: orglife.GradeQualified}}})
		want.Kind(t, err, apperr.KindConflict)
		// A member added later is graded on their own, and the cap counts
		// the earlier results: a 5th 优秀 of 13 graded is over 4.
		late := w.Full(w.HD1, "后来者")
		_, err = w.svc.RecordEvaluation(w.Ctx, w.Sec1, orglife.NewEvaluation{OrgID: w.HD1.ID, Year: 2026,
			HeldOn: ymd(2026, 11, 25), Grades: []orglife.GradeInput{{MemberID: late, Grade: orglife.GradeExcellent}}})
		want.Rule(t, err, "evaluation.excellent_cap")

		sheet, err := w.svc.BranchEvaluation(w.Ctx, w.HaidanLeader, w.HD1.ID, 2026)
		want.OK(t, err)
		if len(sheet.Results) != 13 || sheet.Excellent != 4 || sheet.Graded != 12 || len(sheet.Pending) != 1 ||
			sheet.Pending[0].MemberID != late || sheet.ExcellentN != 4 {
			t.Fatalf("sheet = %+v", sheet)
		}
		for _, r := range sheet.Results {
			if r.MemberID == prob && r.Grade != orglife.GradeNone {
				t.Fatalf("the probationary member was graded %s", r.Grade)
			}
		}
		_, err = w.svc.BranchEvaluation(w.Ctx, w.HaigaLeader, w.HD1.ID, 2026)
		want.Kind(t, err, apperr.KindNotFound)
	})
}
