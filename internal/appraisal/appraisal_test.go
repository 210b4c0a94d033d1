package appraisal_test

import (
	"database/sql"
	"strings"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/appraisal"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members/memberstest"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

type world struct {
	*memberstest.World
	svc *appraisal.Service
}

// newWorld is the small town with 海丹's 两委: a secretary who is also the
// director (一肩挑), a deputy secretary, a deputy director and a women's
// director.
func newWorld(t *testing.T, d *db.DB) *world {
	w := memberstest.NewWorld(t, d, testkit.Clock(), testkit.Key)
	os := &org.Service{DB: d, Clock: w.Clock}
	posts, err := os.Posts(w.Ctx, nil, w.Haidan.ID)
	want.OK(t, err)
	holders := map[string]string{"secretary": "王海丹", "director": "王海丹", "deputy_secretary": "李副书",
		"deputy_director": "赵副主任", "women_director": "张妇女"}
	for _, p := range posts {
		if name, ok := holders[p.Code]; ok {
			_, err := os.Assign(w.Ctx, nil, org.Assignment{PostID: p.ID, HolderName: name, StartedOn: day.Of(w.Today()).AddMonths(-36)})
			want.OK(t, err)
		}
	}
	return &world{World: w, svc: appraisal.NewService(d, w.Clock, os)}
}

// even is a tally where every ballot gave every criterion the same points.
func even(g appraisal.Group, ballots, points int) appraisal.Tally {
	t := appraisal.Tally{Group: g, Ballots: ballots, Sums: map[string]int{}}
	for _, c := range appraisal.Criteria() {
		t.Sums[c.Key()] = ballots * points
	}
	return t
}

// rate enters all three groups' counts for a cadre by name.
func (w *world) rate(t *testing.T, sh appraisal.Sheet, name string, member, rep, town int) appraisal.Result {
	t.Helper()
	var res appraisal.Result
	for _, r := range sh.Results {
		if r.Cadre.Name != name {
			continue
		}
		for _, tl := range []appraisal.Tally{even(appraisal.GroupMember, 41, member),
			even(appraisal.GroupRepresentative, 23, rep), even(appraisal.GroupTown, 7, town)} {
			var err error
			res, err = w.svc.Record(w.Ctx, w.Admin, r.Cadre.ID, tl)
			want.OK(t, err)
		}
		return res
	}
	t.Fatalf("no cadre %s in %+v", name, sh.Results)
	return res
}

func byName(sh appraisal.Sheet, name string) appraisal.Result {
	for _, r := range sh.Results {
		if r.Cadre.Name == name {
			return r
		}
	}
	return appraisal.Result{}
}

func TestScoresRanksAndRemoval(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		_, err := w.svc.Open(w.Ctx, w.HaidanLeader, appraisal.NewRound{OrgID: w.Haidan.ID, Year: 2025})
		want.Kind(t, err, apperr.KindForbidden) // a village leader is assessed, not assessing
		_, err = w.svc.Open(w.Ctx, w.Admin, appraisal.NewRound{OrgID: w.HD1.ID, Year: 2025})
		want.Rule(t, err, "appraisal.village_only")
		_, err = w.svc.Open(w.Ctx, w.Admin, appraisal.NewRound{OrgID: w.Haiga.ID, Year: 2025})
		want.Rule(t, err, "appraisal.no_committee")
		_, err = w.svc.Open(w.Ctx, w.Admin, appraisal.NewRound{OrgID: w.Haidan.ID, Year: 2025,
			Weights: map[appraisal.Group]int{appraisal.GroupMember: 50, appraisal.GroupTown: 40}})
		want.Rule(t, err, "appraisal.weights", "90%")
		_, err = w.svc.Open(w.Ctx, w.Admin, appraisal.NewRound{OrgID: w.Haidan.ID, Year: 2025,
			Cuts: appraisal.Cuts{Excellent: 80, Competent: 85, Basic: 60}})
		want.Rule(t, err, "appraisal.cuts")

		r25, err := w.svc.Open(w.Ctx, w.Admin, appraisal.NewRound{OrgID: w.Haidan.ID, Year: 2025, HeldOn: day.New(2025, 12, 20)})
		want.OK(t, err)
		if len(r25.Results) != 4 || r25.Round.Weights[appraisal.GroupTown] != 40 || r25.Round.Cuts != appraisal.DefaultCuts {
			t.Fatalf("round = %+v", r25)
		}
		if c := byName(r25, "王海丹").Cadre; len(c.Posts) != 2 || !c.Village {
			t.Fatalf("王海丹 = %+v (secretary and director, on the village committee)", c)
		}
		if byName(r25, "李副书").Cadre.Village {
			t.Fatal("李副书 holds only a party post")
		}
		_, err = w.svc.Open(w.Ctx, w.Admin, appraisal.NewRound{OrgID: w.Haidan.ID, Year: 2025})
		want.Kind(t, err, apperr.KindConflict)

		// A tally out of range names the item and the most it may be.
		bad := even(appraisal.GroupMember, 10, 50)
		bad.Sums["de.party"] = 1001
		_, err = w.svc.Record(w.Ctx, w.Admin, byName(r25, "王海丹").Cadre.ID, bad)
		want.Field(t, err, "sum.de.party", "appraisal.sum_range")
		_, err = w.svc.Record(w.Ctx, w.HaidanLeader, byName(r25, "王海丹").Cadre.ID, even(appraisal.GroupMember, 10, 50))
		want.Kind(t, err, apperr.KindForbidden)
		_, err = w.svc.Record(w.Ctx, w.HaigaLeader, byName(r25, "王海丹").Cadre.ID, even(appraisal.GroupMember, 10, 50))
		want.Kind(t, err, apperr.KindNotFound)

		// One group entered: a group score, no overall score yet.
		part, err := w.svc.Record(w.Ctx, w.Admin, byName(r25, "王海丹").Cadre.ID, even(appraisal.GroupMember, 41, 95))
		want.OK(t, err)
		if part.Complete || part.GroupScores[appraisal.GroupMember] != 950 {
			t.Fatalf("partial = %+v", part)
		}
		// 30% × 95 + 30% × 85 + 40% × 90 = 90.0 → 优秀.
		res := w.rate(t, r25, "王海丹", 95, 85, 90)
		if !res.Complete || res.Score != 900 || res.Grade != appraisal.GradeExcellent || appraisal.Points(res.Score) != "90.0" {
			t.Fatalf("王海丹 = %+v", res)
		}
		// 30% × 80 + 30% × 70 + 40% × 76 = 75.4 → 称职; 李副书 the same.
		w.rate(t, r25, "赵副主任", 80, 70, 76)
		w.rate(t, r25, "李副书", 80, 70, 76)
		w.rate(t, r25, "张妇女", 50, 55, 58) // 54.7 → 不称职

		sh, err := w.svc.Get(w.Ctx, w.HaidanLeader, r25.Round.ID)
		want.OK(t, err)
		ranks := map[string]int{}
		for _, r := range sh.Results {
			ranks[r.Cadre.Name] = r.Rank
		}
		if ranks["王海丹"] != 1 || ranks["赵副主任"] != 2 || ranks["李副书"] != 2 || ranks["张妇女"] != 4 {
			t.Fatalf("ranks = %v (equal scores share a rank)", ranks)
		}
		if z := byName(sh, "张妇女"); z.Score != 547 || z.Grade != appraisal.GradeIncompetent || z.Removal {
			t.Fatalf("张妇女 2025 = %+v (first 不称职: no flag)", z)
		}
		_, err = w.svc.Get(w.Ctx, w.HaigaLeader, r25.Round.ID)
		want.Kind(t, err, apperr.KindNotFound)

		// 2026: 张妇女 (village committee) and 李副书 (party only) 不称职 again.
		r26, err := w.svc.Open(w.Ctx, w.Admin, appraisal.NewRound{OrgID: w.Haidan.ID, Year: 2026,
			Weights: map[appraisal.Group]int{appraisal.GroupMember: 40, appraisal.GroupRepresentative: 40, appraisal.GroupTown: 20}})
		want.OK(t, err)
		w.rate(t, r26, "王海丹", 92, 90, 95)
		w.rate(t, r26, "赵副主任", 40, 50, 50)
		w.rate(t, r26, "李副书", 50, 50, 50)
		z := w.rate(t, r26, "张妇女", 50, 50, 55) // 40% × 50 + 40% × 50 + 20% × 55 = 51.0
		if z.Score != 510 || !z.Removal || z.PrevYear != 2025 || z.PrevGrade != appraisal.GradeIncompetent {
			t.Fatalf("张妇女 2026 = %+v (不称职 twice: flagged)", z)
		}
		sh, err = w.svc.Get(w.Ctx, w.Admin, r26.Round.ID)
		want.OK(t, err)
		if byName(sh, "李副书").Removal || byName(sh, "赵副主任").Removal {
			t.Fatalf("only 张妇女 is flagged: %+v", sh.Results)
		}

		// The cadre's own page: every year, newest first.
		h, err := w.svc.Cadre(w.Ctx, w.HaidanLeader, z.Cadre.ID)
		want.OK(t, err)
		if !h.Removal || len(h.Years) != 2 || h.Years[0].Year != 2026 || h.Years[1].Score != 547 || h.Years[1].Of != 4 {
			t.Fatalf("history = %+v", h)
		}
		_, err = w.svc.Cadre(w.Ctx, w.HaigaLeader, z.Cadre.ID)
		want.Kind(t, err, apperr.KindNotFound)

		list, err := w.svc.List(w.Ctx, w.HaidanLeader, appraisal.Filter{})
		want.OK(t, err)
		if len(list) != 2 || list[0].Year != 2026 {
			t.Fatalf("list = %+v", list)
		}
		none, err := w.svc.List(w.Ctx, w.HaigaLeader, appraisal.Filter{})
		want.OK(t, err)
		if len(none) != 0 {
			t.Fatalf("海戛 sees %+v", none)
		}
		if n := w.AuditCount("appraisal.tally"); n != 25 {
			t.Fatalf("tally audit records = %d", n)
		}
	})
}

func TestReports(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		sh, err := w.svc.Open(w.Ctx, w.Admin, appraisal.NewRound{OrgID: w.Haidan.ID, Year: 2026})
		want.OK(t, err)
		id := byName(sh, "王海丹").Cadre.ID
		_, err = w.svc.Report(w.Ctx, w.Admin, id, appraisal.ReportInput{Kind: appraisal.ReportDuty, Text: "", On: day.New(2026, 11, 20)})
		want.Field(t, err, "text", "error.required")
		_, err = w.svc.Report(w.Ctx, w.Admin, id, appraisal.ReportInput{Kind: appraisal.ReportDuty, Text: "一年来……", On: day.New(2024, 11, 20)})
		want.Field(t, err, "on", "appraisal.report_year")
		c, err := w.svc.Report(w.Ctx, w.Admin, id, appraisal.ReportInput{Kind: appraisal.ReportDuty, Text: "一年来，带领村两委……", On: day.New(2026, 11, 20)})
		want.OK(t, err)
		c, err = w.svc.Report(w.Ctx, w.Admin, id, appraisal.ReportInput{Kind: appraisal.ReportIntegrity, Text: "严格遵守廉洁自律各项规定。", On: day.New(2026, 11, 20)})
		want.OK(t, err)
		if c.DutyReport != "" && !strings.HasPrefix(c.IntegrityReport, "严格") {
			t.Fatalf("cadre = %+v", c)
		}
		h, err := w.svc.Cadre(w.Ctx, w.HaidanLeader, id)
		want.OK(t, err)
		if !strings.HasPrefix(h.Cadre.DutyReport, "一年来") || h.Cadre.IntegrityOn != day.New(2026, 11, 20) {
			t.Fatalf("cadre = %+v", h.Cadre)
		}
	})
}

// TestAnonymity: no table of 双述双评 holds a rater, a ballot or a time an
// entry was made — only counted totals.
func TestAnonymity(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		q := `SELECT table_name, column_name FROM information_schema.columns WHERE table_name LIKE 'appraisal%'`
		if d.Dialect == db.SQLite {
			q = `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name LIKE 'appraisal%'`
		}
		rows, err := d.QueryContext(t.Context(), q)
		want.OK(t, err)
		cols, err := db.Collect(rows, func(r *sql.Rows, s *string) error {
			var tb, c string
			err := r.Scan(&tb, &c)
			*s = tb + "." + c
			return err
		})
		want.OK(t, err)
		if len(cols) < 20 {
			t.Fatalf("columns = %v", cols)
		}
		for _, c := range cols {
			for _, bad := range []string{"user", "member_id", "rater", "voter", "ip", "session", "token", "code", "_at"} {
				if strings.Contains(strings.SplitN(c, ".", 2)[1], bad) && c != "appraisal_rounds.created_at" {
					t.Errorf("column %s could join a score to a rater", c)
				}
			}
		}
	})
}

func TestGradeCutOffs(t *testing.T) {
	c := appraisal.DefaultCuts
	for tenths, g := range map[int]appraisal.Grade{1000: appraisal.GradeExcellent, 900: appraisal.GradeExcellent,
		899: appraisal.GradeCompetent, 750: appraisal.GradeCompetent, 749: appraisal.GradeBasic, 600: appraisal.GradeBasic,
		599: appraisal.GradeIncompetent, 0: appraisal.GradeIncompetent} {
		if got := c.GradeOf(tenths); got != g {
			t.Errorf("GradeOf(%s) = %s, want %s", appraisal.Points(tenths), got, g)
		}
	}
	if err := appraisal.CheckWeights(appraisal.DefaultWeights); err != nil {
		t.Fatal(err)
	}
	if err := appraisal.CheckCuts(appraisal.Cuts{Excellent: 100, Competent: 60, Basic: 1}); err != nil {
		t.Fatal(err)
	}
	want.Rule(t, appraisal.CheckCuts(appraisal.Cuts{Excellent: 101, Competent: 75, Basic: 60}), "appraisal.cuts")
	want.Rule(t, appraisal.CheckWeights(map[appraisal.Group]int{appraisal.GroupTown: 120, appraisal.GroupMember: -20}), "appraisal.weights")
	if n := len(appraisal.Criteria()); n != 20 {
		t.Fatalf("criteria = %d", n)
	}
}
