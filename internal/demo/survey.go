package demo

import (
	"context"
	"fmt"

	"dangjian/internal/day"
	"dangjian/internal/services"
	"dangjian/internal/survey"
)

// The credibility survey demo: last year every village's 两委 was
// surveyed in November and the survey closed at the month's end. In 块泽,
// whose finances had been flagged 软弱涣散, villagers rated the director
// low: flagged for 甄别, and the town adjusted his duties. In 海丹 the
// 人大代表 and 政协委员 were too few to be shown even together. This
// year's surveys are under way in 民家 and 海丹, a part of the slips
// answered.
func init() { register("survey", loadSurveys) }

// surveyAnswers are how many of each group answer in a village.
var surveyAnswers = map[survey.Group]int{survey.GroupCadre: 8, survey.GroupPartyRep: 6, survey.GroupNPCRep: 3,
	survey.GroupCPPCC: 2, survey.GroupPublic: 20}

func loadSurveys(ctx context.Context, svc services.Services, t *Town) error {
	today := day.Today(svc.Clock)
	last := today.Year() - 1
	for i, v := range Villages {
		answers := surveyAnswers
		if v.Name == "海丹" {
			answers = map[survey.Group]int{survey.GroupCadre: 8, survey.GroupPartyRep: 6, survey.GroupNPCRep: 2,
				survey.GroupCPPCC: 2, survey.GroupPublic: 20}
		}
		sh, err := surveyYear(ctx, svc, t, v.Name, last, day.New(last, 11, 10), answers, i)
		if err != nil {
			return fmt.Errorf("demo survey of %s: %w", v.Name, err)
		}
		if _, err := svc.Survey.Close(ctx, nil, sh.Survey.ID, day.New(last, 11, 30)); err != nil {
			return err
		}
		if v.Name == "块泽" {
			if err := surveyReview(ctx, svc, sh, day.New(last, 12, 15)); err != nil {
				return err
			}
		}
	}
	opened := today.AddDays(-12)
	for i, name := range []string{"民家", "海丹"} {
		if _, err := surveyYear(ctx, svc, t, name, today.Year(), opened, map[survey.Group]int{survey.GroupCadre: 5,
			survey.GroupPublic: 12 + 5*i}, 100+i); err != nil {
			return fmt.Errorf("demo survey of %s: %w", name, err)
		}
	}
	return nil
}

// surveyYear opens a village's survey, prints slips for each group (a
// few more than answer) and answers them with the village's pattern.
func surveyYear(ctx context.Context, svc services.Services, t *Town, village string, year int, opened day.Day,
	answers map[survey.Group]int, seed int) (survey.Sheet, error) {
	sh, err := svc.Survey.Open(ctx, nil, survey.NewSurvey{OrgID: t.Villages[village].ID, Year: year, OpenedOn: opened})
	if err != nil {
		return sh, err
	}
	for _, g := range survey.Groups {
		n := answers[g]
		if n == 0 {
			continue
		}
		is, err := svc.Survey.IssueCodes(ctx, nil, sh.Survey.ID, g, n+2)
		if err != nil {
			return sh, err
		}
		for k, c := range is.Codes[:n] {
			ratings := map[int64]survey.Rating{}
			for j, s := range sh.Subjects {
				ratings[s.ID] = demoRating(village, s, seed*31+k*7+j*3+len(g))
			}
			if err := svc.Survey.Answer(ctx, c, ratings); err != nil {
				return sh, err
			}
		}
	}
	return sh, nil
}

// demoRating is mostly 满意, some 基本满意, a few 不满意; 块泽's director
// mostly 不满意.
func demoRating(village string, s survey.Subject, n int) survey.Rating {
	if village == "块泽" && s.Kind == survey.SubjectPerson && len(s.Posts) > 0 && s.Posts[0] == "director" {
		if n%4 == 0 {
			return survey.Basic
		}
		return survey.Dissatisfied
	}
	switch n % 10 {
	case 0:
		return survey.Dissatisfied
	case 1, 2, 3:
		return survey.Basic
	}
	return survey.Satisfied
}

// surveyReview records the 甄别 of 块泽's flagged subjects.
func surveyReview(ctx context.Context, svc services.Services, sh survey.Sheet, on day.Day) error {
	res, err := svc.Survey.Results(ctx, nil, sh.Survey.ID)
	if err != nil {
		return err
	}
	flagged := 0
	for _, s := range res.Subjects {
		if !s.Flagged {
			continue
		}
		flagged++
		if _, err := svc.Survey.RecordFollowup(ctx, nil, survey.NewFollowup{SubjectID: s.ID, Action: survey.ActionAdjusted,
			Note: "镇党委组织甄别：群众对财务管理意见较大，经谈话提醒，调整分工，财务工作改由副主任分管，限期整改。", DecidedOn: on}); err != nil {
			return err
		}
	}
	if flagged == 0 {
		return fmt.Errorf("块泽's survey flagged nobody")
	}
	return nil
}
