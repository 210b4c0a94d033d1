package commendation_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/commendation"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/disclosure"
	"dangjian/internal/members/memberstest"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// fakeDrafter keeps the drafts it is handed.
type fakeDrafter struct{ drafts []disclosure.Draft }

func (f *fakeDrafter) Draft(_ context.Context, _ *sql.Tx, _ *auth.Actor, d disclosure.Draft) (int64, error) {
	f.drafts = append(f.drafts, d)
	return int64(100 + len(f.drafts)), nil
}

type world struct {
	*memberstest.World
	svc     *commendation.Service
	drafter *fakeDrafter
	ids     []int64 // 海丹's 47 members: 24 in 一组, 23 in 二组
}

func newWorld(t *testing.T, d *db.DB) *world {
	w := &world{World: memberstest.NewWorld(t, d, testkit.Clock(), testkit.Key), drafter: &fakeDrafter{}}
	w.svc = commendation.NewService(d, w.Clock, w.drafter)
	for i := range 47 {
		branch := w.HD1
		if i >= 24 {
			branch = w.HD2
		}
		w.ids = append(w.ids, w.Full(branch, fmt.Sprintf("党员%02d", i)))
	}
	w.Full(w.HG1, "海戛党员")
	return w
}

// votes lists members with n votes each.
func votes(ids []int64, n int) []commendation.Vote {
	out := make([]commendation.Vote, len(ids))
	for i, id := range ids {
		out[i] = commendation.Vote{MemberID: id, Votes: n}
	}
	return out
}

func TestQuota(t *testing.T) {
	for n, q := range map[int]int{47: 9, 128: 25, 50: 10, 4: 0, 5: 1, 49: 9} {
		if got := commendation.Quota(n); got != q {
			t.Errorf("Quota(%d) = %d, want %d", n, got, q)
		}
	}
}

func TestCommendationSteps(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := w.Ctx
		// 党员00 graded 不合格 in 2026, 党员01 under a warning from 2025-06.
		if _, err := d.Exec(`INSERT INTO member_evaluations(town_id, org_id, member_id, year, grade, held_on, created_at)
			VALUES ($1, $2, $3, 2026, 'unqualified', $4, $5)`, w.HD1.TownID, w.HD1.ID, w.ids[0], day.New(2026, 1, 10), w.Clock.Now()); err != nil {
			t.Fatal(err)
		}
		_, err := w.svc.RecordDiscipline(ctx, w.HaigaLeader, commendation.NewDiscipline{MemberID: w.ids[1],
			Kind: commendation.DisciplineWarning, DecidedOn: day.New(2025, 6, 1)})
		want.Kind(t, err, apperr.KindNotFound)
		disc, err := w.svc.RecordDiscipline(ctx, w.HaidanLeader, commendation.NewDiscipline{MemberID: w.ids[1],
			Kind: commendation.DisciplineWarning, DecidedOn: day.New(2025, 6, 1), Note: "违规操办婚宴"})
		want.OK(t, err)
		if disc.UntilOn != day.New(2026, 6, 1) {
			t.Fatalf("a warning runs a year: until %s", disc.UntilOn)
		}

		_, err = w.svc.Start(ctx, w.HaidanLeader, w.HD1.ID, 2026)
		want.Rule(t, err, "commendation.general_branch_only")
		_, err = w.svc.Start(ctx, w.HaigaLeader, w.Haidan.ID, 2026)
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.Start(ctx, w.Sec1, w.Haidan.ID, 2026)
		want.Kind(t, err, apperr.KindNotFound) // a branch secretary reads below the village, not the village's record
		sh, err := w.svc.Start(ctx, w.HaidanLeader, w.Haidan.ID, 2026)
		want.OK(t, err)
		c := sh.Commendation
		if c.MembersN != 47 || c.Quota != 9 || len(sh.Candidates) != 47 || !sh.Publishing {
			t.Fatalf("commendation %+v, %d candidates", c, len(sh.Candidates))
		}
		if sh.Candidates[0].Eligible || sh.Candidates[0].Reason != "unqualified" || sh.Candidates[1].Reason != "discipline" {
			t.Fatalf("candidates %+v %+v", sh.Candidates[0], sh.Candidates[1])
		}
		_, err = w.svc.Start(ctx, w.Admin, w.Haidan.ID, 2026)
		want.Kind(t, err, apperr.KindConflict)

		step := func(s commendation.Step, on day.Day, expected, present int, v []commendation.Vote) error {
			_, err := w.svc.RecordStep(ctx, w.HaidanLeader, c.ID, commendation.StepInput{Step: s, HeldOn: on,
				Expected: expected, Present: present, Votes: v})
			return err
		}
		// Out of order: the audit before the review.
		err = step(commendation.StepGeneralAudit, day.New(2026, 11, 1), 7, 7, votes(w.ids[2:5], 7))
		want.Rule(t, err, "commendation.step_order", "下一步是“支部会议民主评议”")
		// Step 1: the ineligible refused by name; quorum; majority.
		err = step(commendation.StepBranchReview, day.New(2026, 11, 2), 47, 40, votes(w.ids[0:12], 30))
		want.Rule(t, err, "commendation.ineligible", "党员00、党员01")
		err = step(commendation.StepBranchReview, day.New(2026, 11, 2), 47, 23, votes(w.ids[2:14], 20))
		want.Rule(t, err, "commendation.quorum")
		err = step(commendation.StepBranchReview, day.New(2026, 11, 2), 47, 40, votes(w.ids[2:14], 20))
		want.Rule(t, err, "commendation.majority")
		var haiga int64
		want.OK(t, d.QueryRow(`SELECT id FROM members WHERE name = '海戛党员'`).Scan(&haiga))
		err = step(commendation.StepBranchReview, day.New(2026, 11, 2), 47, 40, append(votes(w.ids[2:13], 30), commendation.Vote{MemberID: haiga, Votes: 30}))
		want.Field(t, err, "votes", "commendation.not_member")
		err = step(commendation.StepBranchReview, day.New(2026, 11, 2), 47, 40, append(votes(w.ids[2:13], 30), commendation.Vote{MemberID: 999999, Votes: 30}))
		want.Field(t, err, "votes", "commendation.not_member")
		// 12 candidates from the branch meetings (no quota at this step).
		want.OK(t, step(commendation.StepBranchReview, day.New(2026, 11, 2), 47, 40, votes(w.ids[2:14], 30)))
		// Step 2: 10 is over the quota of 9.
		err = step(commendation.StepBranchRecommend, day.New(2026, 11, 5), 7, 6, votes(w.ids[2:12], 5))
		want.Rule(t, err, "commendation.quota", "党员 47 人，表彰名额最多 9 人", "本步名单 10 人")
		// Only those who passed step 1.
		err = step(commendation.StepBranchRecommend, day.New(2026, 11, 5), 7, 6, votes(w.ids[10:19], 5))
		want.Rule(t, err, "commendation.not_passed")
		err = step(commendation.StepBranchRecommend, day.New(2026, 11, 1), 7, 6, votes(w.ids[2:11], 5))
		want.Rule(t, err, "commendation.date_order")
		want.OK(t, step(commendation.StepBranchRecommend, day.New(2026, 11, 5), 7, 6, votes(w.ids[2:11], 5)))
		want.OK(t, step(commendation.StepGeneralAudit, day.New(2026, 11, 10), 7, 7, votes(w.ids[2:10], 7)))
		if len(w.drafter.drafts) != 0 {
			t.Fatal("published before the election")
		}
		sh, err = w.svc.RecordStep(ctx, w.HaidanLeader, c.ID, commendation.StepInput{Step: commendation.StepGeneralElection,
			HeldOn: day.New(2026, 11, 20), Expected: 47, Present: 41, Votes: votes(w.ids[2:9], 35)})
		want.OK(t, err)
		if !sh.Commendation.Done() || sh.Commendation.DisclosureItem != 101 || len(sh.Steps) != 4 || len(sh.Steps[3].Passed) != 7 {
			t.Fatalf("done %+v", sh.Commendation)
		}
		dr := w.drafter.drafts[0]
		if dr.Category != disclosure.Party || dr.OrgID != w.Haidan.ID || dr.Period != "2026" ||
			!strings.Contains(dr.Body, "党员 47 人，表彰名额最多 9 人") || !strings.Contains(dr.Body, "党员02 | 海丹一组党支部 | 35") {
			t.Fatalf("draft %+v", dr)
		}
		err = step(commendation.StepGeneralElection, day.New(2026, 11, 21), 47, 41, votes(w.ids[2:9], 35))
		want.Rule(t, err, "commendation.finished")

		// Reading: the village's secretary of a branch sees it; 海戛 does not.
		_, err = w.svc.Get(ctx, w.HaigaLeader, c.ID)
		want.Kind(t, err, apperr.KindNotFound)
		list, err := w.svc.List(ctx, w.Admin, commendation.Filter{})
		want.OK(t, err)
		if len(list) != 1 {
			t.Fatalf("list %+v", list)
		}
		// Without a Drafter, the result is not published, and the sheet says so.
		bare := commendation.NewService(d, w.Clock, nil)
		got, err := bare.Get(ctx, w.Admin, c.ID)
		want.OK(t, err)
		if got.Publishing {
			t.Fatal("publishing without a drafter")
		}
	})
}
