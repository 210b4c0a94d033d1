package demo

import (
	"context"

	"dangjian/internal/day"
	"dangjian/internal/services"
	"dangjian/internal/sites"
)

func init() { register("sites", loadSites) }

// PlanDeclared is the total investment the seed's plan declares: 380万元.
const PlanDeclared = 380 * sites.Wan

// seedSite is one site the plan names.
type seedSite struct {
	org      string // a village's short name or a group's name
	kind     sites.Kind
	override sites.Fen // 0: the schedule
}

// SeedSites are the plan's sites in its order: the new general-branch
// sites 民家, 海戛, 海丹, 大坪 (大坪 subsidised 50万元 instead of 96万元),
// the renovated 岩头 site, the new group sites 民家一组, 民家二组,
// 得戛一组…四组 and the renovated 秧田冲, 迤老黑, 大树脚.
var SeedSites = []seedSite{
	{"民家", sites.KindNew, 0}, {"海戛", sites.KindNew, 0}, {"海丹", sites.KindNew, 0}, {"大坪", sites.KindNew, 50 * sites.Wan},
	{"岩头", sites.KindRenovate, 0},
	{"民家一组", sites.KindNew, 0}, {"民家二组", sites.KindNew, 0},
	{"得戛一组", sites.KindNew, 0}, {"得戛二组", sites.KindNew, 0}, {"得戛三组", sites.KindNew, 0}, {"得戛四组", sites.KindNew, 0},
	{"秧田冲", sites.KindRenovate, 0}, {"迤老黑", sites.KindRenovate, 0}, {"大树脚", sites.KindRenovate, 0},
}

// NewGeneralSpec is each new general-branch site: 1 main building, 2
// annexes, 2,000 m² of land, 1,558 m² of floor area.
var NewGeneralSpec = sites.Spec{MainBuildings: 1, Annexes: 2, LandM2: 2000, FloorM2: 1558}

// loadSites registers the plan with its declared 380万元 and its
// fourteen sites, budgets their county subsidy, and tells their story:
// the general-branch sites started a year ago, 民家 and 海戛 are built and
// 民家 accepted, the county paid most of what it owes but not all, so the
// reconciliation shows money outstanding beside the 37万元 difference.
// Some of the other villages' sites (辐射带动) are under way too.
func loadSites(ctx context.Context, svc services.Services, t *Town) error {
	today := day.Today(svc.Clock)
	plan, err := svc.Sites.CreatePlan(ctx, nil, sites.NewPlan{TownID: t.Town.ID, Year: today.Year() - 1,
		Title: "党建示范镇活动阵地建设", Declared: PlanDeclared})
	if err != nil {
		return err
	}
	for i, ss := range SeedSites {
		o, ok := t.Villages[ss.org]
		if !ok {
			o = t.Groups[ss.org]
		}
		in := sites.NewSite{PlanID: plan.ID, OrgID: o.ID, Kind: ss.kind}
		if _, general := t.Villages[ss.org]; general && ss.kind == sites.KindNew {
			in.Spec = NewGeneralSpec
		}
		if ss.override != 0 {
			in.Override, in.OverrideReason = &ss.override, "县财政按大坪实际核定补助 50 万元"
		}
		x, err := svc.Sites.AddSite(ctx, nil, in)
		if err != nil {
			return err
		}
		v, err := svc.Sites.Site(ctx, nil, x.ID)
		if err != nil {
			return err
		}
		if _, err := svc.Sites.SetBudget(ctx, nil, x.ID, []sites.BudgetLine{{Source: sites.SourceCounty, Amount: v.SubsidyDue},
			{Source: sites.SourceVillage, Amount: v.SubsidyDue / 10}}); err != nil {
			return err
		}
		if err := siteStory(ctx, svc, x, v.SubsidyDue, i, today); err != nil {
			return err
		}
	}
	// Sites the plan leads: the general branches of 得戛 and 大河 and a
	// few groups of 大河 are under way without the plan's subsidy.
	for i, name := range []string{"得戛", "大河", "大河一组", "大河二组", "恩乐一组"} {
		o, ok := t.Villages[name]
		if !ok {
			o = t.Groups[name]
		}
		x, err := svc.Sites.AddSite(ctx, nil, sites.NewSite{OrgID: o.ID, Kind: sites.KindRenovate, Note: "辐射带动建设"})
		if err != nil {
			return err
		}
		if i%2 == 0 {
			if _, err := svc.Sites.AddMilestone(ctx, nil, sites.NewMilestone{SiteID: x.ID, OnDate: today.AddDays(-60 - i*10),
				Stage: sites.StageStarted, Title: "开工"}); err != nil {
				return err
			}
		}
	}
	return nil
}

// siteStory dates the i-th site's construction and payments relative to
// today: general-branch sites started 14 months ago, groups 10; the
// county paid 60% on starting and the rest on completion.
func siteStory(ctx context.Context, svc services.Services, x sites.Site, due sites.Fen, i int, today day.Day) error {
	started := today.AddMonths(-10).AddDays(-i)
	if x.Level == sites.LevelGeneral {
		started = today.AddMonths(-14).AddDays(-i)
	}
	if i == 3 || i == 13 { // 大坪 and 大树脚 have not started yet
		return nil
	}
	steps := []sites.NewMilestone{{OnDate: started, Stage: sites.StageStarted, Title: "开工奠基"},
		{OnDate: started.AddMonths(3), Title: "主体结构封顶", Note: "主楼一层、二层浇筑完成"}}
	completed := i <= 1 || (i >= 5 && i <= 8) || i == 11 || i == 4
	if completed {
		steps = append(steps, sites.NewMilestone{OnDate: started.AddMonths(8), Stage: sites.StageCompleted, Title: "竣工", Note: "附属设施完工"})
	}
	for _, m := range steps {
		m.SiteID = x.ID
		if _, err := svc.Sites.AddMilestone(ctx, nil, m); err != nil {
			return err
		}
	}
	first := due * 6 / 10
	if _, err := svc.Sites.RecordDisbursement(ctx, nil, sites.NewDisbursement{SiteID: x.ID, Source: sites.SourceCounty,
		Amount: first, PaidOn: started.AddDays(20), Voucher: "县财补一期", Note: "开工拨付 60%"}); err != nil {
		return err
	}
	if completed && i != 1 && i != 6 { // 海戛 and 民家二组 still wait for their balance
		if _, err := svc.Sites.RecordDisbursement(ctx, nil, sites.NewDisbursement{SiteID: x.ID, Source: sites.SourceCounty,
			Amount: due - first, PaidOn: started.AddMonths(9), Voucher: "县财补二期", Note: "竣工拨付余款"}); err != nil {
			return err
		}
	}
	if i == 0 || i == 5 { // 民家 and 民家一组 are accepted
		if _, err := svc.Sites.Accept(ctx, nil, x.ID, started.AddMonths(9), "县委组织部、镇党委联合验收合格"); err != nil {
			return err
		}
	}
	return nil
}
