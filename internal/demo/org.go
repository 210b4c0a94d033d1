package demo

import (
	"context"
	"fmt"

	"dangjian/internal/day"
	"dangjian/internal/org"
	"dangjian/internal/services"
)

func init() { register("org", loadOrgWork) }

// loadOrgWork tells the plan's story of the organisations themselves:
// 软弱涣散 organisations under rectification (one overdue, one whose
// secretary has been changed, one closed), two villages whose secretary
// was elected director as well (一肩挑), and posts left vacant. Dates are
// relative to today so the demo reads the same whenever it is loaded.
func loadOrgWork(ctx context.Context, svc services.Services, t *Town) error {
	today := day.Today(svc.Clock)
	ago := func(months int) day.Day { return today.AddMonths(-months) }
	reader := systemReader(t)
	post := func(o org.Org, code string) (org.Post, error) {
		posts, err := svc.Org.Posts(ctx, reader, o.ID)
		if err != nil {
			return org.Post{}, err
		}
		for _, p := range posts {
			if p.Code == code {
				return p, nil
			}
		}
		return org.Post{}, fmt.Errorf("demo: %s has no post %s", o.Name, code)
	}

	// 得戛三组: flagged, deadline passed, secretary not yet changed.
	if _, err := svc.Org.Flag(ctx, nil, org.NewWeakFlag{OrgID: t.Groups["得戛三组"].ID, FlaggedOn: ago(8),
		Reason:   "“三会一课”长期不落实，组织生活不正常；支部班子不团结，群众反映强烈。",
		Plan:     "镇党委班子成员挂钩联系；调整支部书记；每月召开支委会，每季度召开党员大会并上党课；三个月内完成整改并报镇党委验收。",
		Deadline: ago(2)}); err != nil {
		return err
	}
	// 坡头: flagged, secretary changed a month later, still within its deadline.
	potou := t.Villages["坡头"]
	if _, err := svc.Org.Flag(ctx, nil, org.NewWeakFlag{OrgID: potou.ID, FlaggedOn: ago(5),
		Reason:   "党总支书记年龄偏大、带富能力弱，集体经济空壳，矛盾纠纷调处不及时。",
		Plan:     "选好配强党总支书记；发展魔芋种植专业合作社壮大集体经济；建立村干部接待日和民情恳谈制度。",
		Deadline: today.AddMonths(4)}); err != nil {
		return err
	}
	sec, err := post(potou, "secretary")
	if err != nil {
		return err
	}
	if _, err := svc.Org.Assign(ctx, nil, org.Assignment{PostID: sec.ID, HolderName: "罗志强", StartedOn: ago(4),
		Note: "软弱涣散整顿，书记调整（返乡创业人员，魔芋种植能手）"}); err != nil {
		return err
	}
	// 块泽: an earlier rectification, closed.
	kz, err := svc.Org.Flag(ctx, nil, org.NewWeakFlag{OrgID: t.Villages["块泽"].ID, FlaggedOn: ago(20),
		Reason:   "村务公开不及时，群众对财务有疑问。",
		Plan:     "按月公开财务，落实村务监督委员会审核；镇三资代理服务中心清理往来账目。",
		Deadline: ago(14)})
	if err != nil {
		return err
	}
	if _, err := svc.Org.CloseWeak(ctx, nil, org.WeakClosing{FlagID: kz.ID, ClosedOn: ago(13),
		Note: "财务按月公开十二期，往来账目清理完毕，经镇党委验收销号。"}); err != nil {
		return err
	}

	// 一肩挑: the secretary was also elected director.
	for _, v := range []string{"民家", "大坪"} {
		sec, err := post(t.Villages[v], "secretary")
		if err != nil {
			return err
		}
		dir, err := post(t.Villages[v], "director")
		if err != nil {
			return err
		}
		if _, err := svc.Org.Assign(ctx, nil, org.Assignment{PostID: dir.ID, HolderName: sec.Holder.HolderName,
			StartedOn: ago(12), Note: "依法当选村委会主任，书记、主任一肩挑"}); err != nil {
			return err
		}
	}

	// Vacancies the town office is to fill.
	for _, v := range []struct{ village, code string }{{"海戛", "forest_ranger"}, {"大坪", "youth_secretary"}} {
		p, err := post(t.Villages[v.village], v.code)
		if err != nil {
			return err
		}
		if err := svc.Org.Vacate(ctx, nil, p.ID, ago(3)); err != nil {
			return err
		}
	}
	return nil
}
