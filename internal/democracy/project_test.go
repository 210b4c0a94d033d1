package democracy_test

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/democracy"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

func TestProjectVoteAndCollections(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		admin := w.env.ActorFor(t, "admin")
		haidan := w.env.ActorFor(t, "haidan")
		v := w.env.Town.Villages["大河"]
		today := w.today()
		on := today.AddDays(-30)
		var reps []int64
		for i, hh := range []int{10, 10, 10, 6} {
			r, err := w.svc.AddRepresentative(w.ctx, admin, democracy.NewRepresentative{OrgID: v.ID, Name: "代表" + string(rune('一'+i)),
				Sex: "F", Households: hh, StartedOn: on.AddDays(-1)})
			want.OK(t, err)
			reps = append(reps, r.ID)
		}
		// Proposals: by representatives they need a fifth of them; the cap holds.
		_, err := w.svc.ProposeProject(w.ctx, admin, democracy.NewProject{OrgID: v.ID, Title: "硬化入户路", Proposer: democracy.ProposerRepresentatives,
			Proposers: 0, PerPersonFen: 1500})
		want.Rule(t, err, democracy.RuleProjectProposersReps, "不足代表 4 人的五分之一（需 1 人）")
		_, err = w.svc.ProposeProject(w.ctx, admin, democracy.NewProject{OrgID: v.ID, Title: "硬化入户路", Proposer: democracy.ProposerCommittee,
			PerPersonFen: 2500})
		want.Rule(t, err, democracy.RuleProjectCapFen, "超过上限 20.00 元")
		_, err = w.svc.ProposeProject(w.ctx, haidan, democracy.NewProject{OrgID: v.ID, Title: "x", Proposer: democracy.ProposerCommittee, PerPersonFen: 100})
		want.Kind(t, err, apperr.KindNotFound)
		p, err := w.svc.ProposeProject(w.ctx, admin, democracy.NewProject{OrgID: v.ID, Title: "硬化入户路", Proposer: democracy.ProposerRepresentatives,
			Proposers: 1, PerPersonFen: 1500, LabourDays: 2})
		want.OK(t, err)

		// Nothing is collected before the vote.
		var hh int64
		if err := d.QueryRow(`SELECT MIN(h.id) FROM households h JOIN orgs o ON o.id = h.org_id WHERE o.path >= $1 AND o.path < $2`,
			v.Path, db.PathEnd(v.Path)).Scan(&hh); err != nil || hh == 0 {
			t.Fatalf("a household of 大河: %v", err)
		}
		_, err = w.svc.RecordCollection(w.ctx, admin, democracy.NewCollection{ProjectID: p.ID, HouseholdID: hh, People: 3, AmountFen: 4500, PaidOn: today})
		want.Rule(t, err, democracy.RuleProjectNotPassed)

		// Households represented: 26 of 36 present is less than 2/3 (24 needed? no: 26 ≥ 24) —
		// first only 20 of 36: refused.
		_, err = w.svc.VoteProject(w.ctx, admin, democracy.ProjectVote{ProjectID: p.ID, On: on, Body: democracy.BodyRepresentatives,
			Votes: []democracy.RepVote{{RepresentativeID: reps[0], Yes: true}, {RepresentativeID: reps[1], Yes: true}}})
		want.Rule(t, err, democracy.RuleProjectQuorumHouseholds, "20 户，不足全村代表户数 36 户的三分之二（需 24 户）")
		// 26 households present; yes for 16 of them: more than half of 26.
		p, err = w.svc.VoteProject(w.ctx, admin, democracy.ProjectVote{ProjectID: p.ID, On: on, Body: democracy.BodyRepresentatives,
			Votes: []democracy.RepVote{{RepresentativeID: reps[0], Yes: true}, {RepresentativeID: reps[3], Yes: true}, {RepresentativeID: reps[1]}}})
		want.OK(t, err)
		if p.State != "passed" || p.HouseholdsPresent != 26 || p.HouseholdsYes != 16 || p.Rules[democracy.RuleProjectQuorumHouseholds].Num != 2 {
			t.Fatalf("vote %+v", p)
		}
		_, err = w.svc.VoteProject(w.ctx, admin, democracy.ProjectVote{ProjectID: p.ID, On: on, Body: democracy.BodyRepresentatives})
		want.Rule(t, err, democracy.RuleProjectVoted)

		// Collections: at most what the household's people owe.
		_, err = w.svc.RecordCollection(w.ctx, admin, democracy.NewCollection{ProjectID: p.ID, HouseholdID: hh, People: 3, AmountFen: 5000, PaidOn: today})
		want.Rule(t, err, democracy.RuleProjectCollection, "应筹资 45.00 元")
		p, err = w.svc.RecordCollection(w.ctx, admin, democracy.NewCollection{ProjectID: p.ID, HouseholdID: hh, People: 3, AmountFen: 4500,
			LabourDays: 6, PaidOn: today})
		want.OK(t, err)
		var foreign int64
		hg := w.env.Town.Villages["海戛"]
		_ = d.QueryRow(`SELECT MIN(h.id) FROM households h JOIN orgs o ON o.id = h.org_id WHERE o.path >= $1 AND o.path < $2`,
			hg.Path, db.PathEnd(hg.Path)).Scan(&foreign)
		_, err = w.svc.RecordCollection(w.ctx, admin, democracy.NewCollection{ProjectID: p.ID, HouseholdID: foreign, People: 1, AmountFen: 100, PaidOn: today})
		want.Field(t, err, "household_id", "error.not_found")
		if p.CollectedFen != 4500 || p.CollectedDays != 6 || len(p.Collections) != 1 {
			t.Fatalf("accounts %+v", p)
		}
		pub, err := w.svc.PortalProjects(w.ctx, v.ID)
		want.OK(t, err)
		if len(pub) != 1 || pub[0].CollectedFen != 4500 {
			t.Fatalf("portal projects %+v", pub)
		}
	})
}
