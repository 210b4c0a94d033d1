package people_test

import (
	"strings"
	"testing"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
)

// TestPeopleDaysMigrationLeavesOneFormOfADay: birth dates written before
// they were days carry the driver's clock-time text on SQLite, which as
// text is not equal to the same day written now, so someone turning 18
// today falls out of an 18+ band. The migration rewrites them to
// "2006-01-02", after which a day finds both rows and the age band holds
// both people. On PostgreSQL the column is DATE and nothing changes.
func TestPeopleDaysMigrationLeavesOneFormOfADay(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin := env.ActorFor(t, "admin")
		today := day.Today(env.Clock)
		born := day.New(today.Year()-18, today.Month(), today.Day())
		digits := strings.ReplaceAll(born.String(), "-", "")
		h := firstHousehold(t, env, admin, "海丹")
		var rs []people.Resident
		for _, seq := range []string{"771", "782"} {
			r, err := env.Svc.People.AddResident(ctx, admin, people.ResidentInput{HouseholdID: h.ID, Name: "十八" + seq, IDNumber: number(digits, seq)})
			if err != nil {
				t.Fatal(err)
			}
			rs = append(rs, r)
		}
		// The second written as before: a time at midnight.
		if _, err := d.ExecContext(ctx, `UPDATE residents SET birth_date = $1 WHERE id = $2`, born.Time(), rs[1].ID); err != nil {
			t.Fatal(err)
		}
		unlike := func() int {
			return count(t, d, `SELECT COUNT(*) FROM residents WHERE LENGTH(CAST(birth_date AS TEXT)) <> 10`)
		}
		adults := func() int {
			t.Helper()
			eighteen := 18
			list, err := env.Svc.People.ListResidents(ctx, admin, people.ResidentFilter{OrgID: h.OrgID, MinAge: &eighteen, MaxAge: &eighteen, Name: "十八", Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			return len(list)
		}
		sqlite := d.Dialect == db.SQLite
		if n, want := unlike(), map[bool]int{true: 1, false: 0}[sqlite]; n != want {
			t.Fatalf("%d birth dates not in the form 2006-01-02 before the migration, want %d", n, want)
		}
		if n, want := count(t, d, `SELECT COUNT(*) FROM residents WHERE birth_date = $1`, born), map[bool]int{true: 1, false: 2}[sqlite]; n != want {
			t.Fatalf("before the migration %d residents born on %s, want %d", n, born, want)
		}
		if n, want := adults(), map[bool]int{true: 1, false: 2}[sqlite]; n != want {
			t.Fatalf("before the migration %d of the two aged 18 today are listed as 18, want %d", n, want)
		}

		testkit.Migrate(t, d, "_people_days.sql")
		if n := unlike(); n != 0 {
			t.Fatalf("%d birth dates still not in the form 2006-01-02", n)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM residents WHERE birth_date = $1`, born); n != 2 {
			t.Fatalf("%d residents born on %s, want 2", n, born)
		}
		if n := adults(); n != 2 {
			t.Fatalf("%d of the two aged 18 today are listed as 18", n)
		}
		r, err := env.Svc.People.GetResident(ctx, admin, rs[1].ID)
		if err != nil || r.BirthDate != born || r.Age != 18 {
			t.Fatalf("resident born %v aged %d: %v", r.BirthDate, r.Age, err)
		}
	})
}
