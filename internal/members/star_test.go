package members_test

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

func TestStarsAndDuties(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		m := w.full(w.hd1, "张一")
		activist := w.add(w.hd1.ID, "积极分子", "activist")

		_, err := w.svc.RateMember(w.ctx, w.sec1, members.NewRating{MemberID: m, Year: 2026})
		e := want.Rule(t, err, "star.range")
		if e.Params["stars"] != 0 {
			t.Fatalf("params %v", e.Params)
		}
		_, err = w.svc.RateMember(w.ctx, w.sec1, members.NewRating{MemberID: m, Year: 2026, Leads: []string{"study", "dance"}})
		want.Field(t, err, "leads", "star.lead_unknown")
		_, err = w.svc.RateMember(w.ctx, w.sec1, members.NewRating{MemberID: m, Year: 2027, Leads: []string{"study"}})
		want.Field(t, err, "year", "activity.year_range")
		_, err = w.svc.RateMember(w.ctx, w.sec1, members.NewRating{MemberID: activist, Year: 2026, Leads: []string{"study"}})
		want.Field(t, err, "member_id", "activity.not_member")
		_, err = w.svc.RateMember(w.ctx, w.haigaLeader, members.NewRating{MemberID: m, Year: 2026, Leads: []string{"study"}})
		want.Kind(t, err, apperr.KindNotFound)

		r, err := w.svc.RateMember(w.ctx, w.sec1, members.NewRating{MemberID: m, Year: 2026,
			Leads: []string{"study", "achieve", "serve", "law", "virtue"}, Note: "带头发展魔芋种植"})
		want.OK(t, err)
		if r.Stars != 5 {
			t.Fatalf("five leads gave %d stars", r.Stars)
		}
		r2, err := w.svc.RateMember(w.ctx, w.sec1, members.NewRating{MemberID: m, Year: 2026, Leads: []string{"serve", "law"}})
		want.OK(t, err)
		if r2.ID != r.ID || r2.Stars != 2 {
			t.Fatalf("re-rating made %+v", r2)
		}
		_, list, err := w.svc.BranchStars(w.ctx, w.haidanLeader, w.hd1.ID, 2026)
		want.OK(t, err)
		if len(list) != 1 || list[0].Stars != 2 || len(list[0].Leads) != 2 {
			t.Fatalf("stars = %+v", list)
		}
		if w.auditCount("star.rate") != 2 {
			t.Fatal("each rating writes an audit record")
		}

		du, err := w.svc.AssignDuty(w.ctx, w.sec1, members.NewDuty{MemberID: m, Year: 2027, Post: "政策宣传岗", Duty: "每月向群众宣讲政策一次"})
		want.OK(t, err)
		_, err = w.svc.AssignDuty(w.ctx, w.sec1, members.NewDuty{MemberID: m, Year: 2027, Post: "政策宣传岗", Duty: "重复"})
		want.Kind(t, err, apperr.KindConflict)
		_, err = w.svc.AssignDuty(w.ctx, w.sec1, members.NewDuty{MemberID: m, Year: 2028, Post: "岗", Duty: "太远"})
		want.Field(t, err, "year", "activity.year_range")
		_, err = w.svc.AssignDuty(w.ctx, w.sec1, members.NewDuty{MemberID: m, Year: 2026, Post: " ", Duty: "x"})
		want.Field(t, err, "post", "error.required")
		_, ds, err := w.svc.BranchDuties(w.ctx, w.sec1, w.hd1.ID, 2027)
		want.OK(t, err)
		if len(ds) != 1 || ds[0].Post != "政策宣传岗" || ds[0].MemberName != "张一" {
			t.Fatalf("duties = %+v", ds)
		}
		want.Kind(t, w.svc.RemoveDuty(w.ctx, w.haigaLeader, du.ID), apperr.KindNotFound)
		want.OK(t, w.svc.RemoveDuty(w.ctx, w.sec1, du.ID))
		want.Kind(t, w.svc.RemoveDuty(w.ctx, w.sec1, du.ID), apperr.KindNotFound)
		if w.auditCount("duty.assign") != 1 || w.auditCount("duty.remove") != 1 {
			t.Fatal("duty changes are audited")
		}
	})
}
