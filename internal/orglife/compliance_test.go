package orglife_test

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/orglife"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// headcount records a meeting from typed figures (no roster needed).
func (w *world) headcount(a *auth.Actor, orgID int64, kind orglife.MeetingKind, y int, m, d int, expected, present int) orglife.Meeting {
	w.T.Helper()
	mt, err := w.svc.RecordMeeting(w.Ctx, a, orglife.NewMeeting{OrgID: orgID, Kind: kind, Topic: "会议",
		HeldOn: ymd(y, timeMonth(m), d), Expected: expected, Present: present, Speaker: "讲课人"})
	if err != nil {
		w.T.Fatal(err)
	}
	return mt
}

func overdueKinds(items []orglife.OverdueItem, orgID int64) map[orglife.MeetingKind]orglife.OverdueItem {
	out := map[orglife.MeetingKind]orglife.OverdueItem{}
	for _, it := range items {
		if it.OrgID == orgID {
			out[it.Kind] = it
		}
	}
	return out
}

func TestOverdueList(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		// 海丹一组 held everything up to October; this month only a 主题党日.
		for m := 6; m <= 10; m++ {
			w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingCommittee, 2026, m, 12, 3, 3)
			w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingGroup, 2026, m, 12, 8, 7)
		}
		w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingThemeDay, 2026, 11, 1, 8, 8)
		w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingAssembly, 2026, 10, 20, 8, 6)
		w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingLecture, 2026, 7, 1, 8, 6)
		w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingLife, 2026, 1, 15, 8, 8)

		items, err := w.svc.Overdue(w.Ctx, w.Sec1, orglife.OverdueFilter{})
		want.OK(t, err)
		got := overdueKinds(items, w.HD1.ID)
		if len(items) != len(got) {
			t.Fatalf("the secretary of 海丹一组 sees other branches: %+v", items)
		}
		c, ok := got[orglife.MeetingCommittee]
		if !ok || c.Periods != 1 || c.Overdue() || c.LastHeld != ymd(2026, 10, 12) || c.Since != ymd(2026, 11, 1) {
			t.Fatalf("支委会 item = %+v", c)
		}
		if l, ok := got[orglife.MeetingLecture]; !ok || l.Since != ymd(2026, 10, 1) || l.Periods != 1 {
			t.Fatalf("党课 item = %+v", l)
		}
		for _, k := range []orglife.MeetingKind{orglife.MeetingThemeDay, orglife.MeetingAssembly, orglife.MeetingLife} {
			if _, ok := got[k]; ok {
				t.Fatalf("%s is listed though held this period", k)
			}
		}

		// A 支委会 below quorum does not take it off the list; one at
		// quorum does.
		w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingCommittee, 2026, 11, 20, 3, 1)
		items, err = w.svc.Overdue(w.Ctx, w.Sec1, orglife.OverdueFilter{})
		want.OK(t, err)
		if _, ok := overdueKinds(items, w.HD1.ID)[orglife.MeetingCommittee]; !ok {
			t.Fatal("a 支委会 below quorum took 支委会 off the overdue list")
		}
		before := len(items)
		w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingCommittee, 2026, 11, 25, 3, 2)
		items, err = w.svc.Overdue(w.Ctx, w.Sec1, orglife.OverdueFilter{})
		want.OK(t, err)
		if _, ok := overdueKinds(items, w.HD1.ID)[orglife.MeetingCommittee]; ok || len(items) != before-1 {
			t.Fatalf("after a counting 支委会 the list has %d items (was %d): %+v", len(items), before, items)
		}

		// Scope: 海戛 sees only its own branch; the town sees all three.
		items, err = w.svc.Overdue(w.Ctx, w.HaigaLeader, orglife.OverdueFilter{})
		want.OK(t, err)
		for _, it := range items {
			if it.OrgID != w.HG1.ID {
				t.Fatalf("海戛 sees %s", it.OrgName)
			}
		}
		if len(items) != len(orglife.MeetingKinds) {
			t.Fatalf("海戛一组 has %d outstanding kinds, want all %d", len(items), len(orglife.MeetingKinds))
		}

		// Paging through the town in pages of 4 gives every item once.
		all, err := w.svc.Overdue(w.Ctx, w.Admin, orglife.OverdueFilter{Limit: 200})
		want.OK(t, err)
		var paged []orglife.OverdueItem
		var after int64
		for i := 0; i < 20; i++ {
			page, err := w.svc.Overdue(w.Ctx, w.Admin, orglife.OverdueFilter{After: after, Limit: 4})
			want.OK(t, err)
			paged = append(paged, page...)
			if len(page) < 4 {
				break
			}
			after = page[len(page)-1].Cursor
		}
		if len(paged) != len(all) || len(all) < 10 {
			t.Fatalf("paged %d items, listed %d at once", len(paged), len(all))
		}
		seen := map[int64]bool{}
		for i, it := range paged {
			if seen[it.Cursor] || it.Cursor != all[i].Cursor {
				t.Fatalf("page order differs at %d", i)
			}
			seen[it.Cursor] = true
		}

		// One branch only.
		one, err := w.svc.Overdue(w.Ctx, w.Admin, orglife.OverdueFilter{OrgID: w.HD2.ID})
		want.OK(t, err)
		if len(one) != len(orglife.MeetingKinds) || one[0].OrgID != w.HD2.ID {
			t.Fatalf("filter by branch gave %+v", one)
		}
	})
}

func TestComplianceTable(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		// Paper records from January: the branch is assessed from then.
		for m := 1; m <= 10; m++ {
			if m != 4 {
				w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingCommittee, 2026, m, 3, 3, 2)
			}
		}
		w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingCommittee, 2026, 4, 28, 3, 1) // below quorum
		w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingAssembly, 2026, 2, 10, 10, 6)
		w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingAssembly, 2026, 5, 10, 10, 6)
		w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingAssembly, 2025, 12, 10, 10, 6) // another year

		rows, err := w.svc.Compliance(w.Ctx, w.HaidanLeader, orglife.ComplianceFilter{Year: 2026})
		want.OK(t, err)
		if len(rows) != 2 || rows[0].Branch.ID != w.HD1.ID || rows[1].Branch.ID != w.HD2.ID {
			t.Fatalf("海丹 sees %+v", rows)
		}
		if rows[0].TrackFrom != ymd(2025, 12, 10) {
			t.Fatalf("tracked from %s", rows[0].TrackFrom)
		}
		var committee, assembly orglife.KindCompliance
		for _, k := range rows[0].Kinds {
			switch k.Kind {
			case orglife.MeetingCommittee:
				committee = k
			case orglife.MeetingAssembly:
				assembly = k
			}
		}
		if committee.Met != 9 || committee.Required != 10 || committee.Periods[3].State != orglife.PeriodMissed ||
			committee.Periods[10].State != orglife.PeriodDue {
			t.Fatalf("支委会 = %+v", committee)
		}
		if assembly.Met != 2 || assembly.Required != 3 || assembly.Periods[2].State != orglife.PeriodMissed {
			t.Fatalf("党员大会 = %+v", assembly)
		}
		// 海丹二组 has no records: assessed from its entry into the
		// system, today, so nothing of the year is required yet except
		// the current periods.
		for _, k := range rows[1].Kinds {
			if k.Met != 0 || k.Required != 0 {
				t.Fatalf("海丹二组 %s = %+v", k.Kind, k)
			}
		}

		// Paging and scope.
		page, err := w.svc.Compliance(w.Ctx, w.Admin, orglife.ComplianceFilter{Year: 2026, After: w.HD1.ID, Limit: 1})
		want.OK(t, err)
		if len(page) != 1 || page[0].Branch.ID != w.HD2.ID {
			t.Fatalf("second page = %+v", page)
		}
		none, err := w.svc.Compliance(w.Ctx, w.HaigaLeader, orglife.ComplianceFilter{Year: 2026, OrgID: w.HD1.ID})
		want.OK(t, err)
		if len(none) != 0 {
			t.Fatal("海戛 reads 海丹一组's compliance")
		}
		_, err = w.svc.Compliance(w.Ctx, w.Admin, orglife.ComplianceFilter{Year: 2027})
		want.Field(t, err, "year", "compliance.year_range")
	})
}

func TestListBranches(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		bs, err := w.svc.ListBranches(w.Ctx, w.Admin, orglife.BranchFilter{Perm: auth.PermMemberWrite})
		want.OK(t, err)
		if len(bs) != 3 {
			t.Fatalf("town admin writes %d branches, want 3", len(bs))
		}
		bs, err = w.svc.ListBranches(w.Ctx, w.Sec1, orglife.BranchFilter{Query: "二组"})
		want.OK(t, err)
		if len(bs) != 0 {
			t.Fatalf("海丹一组's secretary finds %+v", bs)
		}
		_, err = w.svc.ListBranches(w.Ctx, w.Sec1, orglife.BranchFilter{})
		if apperr.As(err) != nil {
			t.Fatal(err)
		}
	})
}
