package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// stored is one sealed id number as a table holds it.
type stored struct {
	sealed []byte
	hash   string
}

func storedNumbers(t *testing.T, d *db.DB, table string) map[int64]stored {
	t.Helper()
	rows, err := d.Query(`SELECT id, id_cipher, id_hash FROM ` + table + ` WHERE id_cipher IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]stored{}
	for rows.Next() {
		var id int64
		var s stored
		if err := rows.Scan(&id, &s.sealed, &s.hash); err != nil {
			t.Fatal(err)
		}
		out[id] = s
	}
	return out
}

// Resealing the demo town to SM4 and back keeps every number, gives each
// row its cipher's version byte and look-up hash (so searches under the
// new cipher find them), does nothing on a second run, logs each batch,
// and going back to AES restores the original look-up hashes.
func TestResealBothWays(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		env := testkit.Start(t, d)
		aesSealer := env.Svc.People.Sealer
		sm4Sealer, err := people.NewSealerFor(testkit.Key, people.CipherSM4)
		if err != nil {
			t.Fatal(err)
		}
		tables, err := sealedTables(ctx, d)
		if err != nil || strings.Join(tables, ",") != "members,residents" {
			t.Fatalf("sealed tables: %v %v", tables, err)
		}
		before := map[string]map[int64]stored{}
		numbers := map[string]map[int64]string{}
		for _, table := range tables {
			before[table] = storedNumbers(t, d, table)
			numbers[table] = map[int64]string{}
			for id, s := range before[table] {
				if numbers[table][id], err = aesSealer.Open(s.sealed); err != nil {
					t.Fatalf("%s %d: %v", table, id, err)
				}
			}
			if len(numbers[table]) == 0 {
				t.Fatalf("the demo town has no sealed %s", table)
			}
		}
		reseal := func(s *people.Sealer) map[string]int {
			got := map[string]int{}
			if err := resealAll(ctx, d, s, 97, func(table string, n int) { got[table] = n }); err != nil {
				t.Fatal(err)
			}
			return got
		}
		moved := reseal(sm4Sealer)
		for _, table := range tables {
			if moved[table] != len(numbers[table]) {
				t.Errorf("%s: %d resealed, want all %d", table, moved[table], len(numbers[table]))
			}
			for id, s := range storedNumbers(t, d, table) {
				n := numbers[table][id]
				if got, err := aesSealer.Open(s.sealed); s.sealed[0] != 2 || err != nil || got != n || s.hash != sm4Sealer.Hash(n) {
					t.Fatalf("%s %d after reseal to SM4: version %d, %q %v", table, id, s.sealed[0], got, err)
				}
			}
		}
		for id, n := range numbers["residents"] { // the look-up FindByIDNumber makes
			var found int64
			if err := d.QueryRow(`SELECT id FROM residents WHERE id_hash = $1`, sm4Sealer.Hash(" "+strings.ToLower(n)+"\n")).Scan(&found); err != nil || found != id {
				t.Fatalf("look-up of resident %d by id number under SM4: %d %v", id, found, err)
			}
		}
		if again := reseal(sm4Sealer); again["residents"] != 0 || again["members"] != 0 {
			t.Fatalf("a second reseal to SM4 changed rows: %v", again)
		}
		reseal(aesSealer)
		for _, table := range tables {
			for id, s := range storedNumbers(t, d, table) {
				if s.sealed[0] != 1 || s.hash != before[table][id].hash {
					t.Fatalf("%s %d back on AES: version %d, hash changed %v", table, id, s.sealed[0], s.hash != before[table][id].hash)
				}
			}
		}
		if _, broken, err := audit.Verify(ctx, d); err != nil || broken != nil {
			t.Fatalf("audit after reseal: %+v %v", broken, err)
		}
		var batches int
		d.QueryRow(`SELECT COUNT(*) FROM audit_log WHERE action = 'identifier.reseal'`).Scan(&batches)
		if min := 2 * (len(numbers["residents"])/97 + 1); batches < min {
			t.Fatalf("%d audit rows for the reseal batches, want at least %d", batches, min)
		}
	})
}

func TestResealCommand(t *testing.T) {
	c := newCLI(t)
	c.must("demo")
	if _, err := c.run("reseal", "-to", "des"); err == nil || !strings.Contains(err.Error(), "sm4|aes") {
		t.Fatalf("reseal to an unknown cipher: %v", err)
	}
	c.env["DANGJIAN_ID_CIPHER"] = "sm4"
	out := c.must("reseal", "-to", "sm4")
	if !strings.Contains(out, "residents: ") || !strings.Contains(out, "resealed with sm4") || strings.Contains(out, "note:") {
		t.Fatalf("reseal said %q", out)
	}
	d := c.open(c.db)
	if n := count(t, d, `SELECT COUNT(*) FROM residents WHERE id_cipher IS NOT NULL AND substr(id_cipher, 1, 1) <> x'02'`); n != 0 {
		t.Fatalf("%d residents not on SM4", n)
	}
	delete(c.env, "DANGJIAN_ID_CIPHER")
	if out := c.must("reseal", "-to", "sm4"); !strings.Contains(out, "note: this server is configured for aes") {
		t.Fatalf("reseal against the configuration must say so: %q", out)
	}
	c.must("audit", "verify")
}

// TestChangeoverFindsEitherCipher: the server is switched to SM4 before
// reseal has moved the demo town's rows, which are still sealed with AES.
// A look-up by number still finds its resident, and the same number can
// be entered neither as a second resident nor as a second member: the
// unique indexes hold only the new cipher's hash, so the use cases ask
// under both.
func TestChangeoverFindsEitherCipher(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		env := testkit.Start(t, d)
		var residentID, householdID int64
		var sealed []byte
		var orgID int64
		if err := d.QueryRow(`SELECT r.id, r.household_id, r.id_cipher FROM residents r
			WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.resident_id = r.id) ORDER BY r.id LIMIT 1`).
			Scan(&residentID, &householdID, &sealed); err != nil {
			t.Fatal(err)
		}
		number, err := env.Svc.People.Sealer.Open(sealed)
		if err != nil {
			t.Fatal(err)
		}
		var memberSealed []byte
		if err := d.QueryRow(`SELECT org_id, id_cipher FROM members ORDER BY id LIMIT 1`).Scan(&orgID, &memberSealed); err != nil {
			t.Fatal(err)
		}
		memberNumber, err := env.Svc.People.Sealer.Open(memberSealed)
		if err != nil {
			t.Fatal(err)
		}
		sm4, err := people.NewSealerFor(testkit.Key, people.CipherSM4)
		if err != nil {
			t.Fatal(err)
		}
		env.Svc.People.Sealer = sm4
		admin := env.ActorFor(t, "admin")

		r, err := env.Svc.People.FindByIDNumber(ctx, admin, number)
		if err != nil || r.ID != residentID {
			t.Fatalf("look-up under SM4 of a number sealed with AES: %d, %v", r.ID, err)
		}
		_, err = env.Svc.People.AddResident(ctx, admin, people.ResidentInput{HouseholdID: householdID, Name: "重复", IDNumber: number, Relation: "child"})
		if e := want.Kind(t, err, apperr.KindConflict); e.Fields["id_number"].Key != "people.id_taken_by" {
			t.Fatalf("a second resident with the number: %v", err)
		}
		_, err = env.Svc.Members.Add(ctx, admin, members.MemberInput{OrgID: orgID, Name: "重复", IDNumber: memberNumber,
			Status: members.StatusFull, JoinedOn: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), FullOn: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)})
		want.Field(t, err, "id_number", "member.duplicate_id")
	})
}
