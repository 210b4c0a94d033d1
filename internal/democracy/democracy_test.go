package democracy_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/democracy"
	"dangjian/internal/disclosure"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// world is the demo town with a fresh village matter to walk.
type world struct {
	env  *testkit.Env
	svc  *democracy.Service
	ctx  context.Context
	vid  int64
	town int64
}

func newWorld(t *testing.T, d *db.DB) *world {
	env := testkit.Start(t, d)
	return &world{env: env, svc: env.Svc.Democracy, ctx: context.Background(), vid: env.Town.Villages["海丹"].ID,
		town: env.Town.Town.ID}
}

func (w *world) today() day.Day { return day.Today(w.env.Clock) }

func TestMatterSixSteps(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		leader := w.env.ActorFor(t, "admin") // 沙田 has no village account; the demo leaves it untouched
		vid := w.env.Town.Villages["沙田"].ID
		other := w.env.ActorFor(t, "haiga")
		today := w.today()
		on := today.AddDays(-40)

		m, err := w.svc.CreateMatter(w.ctx, leader, democracy.NewMatter{OrgID: vid, Title: "硬化三组村道", AmountFen: 12_000_000})
		want.OK(t, err)
		_, err = w.svc.CreateMatter(w.ctx, other, democracy.NewMatter{OrgID: vid, Title: "x"})
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.GetMatter(w.ctx, other, m.ID)
		want.Kind(t, err, apperr.KindNotFound)

		// Out of order: the 两委会 before the branch's proposal.
		_, err = w.svc.RecordStep(w.ctx, leader, democracy.StepInput{MatterID: m.ID, Step: 2, HeldOn: on, Present: 1, Yes: 1})
		want.Rule(t, err, democracy.RuleStepOrder, "第 2 步", "第 1 步")

		// Step 1: 应到 is the village's party post holders.
		step := func(in democracy.StepInput) (democracy.Matter, error) {
			in.MatterID = m.ID
			return w.svc.RecordStep(w.ctx, leader, in)
		}
		m, err = step(democracy.StepInput{Step: 1, HeldOn: on, Present: 0})
		e := want.Rule(t, err, democracy.RuleQuorumBranchCommittee)
		expected := e.Params["expected"].(int)
		if expected < 2 {
			t.Fatalf("branch committee expected %d", expected)
		}
		m, err = step(democracy.StepInput{Step: 1, HeldOn: on, Present: expected, Yes: expected})
		want.OK(t, err)
		if m.Stage != 1 || m.Records[0].Expected != expected || m.Records[0].Rules[democracy.RuleQuorumBranchCommittee].Den != 2 {
			t.Fatalf("after step 1: %+v", m)
		}
		// 两委: present all, majority missed.
		m2, err := step(democracy.StepInput{Step: 2, HeldOn: on.AddDays(-1), Present: 1, Yes: 1})
		want.Rule(t, err, democracy.RuleStepDate)
		_ = m2
		_, err = step(democracy.StepInput{Step: 2, HeldOn: on, Present: 0})
		two := want.Rule(t, err, democracy.RuleQuorumTwoCommittees).Params["expected"].(int)
		_, err = step(democracy.StepInput{Step: 2, HeldOn: on, Present: two, Yes: two / 2, No: two - two/2})
		want.Rule(t, err, democracy.RuleDecisionTwoCommittees, "赞成", "未超过实到")
		m, err = step(democracy.StepInput{Step: 2, HeldOn: on, Present: two, Yes: two})
		want.OK(t, err)

		// 党员大会: quorum is more than half of those with a vote; the
		// message carries the numbers.
		_, err = step(democracy.StepInput{Step: 3, HeldOn: on.AddDays(3), Present: 1, Yes: 1})
		e = want.Rule(t, err, democracy.RuleQuorumPartyAssembly, "未超过应到")
		voting := e.Params["expected"].(int)
		if voting < 5 {
			t.Fatalf("voting members %d", voting)
		}
		// Passing needs more than half of ALL with a vote, not of those present.
		present := voting/2 + 1
		_, err = step(democracy.StepInput{Step: 3, HeldOn: on.AddDays(3), Present: present, Yes: present/2 + 1})
		if present/2+1 < voting/2+1 {
			want.Rule(t, err, democracy.RuleDecisionPartyAssembly, "全体有表决权党员")
		}
		m, err = step(democracy.StepInput{Step: 3, HeldOn: on.AddDays(3), Present: voting, Yes: voting})
		want.OK(t, err)
		if _, ok := passed(t, w, m.ID); ok {
			t.Fatal("passed before step 4")
		}

		// 村民代表会议 with its roster; an adjourned meeting is kept.
		for i, sex := range []string{"F", "M", "M"} {
			_, err := w.svc.AddRepresentative(w.ctx, leader, democracy.NewRepresentative{OrgID: vid, Name: "代表" + string(rune('甲'+i)),
				Sex: sex, Households: 10, StartedOn: on})
			want.OK(t, err)
		}
		_, err = step(democracy.StepInput{Step: 4, Body: democracy.BodyRepresentatives, HeldOn: on.AddDays(5), Present: 1, Yes: 1})
		want.Rule(t, err, democracy.RuleQuorumRepresentatives, "实到 1 人，不足应到 3 人的三分之二（需 2 人）")
		m, err = step(democracy.StepInput{Step: 4, Body: democracy.BodyRepresentatives, HeldOn: on.AddDays(5), Present: 1, Outcome: democracy.OutcomeAdjourned})
		want.OK(t, err)
		if m.Stage != 3 || m.Records[len(m.Records)-1].Outcome != democracy.OutcomeAdjourned {
			t.Fatalf("adjourned: %+v", m)
		}
		// The town asks 4/5 from now on: the record keeps the value.
		want.OK(t, w.svc.SetRule(w.ctx, w.env.ActorFor(t, "admin"), w.town, democracy.RuleQuorumRepresentatives,
			democracy.Share{Num: 4, Den: 5}))
		_, err = step(democracy.StepInput{Step: 4, Body: democracy.BodyRepresentatives, HeldOn: on.AddDays(6), Present: 2, Yes: 2})
		want.Rule(t, err, democracy.RuleQuorumRepresentatives, "五分之四", "需 3 人")
		m, err = step(democracy.StepInput{Step: 4, Body: democracy.BodyRepresentatives, HeldOn: on.AddDays(6), Present: 3, Yes: 2, No: 1})
		want.OK(t, err)
		if r := m.Records[len(m.Records)-1].Rules[democracy.RuleQuorumRepresentatives]; r.Num != 4 || r.Den != 5 {
			t.Fatalf("rule values kept: %+v", r)
		}
		pd, ok := passed(t, w, m.ID)
		if !ok || pd.AmountFen != 12_000_000 || pd.DecidedOn != on.AddDays(6) || pd.OrgID != vid {
			t.Fatalf("passed decision %+v %v %v", pd, ok, err)
		}

		// The two 公开 steps publish by themselves.
		_, err = step(democracy.StepInput{Step: 5, HeldOn: on.AddDays(7)})
		want.Field(t, err, "note", "error.required")
		m, err = step(democracy.StepInput{Step: 5, HeldOn: on.AddDays(7), Note: "村民代表会议决议：硬化三组村道 1.2 公里。"})
		want.OK(t, err)
		m, err = step(democracy.StepInput{Step: 6, HeldOn: today, Note: "已完工，验收合格。"})
		want.OK(t, err)
		if m.State != democracy.MatterDone || m.Stage != 6 {
			t.Fatalf("done: %+v", m)
		}
		_, err = step(democracy.StepInput{Step: 6, HeldOn: today, Note: "again"})
		want.Rule(t, err, democracy.RuleMatterClosed)
		items, err := w.svc.PortalItems(w.ctx, democracy.PortalFilter{OrgID: vid, Category: disclosure.Village})
		want.OK(t, err)
		found := 0
		for _, it := range items {
			if strings.Contains(it.Title, "硬化三组村道") {
				found++
				if it.Code == "" || !strings.Contains(it.Body, "120,000.00") {
					t.Fatalf("published step item %+v", it)
				}
			}
		}
		if found != 2 {
			t.Fatalf("%d step items on the portal", found)
		}

		// A rejected matter ends with its record.
		r, err := w.svc.CreateMatter(w.ctx, leader, democracy.NewMatter{OrgID: vid, Title: "建设烤烟房"})
		want.OK(t, err)
		_, err = w.svc.RecordStep(w.ctx, leader, democracy.StepInput{MatterID: r.ID, Step: 1, HeldOn: on, Present: expected,
			Yes: expected, Outcome: democracy.OutcomeRejected})
		want.Rule(t, err, democracy.RuleVotesPassed)
		r, err = w.svc.RecordStep(w.ctx, leader, democracy.StepInput{MatterID: r.ID, Step: 1, HeldOn: on, Present: expected,
			No: expected, Outcome: democracy.OutcomeRejected})
		want.OK(t, err)
		if r.State != democracy.MatterRejected || len(r.Records) != 1 {
			t.Fatalf("rejected %+v", r)
		}
		list, err := w.svc.ListMatters(w.ctx, leader, democracy.MatterFilter{OrgID: vid})
		want.OK(t, err)
		if len(list) < 2 || list[0].ID != r.ID {
			t.Fatalf("list %+v", list)
		}
		none, err := w.svc.ListMatters(w.ctx, other, democracy.MatterFilter{})
		want.OK(t, err)
		for _, x := range none {
			if x.OrgID == vid {
				t.Fatal("海戛 lists 沙田's matters")
			}
		}
	})
}

// passed reads PassedDecision in a transaction of its own, as the
// finance programme's adapter would in its use case's.
func passed(t *testing.T, w *world, id int64) (democracy.PassedDecision, bool) {
	var pd democracy.PassedDecision
	var ok bool
	err := w.env.DB.Tx(w.ctx, func(tx *sql.Tx) error {
		var err error
		pd, ok, err = w.svc.PassedDecision(w.ctx, tx, id)
		return err
	})
	want.OK(t, err)
	return pd, ok
}

func TestRepresentativeChecks(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		leader := w.env.ActorFor(t, "haidan")
		vid := w.env.Town.Villages["大河"].ID
		admin := w.env.ActorFor(t, "admin")
		_, err := w.svc.AddRepresentative(w.ctx, leader, democracy.NewRepresentative{OrgID: vid, Name: "甲", Sex: "M", Households: 8})
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.AddRepresentative(w.ctx, admin, democracy.NewRepresentative{OrgID: vid, Name: "甲", Sex: "M", Households: 20})
		want.OK(t, err)
		_, err = w.svc.AddRepresentative(w.ctx, admin, democracy.NewRepresentative{OrgID: vid, Name: "乙", Sex: "M", Households: 8})
		want.OK(t, err)
		roster, err := w.svc.Representatives(w.ctx, admin, vid)
		want.OK(t, err)
		if len(roster.Representatives) != 2 || roster.Checks[0].OK || roster.Checks[1].OK {
			t.Fatalf("checks %+v", roster.Checks)
		}
		if roster.Checks[0].Params["names"] != "甲" || roster.Checks[1].Params["need"] != 1 {
			t.Fatalf("check params %+v", roster.Checks)
		}
	})
}

func TestDisclosureReviewVersionsAndPortal(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		leader := w.env.ActorFor(t, "haidan")
		jiandu := w.env.ActorFor(t, "jiandu")
		admin := w.env.ActorFor(t, "admin")
		it, err := w.svc.CreateItem(w.ctx, leader, democracy.NewItem{OrgID: w.vid, Category: disclosure.Finance, Period: "2026-10",
			Title: "十月财务收支", Body: "收入 | 1200.00\n支出 | 800.00"})
		want.OK(t, err)
		_, err = w.svc.CreateItem(w.ctx, leader, democracy.NewItem{OrgID: w.vid, Category: "x", Period: "10月", Title: "t", Body: "b"})
		want.Field(t, err, "period", "disclosure.period_format")
		_, err = w.svc.ReviewItem(w.ctx, leader, it.ID, true, "")
		want.Kind(t, err, apperr.KindForbidden)
		// A draft is not public.
		_, _, err = w.svc.PortalItem(w.ctx, it.ID)
		want.Kind(t, err, apperr.KindNotFound)
		pub, err := w.svc.ReviewItem(w.ctx, jiandu, it.ID, true, "")
		want.OK(t, err)
		if pub.State != democracy.ItemPublished || len(pub.Code) != 9 || pub.PublishedOn != w.today() {
			t.Fatalf("published %+v", pub)
		}
		v0, _ := w.svc.PortalVersion(w.ctx, w.vid)
		// Own review is refused.
		own, err := w.svc.CreateItem(w.ctx, admin, democracy.NewItem{OrgID: w.vid, Category: disclosure.Party, Period: "2026-Q3",
			Title: "党费收缴", Body: "已按时收缴。"})
		want.OK(t, err)
		_, err = w.svc.ReviewItem(w.ctx, admin, own.ID, true, "")
		want.Rule(t, err, democracy.RuleOwnReview, "不能审核自己起草")

		// A published item is superseded, never edited.
		_, err = w.svc.ReviseItem(w.ctx, leader, it.ID, "十月财务收支", "收入 | 1250.00\n支出 | 800.00", "")
		want.Field(t, err, "change_note", "error.required")
		nv, err := w.svc.ReviseItem(w.ctx, leader, it.ID, "十月财务收支", "收入 | 1250.00\n支出 | 800.00", "收入漏记 50 元")
		want.OK(t, err)
		_, err = w.svc.ReviseItem(w.ctx, leader, it.ID, "x", "y", "z")
		want.Rule(t, err, democracy.RuleRevisionExists)
		nv, err = w.svc.ReviewItem(w.ctx, jiandu, nv.ID, true, "")
		want.OK(t, err)
		if v1, _ := w.svc.PortalVersion(w.ctx, w.vid); v1 <= v0 {
			t.Fatalf("portal version %d → %d", v0, v1)
		}
		old, versions, err := w.svc.PortalItem(w.ctx, it.ID)
		want.OK(t, err)
		if old.State != democracy.ItemSuperseded || len(versions) != 2 || versions[0].ID != nv.ID || nv.Version != 2 {
			t.Fatalf("versions %+v", versions)
		}
		ver, err := w.svc.Verify(w.ctx, strings.ToLower(strings.ReplaceAll(pub.Code, "-", " ")))
		want.OK(t, err)
		if !ver.Found || !ver.Superseded() || ver.Current.ID != nv.ID {
			t.Fatalf("verify %+v", ver)
		}
		if ver, _ := w.svc.Verify(w.ctx, "ZZZZ-ZZZZ"); ver.Found {
			t.Fatal("made-up code found")
		}

		// Drafter: a draft with the same Source is replaced, then superseded.
		var id1, id2 int64
		err = d.Tx(w.ctx, func(tx *sql.Tx) error {
			var err error
			if id1, err = w.svc.Draft(w.ctx, tx, leader, disclosure.Draft{OrgID: w.vid, Category: disclosure.Finance,
				Period: "2026-11", Title: "十一月", Body: "a", Source: "finance.month:1:2026-11"}); err != nil {
				return err
			}
			id2, err = w.svc.Draft(w.ctx, tx, leader, disclosure.Draft{OrgID: w.vid, Category: disclosure.Finance,
				Period: "2026-11", Title: "十一月", Body: "b", Source: "finance.month:1:2026-11"})
			return err
		})
		want.OK(t, err)
		if id1 != id2 {
			t.Fatalf("redraft made a new item %d %d", id1, id2)
		}

		// Feedback: rate-limited per address, moderated, replied, overdue.
		before, _ := w.svc.PortalFeedback(w.ctx, w.vid)
		for i := 0; i < 3; i++ {
			_, err := w.svc.SubmitFeedback(w.ctx, democracy.NewFeedback{OrgID: w.vid, ItemID: it.ID, Body: "收入是哪来的？", Addr: "10.0.0.9"})
			want.OK(t, err)
		}
		_, err = w.svc.SubmitFeedback(w.ctx, democracy.NewFeedback{OrgID: w.vid, Body: "再问", Addr: "10.0.0.9"})
		want.Kind(t, err, apperr.KindTooMany)
		fb, err := w.svc.SubmitFeedback(w.ctx, democracy.NewFeedback{OrgID: w.vid, Body: "何时修路？", Addr: "10.0.0.10"})
		want.OK(t, err)
		shown, _ := w.svc.PortalFeedback(w.ctx, w.vid)
		if len(shown) != len(before) {
			t.Fatal("unmoderated feedback shows")
		}
		_, err = w.svc.ModerateFeedback(w.ctx, leader, fb.ID, true)
		want.Kind(t, err, apperr.KindForbidden)
		_, err = w.svc.ModerateFeedback(w.ctx, jiandu, fb.ID, true)
		want.OK(t, err)
		w.env.Clock.T = w.env.Clock.T.Add(11 * 24 * time.Hour)
		list, err := w.svc.ListFeedback(w.ctx, leader, democracy.FeedbackFilter{OrgID: w.vid})
		want.OK(t, err)
		if len(list) < 4 || list[0].ID != fb.ID || !list[0].Overdue || list[0].Days != 11 {
			t.Fatalf("feedback list %+v", list[0])
		}
		r, err := w.svc.ReplyFeedback(w.ctx, leader, fb.ID, "明年春季开工。")
		want.OK(t, err)
		if r.Days != 11 || r.Overdue {
			t.Fatalf("replied %+v", r)
		}
		shown, _ = w.svc.PortalFeedback(w.ctx, w.vid)
		if len(shown) != len(before)+1 || shown[0].Reply == "" {
			t.Fatalf("shown %+v", shown)
		}

		// The overdue board: 海丹 published finance today, so finance is
		// not late there; other villages with nothing are.
		late, err := w.svc.Overdue(w.ctx, admin)
		want.OK(t, err)
		for _, l := range late {
			if l.OrgID == w.vid && l.Category == disclosure.Finance {
				t.Fatalf("海丹 finance late %+v", l)
			}
		}
		mine, err := w.svc.Overdue(w.ctx, leader)
		want.OK(t, err)
		for _, l := range mine {
			if l.OrgID != w.vid {
				t.Fatalf("海丹's board shows %s", l.OrgName)
			}
		}
	})
}
