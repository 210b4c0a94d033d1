// Package memberstest puts party members into a test database directly,
// with properly sealed identifiers, for tests of the activity use cases
// that need members but do not exercise the roster's own use cases.
package memberstest

import (
	"context"
	"database/sql"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/people"
)

// Member describes a member to insert. Status is one of the members
// package's statuses ("probationary", "full", "left", …).
type Member struct {
	OrgID    int64
	Name     string
	Status   string
	JoinedOn day.Day
	FullOn   day.Day
	LeftOn   day.Day
	UserID   int64
	// Birth, Sex ("M" or "F") and Category are optional; the id number is
	// made to match the birth date and sex.
	Birth    day.Day
	Sex      string
	Category string
}

var seq atomic.Int64

// IDNumber returns a fresh valid 公民身份号码 (GB 11643) born on birth.
func IDNumber(birth time.Time) string { return idNumber(birth, "") }

// idNumber is IDNumber of the given sex ("" for any): digit 17 is odd for
// men, so sequence numbers of the other parity are skipped.
func idNumber(birth time.Time, sex string) string {
	n := seq.Add(1)
	for sex != "" && (n%2 == 1) != (sex == "M") {
		n = seq.Add(1)
	}
	first := fmt.Sprintf("530325%s%03d", birth.Format("20060102"), n%1000)
	return first + string(people.CheckDigit(first))
}

// Day is a date literal for tests.
func Day(y int, m time.Month, d int) day.Day { return day.New(y, m, d) }

// Add inserts a member and returns its id. The member's town is the
// branch's town, its village the branch's 村党总支 (as the roster sets it).
func Add(t testing.TB, d *db.DB, sealer *people.Sealer, m Member) int64 {
	t.Helper()
	ctx := context.Background()
	birth := time.Date(1970+int(seq.Load()%30), time.March, 3, 0, 0, 0, 0, time.UTC)
	if !m.Birth.IsZero() {
		birth = m.Birth.Time()
	}
	id, err := sealer.Seal(idNumber(birth, m.Sex), day.Of(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	var town any
	if err := d.QueryRowContext(ctx, `SELECT town_id FROM orgs WHERE id = $1`, m.OrgID).Scan(&town); err != nil {
		t.Fatal(err)
	}
	var user any
	if m.UserID != 0 {
		user = m.UserID
	}
	now := time.Now().UTC()
	var out int64
	err = d.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO members(town_id, org_id, village_id, name, id_cipher, id_hash, id_masked,
		birth_date, sex, category, status, joined_on, full_on, left_on, user_id, created_at, updated_at)
		VALUES ($1, $2, (SELECT CASE WHEN o.type = 'general_branch' THEN o.id WHEN p.type = 'general_branch' THEN p.id END
			FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id WHERE o.id = $2),
		$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
			town, m.OrgID, m.Name, id.Cipher, id.Hash, id.Masked, stored(id.Birth), id.Sex, m.Category, m.Status,
			stored(m.JoinedOn), stored(m.FullOn), stored(m.LeftOn), user, now, now).Scan(&out)
		if err != nil {
			return err
		}
		// Written past the roster's use cases: the report's tallies are
		// counted afresh.
		return members.RebuildTallies(ctx, tx)
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// stored is a day as the roster's use cases write member dates (the
// day's midnight), NULL for none.
func stored(d day.Day) any {
	if d.IsZero() {
		return nil
	}
	return d.Time()
}

// Full adds a 正式党员 who joined in 2015 and became full in 2016.
func Full(t testing.TB, d *db.DB, sealer *people.Sealer, orgID int64, name string) int64 {
	return Add(t, d, sealer, Member{OrgID: orgID, Name: name, Status: "full",
		JoinedOn: Day(2015, 6, 1), FullOn: Day(2016, 6, 1)})
}

// Probationary adds a 预备党员 who joined on the given day.
func Probationary(t testing.TB, d *db.DB, sealer *people.Sealer, orgID int64, name string, joined time.Time) int64 {
	return Add(t, d, sealer, Member{OrgID: orgID, Name: name, Status: "probationary", JoinedOn: day.Of(joined)})
}
