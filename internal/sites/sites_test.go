package sites_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/i18n"
	"dangjian/internal/sites"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// world is the demo town with the actors the tests use.
type world struct {
	*testkit.Env
	ctx                       context.Context
	svc                       *sites.Service
	admin, haidan, accountant *auth.Actor
	plan                      sites.Plan
}

func newWorld(t *testing.T, d *db.DB) *world {
	env := testkit.Start(t, d)
	w := &world{Env: env, ctx: context.Background(), svc: env.Svc.Sites}
	w.admin = env.ActorFor(t, "admin")
	w.haidan = env.ActorFor(t, "haidan")
	w.accountant = env.ActorFor(t, "kuaiji")
	plans, err := w.svc.Plans(w.ctx, w.admin, env.Town.Town.ID)
	want.OK(t, err)
	if len(plans) != 1 {
		t.Fatalf("plans %+v", plans)
	}
	w.plan = plans[0]
	return w
}

func (w *world) siteOf(t *testing.T, name string) sites.Site {
	t.Helper()
	xs, err := w.svc.ListSites(w.ctx, w.admin, sites.Filter{PlanID: w.plan.ID, Limit: 100})
	want.OK(t, err)
	for _, x := range xs {
		if x.OrgName == name {
			return x
		}
	}
	t.Fatalf("no site %s", name)
	return sites.Site{}
}

// The demo carries the seed's sites, and the reconciliation shows the
// schedule's 417万元 against the declared 380万元, the 37万元 difference
// and the terms it is made of.
func TestReconciliationShowsTheSeedsNumbers(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		rc, err := w.svc.Reconcile(w.ctx, w.accountant, w.plan.ID)
		want.OK(t, err)
		if rc.Due != 417*sites.Wan || rc.Declared != 380*sites.Wan || rc.Difference != 37*sites.Wan {
			t.Fatalf("due %s declared %s difference %s", rc.Due, rc.Declared, rc.Difference)
		}
		if rc.Formula != "3×96 + 50 + 10 + 6×10 + 3×3 = 417" {
			t.Fatalf("formula %q", rc.Formula)
		}
		if len(rc.Lines) != 14 {
			t.Fatalf("%d lines", len(rc.Lines))
		}
		var names []string
		for _, l := range rc.Lines {
			names = append(names, l.OrgName)
		}
		if got := strings.Join(names, " "); got != "民家村党总支 海戛村党总支 海丹村党总支 大坪村党总支 岩头村党总支 "+
			"民家一组党支部 民家二组党支部 得戛一组党支部 得戛二组党支部 得戛三组党支部 得戛四组党支部 秧田冲党支部 迤老黑党支部 大树脚党支部" {
			t.Fatalf("lines %s", got)
		}
		daping := rc.Lines[3]
		if daping.Schedule != 96*sites.Wan || daping.Due != 50*sites.Wan || daping.Override == nil {
			t.Fatalf("大坪 %+v", daping)
		}
		// The running total passes 380万元 at the 4th new group site:
		// 348 after the general branches, 388 after 得戛二组.
		if last := rc.Lines[len(rc.Lines)-1]; last.Cumulative != rc.Due {
			t.Fatalf("running total ends at %s", last.Cumulative)
		}
		if rc.ExceedsAt != w.siteOf(t, "得戛二组党支部").ID {
			t.Fatalf("exceeds at %d", rc.ExceedsAt)
		}
		// The demo's payments: 60% on starting, the rest on completion,
		// except 海戛 and 民家二组; 大坪 and 大树脚 have not started.
		var paid sites.Fen
		for _, l := range rc.Lines {
			paid += l.CountyPaid
			if l.Outstanding != l.Due-l.CountyPaid || l.Budgeted != l.Due {
				t.Fatalf("line %+v", l)
			}
		}
		if rc.CountyPaid != paid || rc.Outstanding != rc.Due-paid || paid == 0 || rc.Outstanding == 0 {
			t.Fatalf("paid %s outstanding %s", rc.CountyPaid, rc.Outstanding)
		}
		zh := rc.Explanation(i18n.ZH)
		for _, frag := range []string{"417", "380", "多 37 万元"} {
			if !strings.Contains(zh, frag) {
				t.Fatalf("explanation %q lacks %q", zh, frag)
			}
		}

		// The workbook carries the same numbers.
		var buf bytes.Buffer
		want.OK(t, rc.WriteXLSX(&buf))
		f, err := excelize.OpenReader(&buf)
		want.OK(t, err)
		rows, err := f.GetRows(f.GetSheetName(0))
		want.OK(t, err)
		text := ""
		for _, r := range rows {
			text += strings.Join(r, "|") + "\n"
		}
		for _, frag := range []string{"3×96 + 50 + 10 + 6×10 + 3×3 = 417", "4,170,000.00", "3,800,000.00", "370,000.00", "大坪村党总支"} {
			if !strings.Contains(text, frag) {
				t.Fatalf("workbook lacks %q:\n%s", frag, text)
			}
		}

		// The new general-branch sites' spec is the seed's.
		v, err := w.svc.Site(w.ctx, w.haidan, w.siteOf(t, "海丹村党总支").ID)
		want.OK(t, err)
		if v.Site.Spec != demo.NewGeneralSpec || v.SubsidyDue != 96*sites.Wan || v.Site.Spec.FloorM2 != 1558 {
			t.Fatalf("海丹 %+v", v)
		}

		// Changing the schedule moves every site without an override;
		// 大坪 keeps its 50万元.
		_, err = w.svc.SetRate(w.ctx, w.haidan, w.Town.Town.ID, sites.Rate{Level: sites.LevelGroup, Kind: sites.KindRenovate, Amount: 4 * sites.Wan})
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.SetRate(w.ctx, w.admin, w.Town.Town.ID, sites.Rate{Level: sites.LevelGroup, Kind: sites.KindRenovate, Amount: 4 * sites.Wan})
		want.OK(t, err)
		rc2, err := w.svc.Reconcile(w.ctx, w.admin, w.plan.ID)
		want.OK(t, err)
		if rc2.Due != 420*sites.Wan || rc2.Lines[3].Due != 50*sites.Wan {
			t.Fatalf("after the change: due %s, 大坪 %s", rc2.Due, rc2.Lines[3].Due)
		}
	})
}

// Disbursements: the town records them, county money never exceeds the
// subsidy due, and the reconciliation follows.
func TestDisbursementsAndTheirRules(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		today := day.Today(w.Clock)
		haixa := w.siteOf(t, "海戛村党总支")
		before, err := w.svc.Reconcile(w.ctx, w.admin, w.plan.ID)
		want.OK(t, err)

		// A village leader reads their site but does not pay; another
		// village's leader does not see it at all.
		_, err = w.svc.RecordDisbursement(w.ctx, w.haidan, sites.NewDisbursement{SiteID: haixa.ID, Amount: 100, PaidOn: today})
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.Site(w.ctx, w.haidan, haixa.ID)
		want.Kind(t, err, apperr.KindNotFound)
		haiga := w.ActorFor(t, "haiga")
		_, err = w.svc.RecordDisbursement(w.ctx, haiga, sites.NewDisbursement{SiteID: haixa.ID, Amount: 100, PaidOn: today})
		want.Kind(t, err, apperr.KindForbidden)

		// Date and amount checks.
		_, err = w.svc.RecordDisbursement(w.ctx, w.accountant, sites.NewDisbursement{SiteID: haixa.ID, Amount: 0, PaidOn: today.AddDays(1)})
		want.Field(t, err, "amount", "site.amount_range")
		want.Field(t, err, "paid_on", "site.date_future")

		// 海戛 was paid 60% of 96万元; 38.4万元 remain, and no more.
		v, err := w.svc.Site(w.ctx, w.admin, haixa.ID)
		want.OK(t, err)
		left := v.SubsidyDue - v.CountyPaid
		if left != 384000_00 {
			t.Fatalf("left %s", left)
		}
		_, err = w.svc.RecordDisbursement(w.ctx, w.accountant, sites.NewDisbursement{SiteID: haixa.ID, Amount: left + 1, PaidOn: today, Voucher: "X"})
		e := want.Rule(t, err, sites.RuleCountyOverDue, "海戛村党总支", "960,000.00", "384,000.00")
		if e.Params["left"] != left {
			t.Fatalf("params %v", e.Params)
		}
		_, err = w.svc.RecordDisbursement(w.ctx, w.accountant, sites.NewDisbursement{SiteID: haixa.ID, Amount: left, PaidOn: today, Voucher: "县财补二期"})
		want.OK(t, err)
		// Other sources are not bounded by the subsidy.
		_, err = w.svc.RecordDisbursement(w.ctx, w.admin, sites.NewDisbursement{SiteID: haixa.ID, Source: sites.SourceVillage, Amount: 5_000_00, PaidOn: today})
		want.OK(t, err)

		after, err := w.svc.Reconcile(w.ctx, w.admin, w.plan.ID)
		want.OK(t, err)
		if after.CountyPaid != before.CountyPaid+left || after.Outstanding != before.Outstanding-left ||
			after.OtherPaid != before.OtherPaid+5_000_00 || after.Due != before.Due {
			t.Fatalf("before %+v after %+v", before, after)
		}
	})
}

// Milestones, completion and acceptance in their order.
func TestMilestonesCompletionAcceptance(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		today := day.Today(w.Clock)
		haidan := w.siteOf(t, "海丹村党总支") // started, not completed
		daping := w.siteOf(t, "大坪村党总支") // not started

		_, err := w.svc.AddMilestone(w.ctx, w.haidan, sites.NewMilestone{SiteID: daping.ID, OnDate: today, Title: "x"})
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.AddMilestone(w.ctx, w.haidan, sites.NewMilestone{SiteID: haidan.ID, OnDate: today, Stage: sites.StageStarted, Title: "开工"})
		want.Rule(t, err, sites.RuleStartedTwice, "海丹村党总支")
		v, err := w.svc.Site(w.ctx, w.haidan, haidan.ID)
		want.OK(t, err)
		dayBefore := v.Site.StartedOn.AddDays(-1)
		_, err = w.svc.AddMilestone(w.ctx, w.haidan, sites.NewMilestone{SiteID: haidan.ID, OnDate: dayBefore, Stage: sites.StageCompleted, Title: "竣工"})
		want.Rule(t, err, sites.RuleCompleteUnstarted, dayBefore.String(), v.Site.StartedOn.String())
		// Acceptance before completion is refused.
		_, err = w.svc.Accept(w.ctx, w.admin, haidan.ID, today, "")
		want.Rule(t, err, sites.RuleAcceptIncomplete, "海丹村党总支")
		_, err = w.svc.AddMilestone(w.ctx, w.haidan, sites.NewMilestone{SiteID: haidan.ID, OnDate: today.AddDays(-5), Stage: sites.StageCompleted, Title: "竣工"})
		want.OK(t, err)
		// The village leader records; only the town accepts.
		_, err = w.svc.Accept(w.ctx, w.haidan, haidan.ID, today, "")
		want.Kind(t, err, apperr.KindForbidden)
		_, err = w.svc.Accept(w.ctx, w.admin, haidan.ID, today.AddDays(-6), "")
		want.Rule(t, err, sites.RuleAcceptIncomplete, today.AddDays(-6).String())
		x, err := w.svc.Accept(w.ctx, w.admin, haidan.ID, today, "验收合格")
		want.OK(t, err)
		if x.Status() != sites.StatusAccepted || x.AcceptedBy == "" {
			t.Fatalf("accepted %+v", x)
		}
		_, err = w.svc.AddMilestone(w.ctx, w.haidan, sites.NewMilestone{SiteID: haidan.ID, OnDate: today, Title: "补充"})
		want.Kind(t, err, apperr.KindConflict)

		// A site only for general branches and group branches; a second
		// project of an organisation in one plan is a conflict.
		_, err = w.svc.AddSite(w.ctx, nil, sites.NewSite{OrgID: w.Town.Industry[0].ID, Kind: sites.KindNew})
		want.Field(t, err, "org_id", "site.org_type")
		_, err = w.svc.AddSite(w.ctx, w.admin, sites.NewSite{PlanID: w.plan.ID, OrgID: w.Town.Villages["海丹"].ID, Kind: sites.KindNew})
		want.Kind(t, err, apperr.KindConflict)
		// A village leader registers a site of their own village outside
		// the plan, but cannot put it into the plan.
		_, err = w.svc.AddSite(w.ctx, w.haidan, sites.NewSite{PlanID: w.plan.ID, OrgID: w.Town.Groups["海丹五组"].ID, Kind: sites.KindNew})
		want.Kind(t, err, apperr.KindForbidden)
		own, err := w.svc.AddSite(w.ctx, w.haidan, sites.NewSite{OrgID: w.Town.Groups["海丹五组"].ID, Kind: sites.KindRenovate})
		want.OK(t, err)
		if own.PlanID != 0 || own.Level != sites.LevelGroup || own.VillageID != w.Town.Villages["海丹"].ID {
			t.Fatalf("own %+v", own)
		}
	})
}

// The town's progress counts every general branch and group branch.
func TestTownProgress(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		p, err := w.svc.Progress(w.ctx, w.admin, w.Town.Town.ID)
		want.OK(t, err)
		if p.GeneralN != 16 || p.GroupsN != demo.GroupBranchCount || len(p.Villages) != 16 {
			t.Fatalf("progress %d general, %d groups, %d villages", p.GeneralN, p.GroupsN, len(p.Villages))
		}
		// Plan: 5 general-branch sites, 9 group sites; outside it 得戛 and
		// 大河, and 3 groups.
		gen, grp := 0, 0
		for _, n := range p.General {
			gen += n
		}
		for _, n := range p.Groups {
			grp += n
		}
		if gen != 7 || grp != 12 || p.General[sites.StatusAccepted] != 1 || p.Groups[sites.StatusAccepted] != 1 {
			t.Fatalf("general %v groups %v", p.General, p.Groups)
		}
		_, err = w.svc.Progress(w.ctx, w.haidan, w.Town.Town.ID)
		want.Kind(t, err, apperr.KindNotFound)
	})
}

// The town registers plans; a site's own subsidy needs its reason and
// moves the reconciliation; a budget takes known sources only. Each
// change leaves one audit record.
func TestPlansOverridesBudgets(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		town := w.Town.Town.ID
		audits := func(action string) int {
			t.Helper()
			var n int
			if err := d.QueryRow(`SELECT COUNT(*) FROM audit_log WHERE action = $1`, action).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		_, err := w.svc.CreatePlan(w.ctx, w.haidan, sites.NewPlan{TownID: town, Year: 2027, Title: "规划", Declared: 100 * sites.Wan})
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.CreatePlan(w.ctx, w.accountant, sites.NewPlan{TownID: town, Year: 1999, Title: "", Declared: -1})
		want.Field(t, err, "year", "site.year_range")
		want.Field(t, err, "title", "error.required")
		want.Field(t, err, "declared", "site.amount_range")
		before := audits("site.plan")
		p, err := w.svc.CreatePlan(w.ctx, w.accountant, sites.NewPlan{TownID: town, Year: 2027, Title: "2027年阵地提升", Declared: 120 * sites.Wan})
		want.OK(t, err)
		plans, err := w.svc.Plans(w.ctx, w.admin, town)
		want.OK(t, err)
		if len(plans) != 2 || plans[0].ID != p.ID || audits("site.plan") != before+1 {
			t.Fatalf("plans %+v", plans)
		}

		daping := w.siteOf(t, "大坪村党总支")
		due := func() sites.Fen {
			rc, err := w.svc.Reconcile(w.ctx, w.admin, w.plan.ID)
			want.OK(t, err)
			return rc.Due
		}
		if due() != 417*sites.Wan {
			t.Fatalf("due %s", due())
		}
		amount := 45 * sites.Wan
		_, err = w.svc.SetOverride(w.ctx, w.accountant, daping.ID, &amount, " ")
		want.Field(t, err, "override_reason", "error.required")
		_, err = w.svc.SetOverride(w.ctx, w.haidan, daping.ID, &amount, "x")
		want.Kind(t, err, apperr.KindNotFound)
		before = audits("site.override")
		x, err := w.svc.SetOverride(w.ctx, w.accountant, daping.ID, &amount, "县财政复核后核定 45 万元")
		want.OK(t, err)
		if *x.Override != amount || due() != 412*sites.Wan || audits("site.override") != before+1 {
			t.Fatalf("override %+v, due %s", x, due())
		}
		x, err = w.svc.SetOverride(w.ctx, w.admin, daping.ID, nil, "ignored")
		want.OK(t, err)
		if x.Override != nil || x.OverrideReason != "" || due() != 463*sites.Wan {
			t.Fatalf("back to the schedule: %+v, due %s", x, due())
		}

		haidan := w.siteOf(t, "海丹村党总支")
		_, err = w.svc.SetBudget(w.ctx, w.haidan, haidan.ID, []sites.BudgetLine{{Source: "bank", Amount: 1}})
		want.Field(t, err, "source", "site.source_unknown")
		lines, err := w.svc.SetBudget(w.ctx, w.haidan, haidan.ID, []sites.BudgetLine{{Source: sites.SourceSelf, Amount: 5 * sites.Wan},
			{Source: sites.SourceCounty, Amount: 96 * sites.Wan}, {Source: sites.SourceTown, Amount: 0}})
		want.OK(t, err)
		if len(lines) != 2 || lines[0].Source != sites.SourceCounty {
			t.Fatalf("budget %+v", lines)
		}
	})
}
