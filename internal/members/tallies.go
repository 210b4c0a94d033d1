package members

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/people"
)

// The development report's per-town counts (table member_tallies, see
// migration 0063). Every use case that writes members applies the
// difference its change makes in its own transaction: the report of a
// county or a province adds up some hundred rows a town instead of reading
// every member. The counts are marginal, as the report's Breakdown is:
//
//	kind          year           key
//	status        0              the status (every status, left too)
//	admitted      joined_on's    total, women, cat:<category>, age:<band at admission>
//	became_full   full_on's      total
//	members       0              total, women, cat:<category>  (正式+预备 now)
//	members_born  birth year     total                          (正式+预备 now)
//
// The members' ages are counted at the end of the report's year (year −
// birth year), so their birth years are enough. Members whose town is
// unknown are counted under town 0, which no report reads.
const (
	tallyStatus      = "status"
	tallyAdmitted    = "admitted"
	tallyBecameFull  = "became_full"
	tallyMembers     = "members"
	tallyMembersBorn = "members_born"
)

// tallyKey is one row of member_tallies.
type tallyKey struct {
	town int64
	kind string
	year int
	key  string
}

// tallies are counts to add to member_tallies (negative to take away).
type tallies map[tallyKey]int

// memberFacts are what the tallies count of one member.
type memberFacts struct {
	town                      int64
	status                    Status
	category                  Category
	sex                       string
	birth, joined, becameFull time.Time // zero: none
}

func factsOf(m Member) memberFacts {
	return memberFacts{town: m.TownID, status: m.Status, category: m.Category, sex: m.Sex,
		birth: m.BirthDate.Time(), joined: m.JoinedOn.Time(), becameFull: m.FullOn.Time()}
}

// factsOfNew are the facts of a person about to be written with
// memberValues: the same values, so the tallies count what is stored.
func factsOfNew(p prepared) memberFacts {
	return memberFacts{town: p.place.TownID, status: p.in.Status, category: p.in.Category, sex: p.id.Sex,
		birth: p.id.Birth.Time(), joined: p.in.JoinedOn, becameFull: p.in.FullOn}
}

// count adds one member's facts, sign +1, or takes them away, sign -1.
func (t tallies) count(f memberFacts, sign int) {
	add := func(kind string, year int, key string) { t[tallyKey{f.town, kind, year, key}] += sign }
	add(tallyStatus, 0, string(f.status))
	breakdown := func(kind string, year int) {
		add(kind, year, "total")
		if f.sex == "F" {
			add(kind, year, "women")
		}
		add(kind, year, "cat:"+string(f.category))
	}
	if !f.joined.IsZero() {
		y := f.joined.Year()
		breakdown(tallyAdmitted, y)
		add(tallyAdmitted, y, "age:"+AgeBands[ageBand(people.AgeOn(day.Of(f.birth), day.Of(f.joined)))])
	}
	if !f.becameFull.IsZero() {
		add(tallyBecameFull, f.becameFull.Year(), "total")
	}
	if f.status == StatusProbationary || f.status == StatusFull {
		breakdown(tallyMembers, 0)
		add(tallyMembersBorn, f.birth.Year(), "total")
	}
}

// retally applies to the tallies the difference a change made to one
// member: before is nil for a new person.
func retally(ctx context.Context, tx *sql.Tx, before *Member, after Member) error {
	t := tallies{}
	if before != nil {
		t.count(factsOf(*before), -1)
	}
	t.count(factsOf(after), 1)
	return t.write(ctx, tx)
}

// tallyChunk is how many rows one upsert writes (5 values each).
const tallyChunk = 100

// write adds the counts to member_tallies, in key order so two
// transactions touching the same rows lock them in the same order. Rows
// that come down to zero stay (a report adds nothing for them).
func (t tallies) write(ctx context.Context, tx *sql.Tx) error {
	keys := make([]tallyKey, 0, len(t))
	for k, n := range t {
		if n != 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b tallyKey) int {
		return cmp.Or(cmp.Compare(a.town, b.town), cmp.Compare(a.kind, b.kind), cmp.Compare(a.year, b.year), cmp.Compare(a.key, b.key))
	})
	for chunk := range slices.Chunk(keys, tallyChunk) {
		var args db.Args
		rows := make([]string, len(chunk))
		for i, k := range chunk {
			rows[i] = "(" + db.InList(&args, []any{k.town, k.kind, k.year, k.key, t[k]}) + ")"
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO member_tallies(town_id, kind, year, key, n) VALUES `+
			strings.Join(rows, ", ")+` ON CONFLICT (town_id, kind, year, key) DO UPDATE SET n = member_tallies.n + excluded.n`,
			args.Values()...); err != nil {
			return err
		}
	}
	return nil
}

// RebuildTallies counts the development report's tallies afresh from the
// members table. The roster's use cases keep them right; whatever writes
// members directly (test fixtures, the scale and load generators) calls
// this in the same transaction afterwards.
func RebuildTallies(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT COALESCE(town_id, 0), status, category, sex, CAST(birth_date AS TEXT),
		CAST(joined_on AS TEXT), CAST(full_on AS TEXT) FROM members`)
	if err != nil {
		return err
	}
	t := tallies{}
	for rows.Next() {
		var f memberFacts
		var birth, joined, full day.Day
		if err := rows.Scan(&f.town, &f.status, &f.category, &f.sex, &birth, &joined, &full); err != nil {
			rows.Close()
			return err
		}
		f.birth = birth.Time()
		if !joined.IsZero() {
			f.joined = joined.Time()
		}
		if !full.IsZero() {
			f.becameFull = full.Time()
		}
		t.count(f, 1)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM member_tallies`); err != nil {
		return err
	}
	return t.write(ctx, tx)
}
