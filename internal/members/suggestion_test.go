package members_test

import (
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

func TestSuggestions(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		zhang := w.full(w.hd1, "张一")
		li := w.full(w.hd1, "李二")
		zhangUser := w.memberActor("zhangyi", zhang, w.hd1)
		liUser := w.memberActor("lier", li, w.hd1)

		_, err := w.svc.SubmitOwnSuggestion(w.ctx, zhangUser, "", "内容")
		want.Field(t, err, "title", "error.required")
		s1, err := w.svc.SubmitOwnSuggestion(w.ctx, zhangUser, "修村道", "建议硬化三组到五组的村道。")
		want.OK(t, err)
		if s1.MemberID != zhang || s1.OrgID != w.hd1.ID {
			t.Fatalf("submitted %+v", s1)
		}
		w.clock.T = w.clock.T.Add(2 * time.Hour)
		s2, err := w.svc.SubmitSuggestion(w.ctx, w.sec1, members.NewSuggestion{MemberID: li, Title: "办夜校", Body: "冬季办农民夜校。"})
		want.OK(t, err)
		_, err = w.svc.SubmitSuggestion(w.ctx, w.haigaLeader, members.NewSuggestion{MemberID: li, Title: "x", Body: "y"})
		want.Kind(t, err, apperr.KindNotFound)
		// An account without a member record cannot submit its own.
		_, err = w.svc.SubmitOwnSuggestion(w.ctx, w.admin, "标题", "内容")
		want.Rule(t, err, "self.not_linked")

		// Open ones, oldest first, with the time waited so far.
		w.clock.T = w.clock.T.Add(49 * time.Hour)
		open, err := w.svc.ListSuggestions(w.ctx, w.haidanLeader, members.SuggestionFilter{})
		want.OK(t, err)
		if len(open) != 2 || open[0].ID != s1.ID || open[1].ID != s2.ID {
			t.Fatalf("open = %+v", open)
		}
		if open[0].WaitedDays() != 2 || open[0].WaitedHours() != 3 {
			t.Fatalf("waited %v (%d d %d h)", open[0].Waited, open[0].WaitedDays(), open[0].WaitedHours())
		}
		page, err := w.svc.ListSuggestions(w.ctx, w.haidanLeader, members.SuggestionFilter{After: s1.ID, Limit: 1})
		want.OK(t, err)
		if len(page) != 1 || page[0].ID != s2.ID {
			t.Fatalf("second page = %+v", page)
		}
		none, err := w.svc.ListSuggestions(w.ctx, w.haigaLeader, members.SuggestionFilter{})
		want.OK(t, err)
		if len(none) != 0 {
			t.Fatal("海戛 lists 海丹's suggestions")
		}

		// Reply once; the member cannot reply; the time to reply is kept.
		_, err = w.svc.ReplySuggestion(w.ctx, zhangUser, s1.ID, "我自己答复")
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.ReplySuggestion(w.ctx, w.sec1, s1.ID, " ")
		want.Field(t, err, "reply", "error.required")
		r, err := w.svc.ReplySuggestion(w.ctx, w.sec1, s1.ID, "已列入明年一事一议。")
		want.OK(t, err)
		if !r.Answered() || r.WaitedDays() != 2 || r.WaitedHours() != 3 {
			t.Fatalf("reply %+v", r)
		}
		_, err = w.svc.ReplySuggestion(w.ctx, w.sec1, s1.ID, "再答复")
		want.Kind(t, err, apperr.KindConflict)
		w.clock.T = w.clock.T.Add(24 * time.Hour)
		answered, err := w.svc.ListSuggestions(w.ctx, w.sec1, members.SuggestionFilter{Answered: true})
		want.OK(t, err)
		if len(answered) != 1 || answered[0].ID != s1.ID || answered[0].WaitedDays() != 2 {
			t.Fatalf("answered = %+v (the reply time must not keep growing)", answered)
		}

		// A member reads their own suggestion, never another's.
		got, err := w.svc.GetSuggestion(w.ctx, zhangUser, s1.ID)
		want.OK(t, err)
		if got.Reply != "已列入明年一事一议。" {
			t.Fatalf("own suggestion = %+v", got)
		}
		_, err = w.svc.GetSuggestion(w.ctx, liUser, s1.ID)
		want.Kind(t, err, apperr.KindNotFound)
		if w.auditCount("suggestion.submit") != 2 || w.auditCount("suggestion.reply") != 1 {
			t.Fatal("suggestions are audited")
		}
	})
}
