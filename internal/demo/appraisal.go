package demo

import (
	"context"
	"fmt"
	"slices"

	"dangjian/internal/appraisal"
	"dangjian/internal/day"
	"dangjian/internal/services"
)

// The 双述双评 demo: this year every village's 两委 cadres gave their 述职
// and 述廉 reports in the week before last and were rated by the party
// members, the villager representatives and the town, the ballots
// counted on the spot. In 块泽, whose finances had been flagged 软弱涣散,
// the director was rated 不称职 last year too: two rounds in a row, so
// the round flags him for removal (组织法 art. 33).
func init() { register("appraisal", loadAppraisals) }

// appraisalBallots are how many ballots each rater group counts.
var appraisalBallots = map[appraisal.Group]int{appraisal.GroupMember: 38, appraisal.GroupRepresentative: 21, appraisal.GroupTown: 7}

func loadAppraisals(ctx context.Context, svc services.Services, t *Town) error {
	today := day.Today(svc.Clock)
	year, held := today.Year(), today.AddDays(-9)
	if held.Year() != year {
		held = day.New(year, 1, 1)
	}
	if err := appraisalYear(ctx, svc, t, "块泽", year-1, day.New(year-1, 12, 18), 99); err != nil {
		return err
	}
	for i, v := range Villages {
		if err := appraisalYear(ctx, svc, t, v.Name, year, held, i); err != nil {
			return err
		}
	}
	return nil
}

// appraisalYear holds one village's round: reports, then each group's
// counted totals, in a pattern that varies by village and cadre.
func appraisalYear(ctx context.Context, svc services.Services, t *Town, village string, year int, held day.Day, seed int) error {
	sh, err := svc.Assess.Open(ctx, nil, appraisal.NewRound{OrgID: t.Villages[village].ID, Year: year, HeldOn: held})
	if err != nil {
		return fmt.Errorf("demo appraisal of %s: %w", village, err)
	}
	for j, res := range sh.Results {
		c := res.Cadre
		for _, rp := range []appraisal.ReportInput{
			{Kind: appraisal.ReportDuty, On: held, Text: fmt.Sprintf("%d 年，本人围绕党务工作、经济发展、社会稳定和重点项目建设履职：%s。", year, dutyLine(j))},
			{Kind: appraisal.ReportIntegrity, On: held, Text: "严格执行廉洁自律各项规定，村级财务“一支笔”审批和集体审批按制度办理，未收受礼金。"},
		} {
			if _, err := svc.Assess.Report(ctx, nil, c.ID, rp); err != nil {
				return err
			}
		}
		low := village == "块泽" && slices.Contains(c.Posts, "director")
		for k, g := range appraisal.Groups {
			n := appraisalBallots[g]
			tl := appraisal.Tally{Group: g, Ballots: n, Sums: map[string]int{}}
			for x, cr := range appraisal.Criteria() {
				p := 74 + (seed*7+j*11+k*5+x*3)%21 // 74–94
				if low {
					p = 48 + (j+k+x)%9 // 48–56
				}
				tl.Sums[cr.Key()] = p * n
			}
			if _, err := svc.Assess.Record(ctx, nil, c.ID, tl); err != nil {
				return fmt.Errorf("demo appraisal of %s, %s: %w", village, c.Name, err)
			}
		}
	}
	return nil
}

var dutyLines = []string{"带领完成党员发展和“三会一课”，推进产业路硬化", "组织烤烟、魔芋种植，调解矛盾纠纷 12 起",
	"落实防返贫监测，完成活动场所新建", "抓好妇女儿童工作和人居环境整治"}

func dutyLine(j int) string { return dutyLines[j%len(dutyLines)] }
