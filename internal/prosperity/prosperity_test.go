package prosperity_test

import (
	"context"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/prosperity"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

type world struct {
	*testkit.Env
	ctx                  context.Context
	svc                  *prosperity.Service
	admin, haidan, haiga *auth.Actor
	centre               *auth.Actor
	haidanID, haigaID    int64
	today                day.Day
}

func newWorld(t *testing.T, d *db.DB) *world {
	env := testkit.Start(t, d)
	return &world{Env: env, ctx: context.Background(), svc: env.Svc.Prosper, admin: env.ActorFor(t, "admin"),
		haidan: env.ActorFor(t, "haidan"), haiga: env.ActorFor(t, "haiga"), centre: env.ActorFor(t, "zhongxin"),
		haidanID: env.Town.Villages["海丹"].ID, haigaID: env.Town.Villages["海戛"].ID, today: day.Today(env.Clock)}
}

func villageOf(t *testing.T, c prosperity.Coverage, id int64) prosperity.VillageCoverage {
	t.Helper()
	for _, v := range c.Villages {
		if v.VillageID == id {
			return v
		}
	}
	t.Fatalf("no village %d in coverage", id)
	return prosperity.VillageCoverage{}
}

// The targets come from the registry: the demo's trainings leave some
// households and young adults missing, they are listed, and a new
// certificate or skill moves the numbers.
func TestCoverageFromTheRegistry(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		town, err := w.svc.Coverage(w.ctx, w.admin, w.Town.Town.ID, 5)
		want.OK(t, err)
		if len(town.Villages) != 16 || town.YoungMin != 18 || town.YoungMax != 45 {
			t.Fatalf("town coverage %d villages, band %d–%d", len(town.Villages), town.YoungMin, town.YoungMax)
		}
		var hh int
		if err := d.QueryRow(`SELECT COUNT(*) FROM households`).Scan(&hh); err != nil {
			t.Fatal(err)
		}
		if town.Total.Households != hh || town.Total.HouseholdsCovered == 0 || town.Total.HouseholdsCovered == hh {
			t.Fatalf("town households %d of %d covered (registry %d)", town.Total.HouseholdsCovered, town.Total.Households, hh)
		}
		v, err := w.svc.Coverage(w.ctx, w.haidan, w.haidanID, 1000)
		want.OK(t, err)
		hd := villageOf(t, v, w.haidanID)
		if tv := villageOf(t, town, w.haidanID); hd.Households != tv.Households || hd.HouseholdsCovered != tv.HouseholdsCovered || hd.YoungSkilled != tv.YoungSkilled {
			t.Fatalf("village and town disagree")
		}
		if len(hd.MissingHouseholds) != hd.Households-hd.HouseholdsCovered || len(hd.MissingYoung) != hd.Young-hd.YoungSkilled || len(hd.MissingYoung) == 0 {
			t.Fatalf("海丹 missing lists %d/%d households, %d/%d young", len(hd.MissingHouseholds), hd.Households-hd.HouseholdsCovered,
				len(hd.MissingYoung), hd.Young-hd.YoungSkilled)
		}
		// The registry agrees on who is young: count residents aged 18–45 directly.
		var young int
		if err := d.QueryRow(`SELECT COUNT(*) FROM residents r JOIN orgs o ON o.id = r.org_id WHERE (o.id = $1 OR o.parent_id = $1)
			AND r.birth_date > $2 AND r.birth_date <= $3`, w.haidanID, day.Of(w.today.Time().AddDate(-46, 0, 0)), day.Of(w.today.Time().AddDate(-18, 0, 0))).Scan(&young); err != nil {
			t.Fatal(err)
		}
		if hd.Young != young {
			t.Fatalf("young %d, registry %d", hd.Young, young)
		}
		for _, m := range hd.MissingYoung {
			if m.Age < 18 || m.Age > 45 {
				t.Fatalf("missing young %+v outside the band", m)
			}
		}

		// Another village's leader sees nothing of 海丹.
		_, err = w.svc.Coverage(w.ctx, w.haiga, w.haidanID, 5)
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.Coverage(w.ctx, w.haidan, w.Town.Town.ID, 5)
		want.Kind(t, err, apperr.KindNotFound)

		// A 绿色证书 for a resident of a missing household covers it; a
		// skill for a missing young adult covers them.
		household := hd.MissingHouseholds[0]
		var resident int64
		if err := d.QueryRow(`SELECT MIN(id) FROM residents WHERE household_id = $1`, household.ID).Scan(&resident); err != nil {
			t.Fatal(err)
		}
		youngOne := hd.MissingYoung[0].ID
		tr, err := w.svc.CreateTraining(w.ctx, w.centre, prosperity.NewTraining{VillageID: w.haidanID, Kind: prosperity.KindGreenCert,
			Title: "绿色证书：魔芋种植", Trainer: "县农技站", Skill: "魔芋种植", Certifies: true, StartedOn: w.today.AddDays(-10)})
		want.OK(t, err)
		_, err = w.svc.RecordSession(w.ctx, w.centre, prosperity.NewSession{TrainingID: tr.ID, HeldOn: w.today.AddDays(-3), Topic: "种芋选择", Hours: 3,
			ResidentIDs: []int64{resident, youngOne}})
		want.OK(t, err)
		n, err := w.svc.Complete(w.ctx, w.centre, tr.ID, []int64{resident, youngOne}, w.today)
		want.OK(t, err)
		if n != 2 {
			t.Fatalf("earned %d", n)
		}
		after, err := w.svc.Coverage(w.ctx, w.haidan, w.haidanID, 1000)
		want.OK(t, err)
		ha := villageOf(t, after, w.haidanID)
		newlySkilled := 0
		for _, m := range hd.MissingYoung {
			if m.ID == resident || m.ID == youngOne {
				newlySkilled++
			}
		}
		if ha.HouseholdsCovered <= hd.HouseholdsCovered || ha.YoungSkilled != hd.YoungSkilled+newlySkilled {
			t.Fatalf("before %d households %d young, after %d and %d", hd.HouseholdsCovered, hd.YoungSkilled, ha.HouseholdsCovered, ha.YoungSkilled)
		}
		for _, m := range ha.MissingHouseholds {
			if m.ID == household.ID {
				t.Fatalf("household %s still missing", household.Code)
			}
		}
		// The band is configurable.
		w.svc.Rules.YoungTo = 40
		narrow, err := w.svc.Coverage(w.ctx, w.haidan, w.haidanID, 0)
		want.OK(t, err)
		if villageOf(t, narrow, w.haidanID).Young >= ha.Young {
			t.Fatalf("band 18–40 has %d, 18–45 %d", villageOf(t, narrow, w.haidanID).Young, ha.Young)
		}
	})
}

// Trainings: the four kinds, attendance by the village's residents only,
// completion only after attending, and the read other pages use.
func TestTrainingsAndTheirRules(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		_, err := w.svc.CreateTraining(w.ctx, w.haiga, prosperity.NewTraining{VillageID: w.haidanID, Kind: prosperity.KindTechVisit,
			Title: "x", Trainer: "y", Skill: "z", StartedOn: w.today})
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.CreateTraining(w.ctx, w.haidan, prosperity.NewTraining{VillageID: w.haidanID, Kind: "lecture", StartedOn: w.today})
		want.Field(t, err, "kind", "training.kind_unknown")
		want.Field(t, err, "title", "error.required")
		tr, err := w.svc.CreateTraining(w.ctx, w.haidan, prosperity.NewTraining{VillageID: w.haidanID, Kind: prosperity.KindTechVisit,
			Title: "科技下乡：生猪养殖", Trainer: "县畜牧站", Skill: "生猪养殖", StartedOn: w.today.AddDays(-7)})
		want.OK(t, err)

		var own, other, bystander int64
		if err := d.QueryRow(`SELECT MIN(r.id) FROM residents r JOIN orgs o ON o.id = r.org_id WHERE o.parent_id = $1`, w.haidanID).Scan(&own); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(`SELECT MAX(r.id) FROM residents r JOIN orgs o ON o.id = r.org_id WHERE o.parent_id = $1`, w.haidanID).Scan(&bystander); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(`SELECT MIN(r.id) FROM residents r JOIN orgs o ON o.id = r.org_id WHERE o.parent_id = $1`, w.haigaID).Scan(&other); err != nil {
			t.Fatal(err)
		}
		// Another village's resident answers like a made-up id.
		_, err = w.svc.RecordSession(w.ctx, w.haidan, prosperity.NewSession{TrainingID: tr.ID, HeldOn: w.today, Topic: "t", Hours: 2, ResidentIDs: []int64{own, other}})
		e1 := want.Kind(t, err, apperr.KindInvalid)
		_, err = w.svc.RecordSession(w.ctx, w.haidan, prosperity.NewSession{TrainingID: tr.ID, HeldOn: w.today, Topic: "t", Hours: 2, ResidentIDs: []int64{own, 999999999}})
		e2 := want.Kind(t, err, apperr.KindInvalid)
		if e1.Key != e2.Key || e1.Fields["resident_ids"].Key != "prosperity.not_in_village" {
			t.Fatalf("foreign %+v, made up %+v", e1, e2)
		}
		_, err = w.svc.RecordSession(w.ctx, w.haidan, prosperity.NewSession{TrainingID: tr.ID, HeldOn: w.today.AddDays(-8), Topic: "t", Hours: 2, ResidentIDs: []int64{own}})
		want.Field(t, err, "held_on", "training.before_start")
		s, err := w.svc.RecordSession(w.ctx, w.haidan, prosperity.NewSession{TrainingID: tr.ID, HeldOn: w.today, Topic: "防疫", Hours: 2, ResidentIDs: []int64{own}})
		want.OK(t, err)
		if s.Present != 1 {
			t.Fatalf("session %+v", s)
		}
		// Completion needs attendance, and names who did not attend.
		_, err = w.svc.Complete(w.ctx, w.haidan, tr.ID, []int64{own, bystander}, w.today)
		want.Rule(t, err, prosperity.RuleNotAttended, "科技下乡：生猪养殖")
		n, err := w.svc.Complete(w.ctx, w.haidan, tr.ID, []int64{own}, w.today)
		want.OK(t, err)
		if n != 1 {
			t.Fatalf("earned %d", n)
		}
		v, err := w.svc.Training(w.ctx, w.haidan, tr.ID)
		want.OK(t, err)
		if v.Training.Sessions != 1 || v.Training.Attendees != 1 || v.Training.Completed != 1 || len(v.Attendees) != 1 ||
			v.Attendees[0].EarnedOn != w.today || v.Attendees[0].Certificate != "" {
			t.Fatalf("view %+v", v)
		}
		// The read the village centres' pages use: newest first, four
		// demo kinds plus this one.
		ts, err := w.svc.TrainingsOfVillage(w.ctx, w.haidan, w.haidanID, 10)
		want.OK(t, err)
		kinds := map[prosperity.TrainingKind]bool{}
		for _, x := range ts {
			kinds[x.Kind] = true
		}
		if len(ts) != 5 || ts[0].ID != tr.ID || len(kinds) != 4 {
			t.Fatalf("trainings of 海丹: %d, first %d, kinds %v", len(ts), ts[0].ID, kinds)
		}
		_, err = w.svc.TrainingsOfVillage(w.ctx, w.haiga, w.haidanID, 10)
		want.Kind(t, err, apperr.KindNotFound)
		page2, err := w.svc.ListTrainings(w.ctx, w.admin, prosperity.TrainingFilter{TownID: w.Town.Town.ID, Before: ts[1].ID, Limit: 3})
		want.OK(t, err)
		if len(page2) != 3 || page2[0].StartedOn.After(ts[1].StartedOn) {
			t.Fatalf("page 2 %+v", page2)
		}
	})
}

// Industries, cooperatives with households, attachments and the picture.
func TestIndustriesCooperativesModel(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		m, err := w.svc.VillageModel(w.ctx, w.haidan, w.haidanID)
		want.OK(t, err)
		if len(m.Industries) != 1 || m.Industries[0].Name != "魔芋" || len(m.Coops) != 1 || m.Coops[0].BranchName == "" ||
			m.Enrolled != m.Coops[0].Households || m.Enrolled == 0 || m.Households != 120 || len(m.IndustryOrg) != 1 {
			t.Fatalf("海丹 model %+v", m)
		}
		_, err = w.svc.VillageModel(w.ctx, w.haiga, w.haidanID)
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.AddIndustry(w.ctx, w.haidan, w.haidanID, "魔芋", prosperity.IndustryOneProduct, "")
		want.Kind(t, err, apperr.KindConflict)
		ind, err := w.svc.AddIndustry(w.ctx, w.haidan, w.haidanID, "天麻", prosperity.IndustrySpecialty, "林下种植")
		want.OK(t, err)
		c, err := w.svc.AddCooperative(w.ctx, w.haidan, prosperity.NewCooperative{IndustryID: ind.ID, BranchID: w.Town.Groups["海丹一组"].ID, Name: "海丹天麻种植专业合作社"})
		want.OK(t, err)
		_, err = w.svc.AddCooperative(w.ctx, w.haidan, prosperity.NewCooperative{IndustryID: ind.ID, BranchID: w.Town.Groups["海戛一组"].ID, Name: "另一个"})
		want.Field(t, err, "branch_id", "cooperative.branch_unknown")
		var own, other int64
		if err := d.QueryRow(`SELECT MIN(h.id) FROM households h JOIN orgs o ON o.id = h.org_id WHERE o.parent_id = $1`, w.haidanID).Scan(&own); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(`SELECT MIN(h.id) FROM households h JOIN orgs o ON o.id = h.org_id WHERE o.parent_id = $1`, w.haigaID).Scan(&other); err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.Enrol(w.ctx, w.haidan, c.ID, []int64{own, other}, w.today)
		want.Field(t, err, "household_ids", "prosperity.not_in_village")
		n, err := w.svc.Enrol(w.ctx, w.haidan, c.ID, []int64{own}, w.today)
		want.OK(t, err)
		if n != 1 {
			t.Fatalf("enrolled %d", n)
		}
		cs, err := w.svc.CooperativesOfVillage(w.ctx, w.haidan, w.haidanID)
		want.OK(t, err)
		if len(cs) != 2 || cs[1].Households != 1 {
			t.Fatalf("cooperatives %+v", cs)
		}
		orgs, err := w.svc.IndustryOrgs(w.ctx, w.admin, w.Town.Town.ID)
		want.OK(t, err)
		kinds := map[string]bool{}
		for _, o := range orgs {
			if o.AttachedName == "" {
				t.Fatalf("industry org %s not attached", o.Name)
			}
			kinds[o.IndustryType] = true
		}
		if len(orgs) != 5 || len(kinds) != 4 {
			t.Fatalf("industry orgs %+v", orgs)
		}
	})
}

// A cooperative's page reads its households and the village's others;
// the programme reads with people.read throughout: an actor who sees the
// town's organisations (org.read) but not its people sees no industry
// organisation and attaches none.
func TestCooperativeAndOneReadPermission(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		m, err := w.svc.VillageModel(w.ctx, w.haidan, w.haidanID)
		want.OK(t, err)
		coop := m.Coops[0]
		v, err := w.svc.Cooperative(w.ctx, w.haidan, coop.ID)
		want.OK(t, err)
		if len(v.Members) != coop.Households || v.Cooperative.Households != coop.Households || v.VillageName != "海丹" {
			t.Fatalf("cooperative %+v", v)
		}
		rest, err := w.svc.Unenrolled(w.ctx, w.haidan, coop.ID)
		want.OK(t, err)
		if len(rest)+len(v.Members) != m.Households {
			t.Fatalf("%d households to enrol and %d members of %d", len(rest), len(v.Members), m.Households)
		}
		_, err = w.svc.Cooperative(w.ctx, w.haiga, coop.ID)
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.Unenrolled(w.ctx, w.haiga, coop.ID)
		want.Kind(t, err, apperr.KindNotFound)
		cs, err := w.svc.CooperativesOfTown(w.ctx, w.admin, w.Town.Town.ID)
		want.OK(t, err)
		if len(cs) != 3 {
			t.Fatalf("town cooperatives %+v", cs)
		}
		_, err = w.svc.CooperativesOfTown(w.ctx, w.haidan, w.Town.Town.ID)
		want.Kind(t, err, apperr.KindNotFound)

		town := w.Town.Town
		orgsOnly := &auth.Actor{UserID: 1, Username: "orgs-only", Bindings: []auth.Binding{{Role: auth.RoleRepresentative,
			OrgID: town.ID, TownID: town.ID, OrgPath: town.Path}}}
		_, err = w.svc.IndustryOrgs(w.ctx, orgsOnly, town.ID)
		want.Kind(t, err, apperr.KindNotFound)
		orgs, err := w.svc.IndustryOrgs(w.ctx, w.admin, town.ID)
		want.OK(t, err)
		_, err = w.svc.Attach(w.ctx, orgsOnly, orgs[0].OrgID, prosperity.AttachedEnterprise, "企业", 0)
		want.Kind(t, err, apperr.KindNotFound)
		x, err := w.svc.Attach(w.ctx, w.admin, orgs[0].OrgID, prosperity.AttachedCooperative, coop.Name, coop.ID)
		want.OK(t, err)
		if x.CooperativeID != coop.ID || x.AttachedKind != prosperity.AttachedCooperative {
			t.Fatalf("attached %+v", x)
		}
	})
}
