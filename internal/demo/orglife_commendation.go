package demo

import (
	"context"
	"fmt"

	"dangjian/internal/commendation"
	"dangjian/internal/day"
	"dangjian/internal/services"
)

// The commendation demo runs after the roster and its 民主评议
// (members*.go sort before this file): last year every general branch commended its
// outstanding members through the four steps, within its quota. This
// year 民家 has finished, 海丹 has recommended its list (one of its
// members under a warning since the summer cannot be commended) and 海戛
// has held its branch meetings.
func init() { register("commendation", loadCommendations) }

func loadCommendations(ctx context.Context, svc services.Services, t *Town) error {
	today := day.Today(svc.Clock)
	last := today.Year() - 1
	for i, v := range Villages {
		dates := []day.Day{day.New(last, 11, 5), day.New(last, 11, 12), day.New(last, 11, 18), day.New(last, 11, 26)}
		if err := commendationYear(ctx, svc, t.Villages[v.Name].ID, last, dates, 4, i); err != nil {
			return fmt.Errorf("demo commendation of %s: %w", v.Name, err)
		}
	}
	var warned int64
	if err := svc.DB.QueryRowContext(ctx, `SELECT COALESCE(MIN(id), 0) FROM members WHERE org_id = $1 AND status = 'full'`,
		t.Groups["海丹三组"].ID).Scan(&warned); err != nil {
		return err
	}
	if warned != 0 {
		if _, err := svc.Commend.RecordDiscipline(ctx, nil, commendation.NewDiscipline{MemberID: warned,
			Kind: commendation.DisciplineWarning, DecidedOn: today.AddMonths(-5), Note: "违规占用集体土地建房，党内警告。"}); err != nil {
			return err
		}
	}
	dates := []day.Day{today.AddDays(-24), today.AddDays(-17), today.AddDays(-10), today.AddDays(-3)}
	for i, s := range []struct {
		village string
		steps   int
	}{{"民家", 4}, {"海丹", 2}, {"海戛", 1}} {
		if err := commendationYear(ctx, svc, t.Villages[s.village].ID, today.Year(), dates, s.steps, 20+i); err != nil {
			return fmt.Errorf("demo commendation of %s: %w", s.village, err)
		}
	}
	return nil
}

// commendationYear runs the first steps of a general branch's year: the
// branch meetings review twice the quota, the branches recommend the
// quota less one or two, the general branch keeps them all, and the
// assembly elects all but one.
func commendationYear(ctx context.Context, svc services.Services, orgID int64, year int, dates []day.Day, steps, seed int) error {
	sh, err := svc.Commend.Start(ctx, nil, orgID, year)
	if err != nil {
		return err
	}
	c := sh.Commendation
	var eligible []int64
	for _, cd := range sh.Candidates {
		if cd.Eligible {
			eligible = append(eligible, cd.MemberID)
		}
	}
	if c.Quota == 0 || len(eligible) == 0 {
		return nil // a town loaded without its members
	}
	lists := [][]int64{
		eligible[:min(len(eligible), 2*c.Quota)],
		eligible[:max(1, c.Quota-1-seed%2)],
	}
	lists = append(lists, lists[1], lists[1][:max(1, len(lists[1])-1)])
	n := c.MembersN
	meetings := []struct{ expected, present int }{{n, n * 85 / 100}, {9, 8}, {7, 7}, {n, n * 80 / 100}}
	for k := range steps {
		m := meetings[k]
		vs := make([]commendation.Vote, len(lists[k]))
		for j, id := range lists[k] {
			vs[j] = commendation.Vote{MemberID: id, Votes: m.present - (j+seed)%3}
		}
		if _, err := svc.Commend.RecordStep(ctx, nil, c.ID, commendation.StepInput{Step: commendation.Steps[k], HeldOn: dates[k],
			Expected: m.expected, Present: m.present, Votes: vs}); err != nil {
			return err
		}
	}
	return nil
}
