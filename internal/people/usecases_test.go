package people_test

import (
	"context"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

var ctx = context.Background()

// number makes a valid 富源县 id number for a birth date and sequence.
func number(birth string, seq string) string {
	first17 := demo.DemoRegion + birth + seq
	return first17 + string(people.CheckDigit(first17))
}

func count(t *testing.T, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// firstHousehold is a demo household of a village, seen by the system.
func firstHousehold(t *testing.T, env *testkit.Env, a *auth.Actor, village string) people.Household {
	t.Helper()
	hs, err := env.Svc.People.ListHouseholds(ctx, a, people.HouseholdFilter{OrgID: env.Town.Villages[village].ID, Limit: 1})
	if err != nil || len(hs) != 1 {
		t.Fatalf("no household in %s: %v", village, err)
	}
	return hs[0]
}

func TestUseCases(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		svc := env.Svc.People
		haidan, haiga, admin := env.ActorFor(t, "haidan"), env.ActorFor(t, "haiga"), env.ActorFor(t, "admin")
		zhongxin := env.ActorFor(t, "zhongxin")
		haidan3 := env.Town.Groups["海丹三组"]
		haiga2 := env.Town.Groups["海戛二组"]

		t.Run("demo registry", func(t *testing.T) {
			if n := count(t, d, `SELECT COUNT(*) FROM households`); n != len(demo.Villages)*demo.HouseholdsPerVillage {
				t.Fatalf("%d demo households", n)
			}
			// Two to five residents a household: about 3.3 on average.
			households := len(demo.Villages) * demo.HouseholdsPerVillage
			residents := count(t, d, `SELECT COUNT(*) FROM residents`)
			if residents < 3*households || residents > 4*households {
				t.Fatalf("%d demo residents in %d households, want 3 to 4 a household", residents, households)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM households h WHERE (SELECT COUNT(*) FROM residents r
				WHERE r.household_id = h.id) NOT BETWEEN 2 AND 5`); n != 0 {
				t.Fatalf("%d households without 2–5 residents", n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM households h JOIN orgs o ON o.id = h.org_id WHERE o.type <> 'branch'`); n != 0 {
				t.Fatalf("%d demo households not in a group branch", n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'people.import'`); n != len(demo.Villages) {
				t.Fatalf("%d import audit records, want one per village", n)
			}
			hd := env.Town.Villages["海丹"].ID
			if n := count(t, d, `SELECT COUNT(*) FROM households WHERE code = '海丹-03-001' AND org_id = $1`, env.Town.Groups["海丹三组"].ID); n != 1 || hd == 0 {
				t.Fatal("no household 海丹-03-001 in 海丹三组")
			}
			ages := map[int]int{}
			var after int64
			for {
				rs, err := svc.ListResidents(ctx, admin, people.ResidentFilter{AfterID: after, Limit: 200})
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range rs {
					ages[r.Age/10]++
					after = r.ID
					if r.IDMasked[:6] != demo.DemoRegion {
						t.Fatalf("resident %s has region %s", r.Name, r.IDMasked[:6])
					}
				}
				if len(rs) < 200 {
					break
				}
			}
			for decade := 0; decade <= 8; decade++ {
				if ages[decade] == 0 {
					t.Errorf("no demo resident aged %d–%d", decade*10, decade*10+9)
				}
			}
			if ages[9] != 0 || ages[8] == 0 {
				t.Errorf("ages above 85 or none in their eighties: %v", ages)
			}
		})

		t.Run("scope", func(t *testing.T) {
			hs, err := svc.ListHouseholds(ctx, haidan, people.HouseholdFilter{OrgID: env.Town.Villages["海戛"].ID})
			if err != nil || len(hs) != 0 {
				t.Fatalf("haidan lists 海戛 households: %d, %v", len(hs), err)
			}
			other := firstHousehold(t, env, admin, "海戛")
			_, _, err = svc.GetHousehold(ctx, haidan, other.ID)
			want.Kind(t, err, apperr.KindNotFound)
			// Another village's group is refused as one that does not exist.
			for _, orgID := range []int64{haiga2.ID, 99999999} {
				_, err = svc.CreateHousehold(ctx, haidan, people.HouseholdInput{OrgID: orgID, Code: "海戛-02-901", HeadName: "张三"})
				want.Field(t, err, "org_id", "people.org_invalid")
			}
			_, err = svc.AddResident(ctx, haidan, people.ResidentInput{HouseholdID: 99999999, Name: "李四", IDNumber: number("19900101", "011")})
			want.Kind(t, err, apperr.KindNotFound)
			_, err = svc.AddResident(ctx, haidan, people.ResidentInput{HouseholdID: other.ID, Name: "李四", IDNumber: number("19900101", "011")})
			want.Kind(t, err, apperr.KindNotFound)
			_, err = svc.UpdateHousehold(ctx, haidan, other.ID, people.HouseholdInput{Code: other.Code, HeadName: "改名"})
			want.Kind(t, err, apperr.KindNotFound)
			// A centre's staff read but do not write.
			_, err = svc.CreateHousehold(ctx, zhongxin, people.HouseholdInput{OrgID: haidan3.ID, Code: "海丹-03-901", HeadName: "张三"})
			want.Kind(t, err, apperr.KindForbidden)
			if n := count(t, d, `SELECT COUNT(*) FROM households WHERE code LIKE '%-901'`); n != 0 {
				t.Fatalf("%d refused households were written", n)
			}
			mine, err := svc.ListHouseholds(ctx, haidan, people.HouseholdFilter{Limit: 200})
			if err != nil || len(mine) != demo.HouseholdsPerVillage {
				t.Fatalf("haidan sees %d households, want %d: %v", len(mine), demo.HouseholdsPerVillage, err)
			}
			for _, h := range mine {
				if !db.Under(h.OrgPath, env.Town.Villages["海丹"].Path) {
					t.Fatalf("haidan sees %s of another village", h.Code)
				}
			}
		})

		t.Run("create, validate, audit", func(t *testing.T) {
			_, err := svc.CreateHousehold(ctx, haidan, people.HouseholdInput{OrgID: haidan3.ID, Phone: "abc"})
			e := want.Kind(t, err, apperr.KindInvalid)
			for _, f := range []string{"code", "head_name", "phone"} {
				if _, ok := e.Fields[f]; !ok {
					t.Errorf("no error on %s: %+v", f, e.Fields)
				}
			}
			_, err = svc.CreateHousehold(ctx, haidan, people.HouseholdInput{OrgID: env.Town.Town.ID, Code: "X-1", HeadName: "张三"})
			if e := want.Kind(t, err, apperr.KindInvalid); e.Fields["org_id"].Key != "people.org_invalid" {
				t.Fatalf("a household in the town itself: %+v", e.Fields)
			}
			h, err := svc.CreateHousehold(ctx, haidan, people.HouseholdInput{OrgID: haidan3.ID, Code: " 海丹-03-101 ", HeadName: "王建华", Phone: "139 0000 1111"})
			if err != nil {
				t.Fatal(err)
			}
			if h.Code != "海丹-03-101" || h.OrgID != haidan3.ID || h.TownID != env.Town.Town.ID {
				t.Fatalf("created %+v", h)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'household.create' AND entity_id = $1 AND actor_id = $2`, h.ID, haidan.UserID); n != 1 {
				t.Fatalf("%d audit records for the creation", n)
			}
			_, err = svc.CreateHousehold(ctx, admin, people.HouseholdInput{OrgID: env.Town.Groups["民家一组"].ID, Code: "海丹-03-101", HeadName: "李四"})
			if e := want.Kind(t, err, apperr.KindConflict); e.Fields["code"].Key != "people.code_taken" {
				t.Fatalf("duplicate code: %+v", e)
			}
			r, err := svc.AddResident(ctx, haidan, people.ResidentInput{HouseholdID: h.ID, Name: "王建华", Relation: "head",
				IDNumber: number("19750615", "031")})
			if err != nil {
				t.Fatal(err)
			}
			if r.BirthDate.String() != "1975-06-15" || r.Sex != "M" || r.Age != 51 || r.IDMasked != "530325********031"+number("19750615", "031")[17:] {
				t.Fatalf("birth, sex, age, mask not read from the number: %+v", r)
			}
			_, err = svc.AddResident(ctx, haidan, people.ResidentInput{HouseholdID: h.ID, Name: "错号", IDNumber: "530325198001010019"})
			if e := want.Kind(t, err, apperr.KindInvalid); e.Fields["id_number"].Key != "idnumber.check" {
				t.Fatalf("bad check digit: %+v", e.Fields)
			}
			// Moving the household moves its residents.
			moved, err := svc.UpdateHousehold(ctx, haidan, h.ID, people.HouseholdInput{OrgID: env.Town.Groups["海丹四组"].ID,
				Code: h.Code, HeadName: h.HeadName})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := svc.GetResident(ctx, haidan, r.ID)
			if moved.OrgID != env.Town.Groups["海丹四组"].ID || got.OrgID != moved.OrgID {
				t.Fatalf("household in %d, resident in %d", moved.OrgID, got.OrgID)
			}
			for _, orgID := range []int64{haiga2.ID, 99999999} {
				_, err = svc.UpdateHousehold(ctx, haidan, h.ID, people.HouseholdInput{OrgID: orgID, Code: h.Code, HeadName: h.HeadName})
				want.Field(t, err, "org_id", "people.org_invalid")
			}
		})

		t.Run("duplicate id number", func(t *testing.T) {
			own := firstHousehold(t, env, haidan, "海丹")
			_, members, err := svc.GetHousehold(ctx, haidan, own.ID)
			if err != nil || len(members) < 2 {
				t.Fatalf("members: %d, %v", len(members), err)
			}
			_, ownNumber, err := svc.Reveal(ctx, haidan, members[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			_, err = svc.AddResident(ctx, haidan, people.ResidentInput{HouseholdID: own.ID, Name: "重复", IDNumber: ownNumber})
			e := want.Kind(t, err, apperr.KindConflict)
			if e.Key != "people.id_taken_by" || e.Params["name"] != members[0].Name || e.Params["code"] != own.Code {
				t.Fatalf("a visible duplicate is not named: %+v", e)
			}
			other := firstHousehold(t, env, admin, "海戛")
			_, theirs, _ := svc.GetHousehold(ctx, admin, other.ID)
			_, theirNumber, err := svc.Reveal(ctx, admin, theirs[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			_, err = svc.AddResident(ctx, haidan, people.ResidentInput{HouseholdID: own.ID, Name: "重复", IDNumber: theirNumber})
			e = want.Kind(t, err, apperr.KindConflict)
			if e.Key != "people.id_taken" || len(e.Params) != 0 {
				t.Fatalf("a duplicate in another village leaks: %+v", e)
			}
			// Editing a resident with their own number is not a duplicate.
			if _, err := svc.UpdateResident(ctx, haidan, members[0].ID, people.ResidentInput{Name: members[0].Name,
				Relation: members[0].Relation, IDNumber: ownNumber}); err != nil {
				t.Fatal(err)
			}
		})

		t.Run("age band", func(t *testing.T) {
			h, err := svc.CreateHousehold(ctx, haidan, people.HouseholdInput{OrgID: haidan3.ID, Code: "海丹-03-102", HeadName: "龄测甲"})
			if err != nil {
				t.Fatal(err)
			}
			// The clock stands on 2026-11-26.
			for name, birth := range map[string]string{
				"龄测十八": "20081126", // 18 today
				"龄测十七": "20081127", // 18 tomorrow
				"龄测四五": "19801127", // 45, 46 tomorrow
				"龄测四六": "19801126", // 46 today
			} {
				if _, err := svc.AddResident(ctx, haidan, people.ResidentInput{HouseholdID: h.ID, Name: name,
					IDNumber: number(birth, "021")}); err != nil {
					t.Fatal(err)
				}
			}
			band := func() map[string]bool {
				lo, hi := 18, 45
				rs, err := svc.ListResidents(ctx, haidan, people.ResidentFilter{Name: "龄测", MinAge: &lo, MaxAge: &hi})
				if err != nil {
					t.Fatal(err)
				}
				out := map[string]bool{}
				for _, r := range rs {
					out[r.Name] = true
				}
				return out
			}
			if got := band(); len(got) != 2 || !got["龄测十八"] || !got["龄测四五"] {
				t.Fatalf("18–45 on 2026-11-26: %v", got)
			}
			saved := env.Clock.T
			env.Clock.T = saved.AddDate(0, 0, 1)
			defer func() { env.Clock.T = saved }()
			if got := band(); len(got) != 2 || !got["龄测十八"] || !got["龄测十七"] {
				t.Fatalf("18–45 on 2026-11-27: %v", got)
			}
			lo, hi := 50, 20
			_, err = svc.ListResidents(ctx, haidan, people.ResidentFilter{MinAge: &lo, MaxAge: &hi})
			if e := want.Kind(t, err, apperr.KindInvalid); e.Fields["max_age"].Key != "people.age_order" {
				t.Fatalf("min above max: %+v", e.Fields)
			}
		})

		t.Run("keyset pages", func(t *testing.T) {
			village := env.Town.Villages["大坪"]
			seen := map[int64]bool{}
			var after int64
			pages := 0
			for {
				rs, err := svc.ListResidents(ctx, admin, people.ResidentFilter{OrgID: village.ID, AfterID: after, Limit: 17})
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range rs {
					if r.ID <= after || seen[r.ID] {
						t.Fatalf("resident %d out of order or repeated after %d", r.ID, after)
					}
					seen[r.ID] = true
					after = r.ID
				}
				pages++
				if len(rs) < 17 {
					break
				}
			}
			want := count(t, d, `SELECT COUNT(*) FROM residents r JOIN orgs o ON o.id = r.org_id WHERE o.parent_id = $1 OR o.id = $1`, village.ID)
			if len(seen) != want || pages < 3 {
				t.Fatalf("paged %d residents in %d pages, want %d", len(seen), pages, want)
			}
			hs, err := svc.ListHouseholds(ctx, admin, people.HouseholdFilter{OrgID: village.ID, Limit: 30})
			if err != nil || len(hs) != 30 {
				t.Fatalf("first page: %d, %v", len(hs), err)
			}
			rest, err := svc.ListHouseholds(ctx, admin, people.HouseholdFilter{OrgID: village.ID, AfterID: hs[29].ID, Limit: 200})
			if err != nil || len(rest) != demo.HouseholdsPerVillage-30 || rest[0].ID <= hs[29].ID {
				t.Fatalf("second page: %d, %v", len(rest), err)
			}
		})

		t.Run("search by id number", func(t *testing.T) {
			own := firstHousehold(t, env, haidan, "海丹")
			_, members, _ := svc.GetHousehold(ctx, haidan, own.ID)
			_, n, _ := svc.Reveal(ctx, haidan, members[1].ID)
			lower := n[:17] + "x"
			if n[17] != 'X' {
				lower = n
			}
			r, err := svc.FindByIDNumber(ctx, haidan, lower)
			if err != nil || r.ID != members[1].ID {
				t.Fatalf("found %+v, %v", r, err)
			}
			_, err = svc.FindByIDNumber(ctx, haiga, n)
			want.Kind(t, err, apperr.KindNotFound)
			hs, err := svc.ListHouseholds(ctx, haidan, people.HouseholdFilter{Query: n})
			if err != nil || len(hs) != 1 || hs[0].ID != own.ID {
				t.Fatalf("household by id number: %+v, %v", hs, err)
			}
			rs, err := svc.ListResidents(ctx, haiga, people.ResidentFilter{IDNumber: n})
			if err != nil || len(rs) != 0 {
				t.Fatalf("haiga finds a 海丹 resident by number: %d, %v", len(rs), err)
			}
		})

		t.Run("reveal", func(t *testing.T) {
			own := firstHousehold(t, env, haidan, "海丹")
			_, members, _ := svc.GetHousehold(ctx, haidan, own.ID)
			r := members[0]
			logged := func() int {
				return count(t, d, `SELECT COUNT(*) FROM read_log WHERE entity = 'resident' AND entity_id = $1`, r.ID)
			}
			before := logged()
			_, n, err := svc.Reveal(ctx, haidan, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if people.Mask(n) != r.IDMasked {
				t.Fatalf("revealed %s does not match %s", people.Mask(n), r.IDMasked)
			}
			if logged() != before+1 || count(t, d, `SELECT COUNT(*) FROM read_log WHERE entity_id = $1 AND user_id = $2 AND org_id = $3`,
				r.ID, haidan.UserID, r.OrgID) == 0 {
				t.Fatal("the look was not logged with its reader and organisation")
			}
			_, _, err = svc.Reveal(ctx, zhongxin, r.ID)
			want.Kind(t, err, apperr.KindForbidden)
			_, _, err = svc.Reveal(ctx, haiga, r.ID)
			want.Kind(t, err, apperr.KindNotFound)
			if logged() != before+1 {
				t.Fatal("a refused look was logged as a read")
			}
		})

		t.Run("import is all or nothing", func(t *testing.T) {
			households := func() int { return count(t, d, `SELECT COUNT(*) FROM households`) }
			before := households()
			good := people.ImportHousehold{HouseholdInput: people.HouseholdInput{OrgID: haidan3.ID, Code: "海丹-03-701", HeadName: "批量甲"},
				Residents: []people.ResidentInput{{Name: "批量甲", Relation: "head", IDNumber: number("19700707", "071")}}}
			_, err := svc.Import(ctx, haidan, []people.ImportBatch{{VillageID: env.Town.Villages["海戛"].ID}})
			want.Kind(t, err, apperr.KindNotFound)
			outside := good
			outside.OrgID = haiga2.ID
			_, err = svc.Import(ctx, haidan, []people.ImportBatch{{VillageID: env.Town.Villages["海丹"].ID, Households: []people.ImportHousehold{outside}}})
			want.Kind(t, err, apperr.KindInvalid)
			dup := good
			dup.Code = "海丹-03-702"
			_, err = svc.Import(ctx, haidan, []people.ImportBatch{{VillageID: env.Town.Villages["海丹"].ID, Households: []people.ImportHousehold{good, dup}}})
			want.Kind(t, err, apperr.KindConflict)
			if households() != before {
				t.Fatal("a refused import left households behind")
			}
			n, err := svc.Import(ctx, haidan, []people.ImportBatch{{VillageID: env.Town.Villages["海丹"].ID, Households: []people.ImportHousehold{good}}})
			if err != nil || n != 1 || households() != before+1 {
				t.Fatalf("import: %d residents, %v", n, err)
			}
			if c := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'people.import' AND actor_id = $1`, haidan.UserID); c != 1 {
				t.Fatalf("%d audit records for one village's import", c)
			}
		})

		t.Run("counts", func(t *testing.T) {
			ids := []int64{env.Town.Town.ID}
			for _, v := range demo.Villages {
				ids = append(ids, env.Town.Villages[v.Name].ID)
			}
			cs, err := svc.Counts(ctx, admin, ids)
			if err != nil {
				t.Fatal(err)
			}
			var hsum, rsum, asum int
			for _, v := range demo.Villages {
				c := cs[env.Town.Villages[v.Name].ID]
				hsum, rsum, asum = hsum+c.Households, rsum+c.Residents, asum+c.Adults
				if c.Households < demo.HouseholdsPerVillage || c.Residents < 2*c.Households || c.Adults >= c.Residents || c.Adults == 0 {
					t.Errorf("%s: %+v", v.Name, c)
				}
			}
			town := cs[env.Town.Town.ID]
			if town.Households != hsum || town.Residents != rsum || town.Adults != asum {
				t.Fatalf("town %+v is not the sum of its villages (%d, %d, %d)", town, hsum, rsum, asum)
			}
			if total := count(t, d, `SELECT COUNT(*) FROM residents`); town.Residents != total {
				t.Fatalf("town counts %d residents of %d", town.Residents, total)
			}
			// Adults counted in SQL agree with ages computed in Go.
			adults, after := 0, int64(0)
			for {
				rs, err := svc.ListResidents(ctx, admin, people.ResidentFilter{OrgID: env.Town.Villages["海丹"].ID, AfterID: after, Limit: 200})
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range rs {
					if r.Age >= 18 {
						adults++
					}
					after = r.ID
				}
				if len(rs) < 200 {
					break
				}
			}
			if got := cs[env.Town.Villages["海丹"].ID].Adults; got != adults {
				t.Fatalf("海丹 adults: SQL %d, Go %d", got, adults)
			}
			mine, err := svc.Counts(ctx, haidan, ids)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := mine[env.Town.Villages["海戛"].ID]; ok || len(mine) != 1 {
				t.Fatalf("haidan gets counts outside 海丹: %v", mine)
			}
		})
	})
}
