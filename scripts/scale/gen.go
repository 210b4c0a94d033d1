package main

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/people"
)

// Sizes of the generated tree: the seed town has 16 villages and about
// 143 group branches; members per branch average ten, so 1,400 towns hold
// about two million members.
const (
	villagesPerTown    = 16
	branchesPerVillage = 9
	townsPerCounty     = 15
	batchRows          = 500
)

var categories = []string{"", "", "", "village_cadre", "veteran", "skilled_farmer", "returnee", "graduate", "enterprise_staff"}

// tree is what the timing needs to know about the generated data.
type tree struct {
	rootID, rootPath string
	root             int64
	town, village    int64
	branch           int64
	members          int
	meetings         int
}

// batch collects rows for one multi-row INSERT and flushes when full.
type batch struct {
	ctx  context.Context
	tx   *sql.Tx
	head string // INSERT INTO t(cols) VALUES
	cols int
	args []any
	rows int
	// deps are flushed first: their rows are referenced by this one's.
	deps []*batch
}

func (b *batch) add(vals ...any) error {
	b.args = append(b.args, vals...)
	b.rows++
	if b.rows >= batchRows {
		return b.flush()
	}
	return nil
}

func (b *batch) flush() error {
	if b.rows == 0 {
		return nil
	}
	for _, d := range b.deps {
		if err := d.flush(); err != nil {
			return err
		}
	}
	var sb strings.Builder
	sb.WriteString(b.head)
	n := 1
	for r := 0; r < b.rows; r++ {
		if r > 0 {
			sb.WriteString(", ")
		}
		sb.WriteByte('(')
		for c := 0; c < b.cols; c++ {
			if c > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("$" + strconv.Itoa(n))
			n++
		}
		sb.WriteByte(')')
	}
	_, err := b.tx.ExecContext(b.ctx, sb.String(), b.args...)
	b.args, b.rows = b.args[:0], 0
	return err
}

// generator hands out ids: the database is empty, so ids are assigned
// here and paths are known before insert.
type generator struct {
	d                                *db.DB
	sealer                           *people.Sealer
	now                              time.Time
	today                            time.Time
	nextOrg, nextMember, nextMeeting int64
	t                                tree
}

// generate builds the tree: one root, a county level when there are more
// towns than one county holds, then towns, villages, branches, members,
// pipeline details and meetings. Each county's worth of towns is one
// transaction.
func (g *generator) generate(ctx context.Context, towns int) error {
	g.nextOrg, g.nextMember, g.nextMeeting = 1, 1, 1
	root := g.nextOrg
	g.nextOrg++
	g.t.root = root
	rootPath := "/" + strconv.FormatInt(root, 10) + "/"
	g.t.rootPath = rootPath
	err := g.d.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO orgs(id, parent_id, town_id, type, name, path, sort_order, created_at)
			VALUES ($1, NULL, NULL, 'county', $2, $3, 0, $4)`, root, "规模测试县", rootPath, g.now)
		return err
	})
	if err != nil {
		return err
	}
	for done := 0; done < towns; done += townsPerCounty {
		n := min(townsPerCounty, towns-done)
		err := g.d.Tx(ctx, func(tx *sql.Tx) error {
			parent, parentPath := root, rootPath
			if towns > townsPerCounty {
				// Province scale: a county node per 15 towns under the root.
				parent = g.nextOrg
				g.nextOrg++
				parentPath = rootPath + strconv.FormatInt(parent, 10) + "/"
				if _, err := tx.ExecContext(ctx, `INSERT INTO orgs(id, parent_id, town_id, type, name, path, sort_order, created_at)
					VALUES ($1, $2, NULL, 'county', $3, $4, $5, $6)`, parent, root, fmt.Sprintf("县%d", done/townsPerCounty+1),
					parentPath, done, g.now); err != nil {
					return err
				}
			}
			return g.towns(ctx, tx, parent, parentPath, done, n)
		})
		if err != nil {
			return err
		}
		if done%(townsPerCounty*10) == 0 || done+n >= towns {
			fmt.Printf("  %d/%d towns, %d members, %d meetings\n", done+n, towns, g.t.members, g.t.meetings)
		}
	}
	// The members were written directly: the development report's
	// tallies are counted from them once.
	t0 := time.Now()
	if err := g.d.Tx(ctx, func(tx *sql.Tx) error { return members.RebuildTallies(ctx, tx) }); err != nil {
		return err
	}
	fmt.Printf("  report tallies counted in %v\n", time.Since(t0).Round(time.Millisecond))
	if g.d.Dialect == db.Postgres {
		for _, t := range []string{"orgs", "members", "meetings"} {
			if _, err := g.d.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'), (SELECT MAX(id) FROM `+t+`))`); err != nil {
				return err
			}
		}
		_, err = g.d.ExecContext(ctx, `ANALYZE`)
	} else {
		_, err = g.d.ExecContext(ctx, `ANALYZE`)
	}
	return err
}

// towns inserts n towns under parent with their villages, branches,
// members and meetings.
func (g *generator) towns(ctx context.Context, tx *sql.Tx, parent int64, parentPath string, first, n int) error {
	orgs := &batch{ctx: ctx, tx: tx, cols: 8,
		head: `INSERT INTO orgs(id, parent_id, town_id, type, name, path, sort_order, created_at) VALUES `}
	mem := &batch{ctx: ctx, tx: tx, cols: 17,
		deps: []*batch{orgs},
		head: `INSERT INTO members(id, town_id, village_id, org_id, name, id_cipher, id_hash, id_masked, birth_date, sex,
			category, status, applied_on, joined_on, full_on, created_at, updated_at) VALUES `}
	pipe := &batch{ctx: ctx, tx: tx, cols: 5,
		deps: []*batch{mem},
		head: `INSERT INTO member_pipeline(member_id, talk_on, activist_on, candidate_on, updated_at) VALUES `}
	meet := &batch{ctx: ctx, tx: tx, cols: 10,
		deps: []*batch{orgs},
		head: `INSERT INTO meetings(id, town_id, org_id, kind, topic, held_on, expected, present, counts, created_at) VALUES `}
	created := g.today.AddDate(-3, 0, 0)
	for ti := 0; ti < n; ti++ {
		town := g.nextOrg
		g.nextOrg++
		townPath := parentPath + strconv.FormatInt(town, 10) + "/"
		if err := orgs.add(town, parent, town, "town", fmt.Sprintf("镇%d", first+ti+1), townPath, first+ti, created); err != nil {
			return err
		}
		if g.t.town == 0 {
			g.t.town = town
		}
		for vi := 0; vi < villagesPerTown; vi++ {
			village := g.nextOrg
			g.nextOrg++
			villagePath := townPath + strconv.FormatInt(village, 10) + "/"
			if err := orgs.add(village, town, town, "general_branch", fmt.Sprintf("镇%d村%d", first+ti+1, vi+1), villagePath, vi, created); err != nil {
				return err
			}
			if g.t.village == 0 {
				g.t.village = village
			}
			for bi := 0; bi < branchesPerVillage; bi++ {
				branch := g.nextOrg
				g.nextOrg++
				if err := orgs.add(branch, village, town, "branch", fmt.Sprintf("镇%d村%d组%d", first+ti+1, vi+1, bi+1),
					villagePath+strconv.FormatInt(branch, 10)+"/", bi, created); err != nil {
					return err
				}
				if g.t.branch == 0 {
					g.t.branch = branch
				}
				if err := g.branchMembers(mem, pipe, town, village, branch); err != nil {
					return err
				}
				if err := g.branchMeetings(meet, town, branch); err != nil {
					return err
				}
			}
		}
	}
	for _, b := range []*batch{orgs, mem, pipe, meet} {
		if err := b.flush(); err != nil {
			return err
		}
	}
	return nil
}

// branchMembers adds 6–14 people to a branch: mostly full members, some
// probationary, one in three branches with someone in the pipeline.
func (g *generator) branchMembers(mem, pipe *batch, town, village, branch int64) error {
	n := 6 + int(branch%9)
	for k := 0; k < n; k++ {
		id := g.nextMember
		g.nextMember++
		// A unique number per member: the birth day cycles through 50
		// years, the sequence digits count the cycles.
		i := int(id)
		birth := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%18250)
		first17 := fmt.Sprintf("530325%s%03d", birth.Format("20060102"), i/18250%1000)
		sealed, err := g.sealer.Seal(first17+string(people.CheckDigit(first17)), day.Of(g.today))
		if err != nil {
			return err
		}
		status := "full"
		var applied, joined, full any
		joinedOn := birth.AddDate(25+i%10, 0, 0)
		if joinedOn.After(g.today) {
			joinedOn = g.today.AddDate(-2, 0, 0)
		}
		applied, joined, full = joinedOn.AddDate(-2, 0, 0), joinedOn, joinedOn.AddDate(1, 0, 0)
		var talk, activist, candidate any
		switch {
		case k == 0 && branch%3 == 0:
			status = "applicant"
			applied, joined, full = g.today.AddDate(0, 0, -20-i%60), nil, nil
		case k == 1 && branch%3 == 0:
			status = "activist"
			a := g.today.AddDate(0, -3-i%9, 0)
			applied, joined, full = a.AddDate(0, -1, 0), nil, nil
			talk, activist = a.AddDate(0, 0, -20), a
		case k == 2 && branch%3 == 0:
			status = "candidate"
			c := g.today.AddDate(0, -2, 0)
			applied, joined, full = c.AddDate(-1, -2, 0), nil, nil
			talk, activist, candidate = c.AddDate(-1, -1, 0), c.AddDate(-1, 0, 0), c
		case k == 3:
			status = "probationary"
			j := g.today.AddDate(0, -1-i%11, 0)
			applied, joined, full = j.AddDate(-2, 0, 0), j, nil
		}
		if err := mem.add(id, town, village, branch, fmt.Sprintf("党员%07d", i), sealed.Cipher, sealed.Hash, sealed.Masked,
			sealed.Birth.Time(), sealed.Sex, categories[i%len(categories)], status, applied, joined, full, g.now, g.now); err != nil {
			return err
		}
		if status != "full" {
			if err := pipe.add(id, talk, activist, candidate, g.now); err != nil {
				return err
			}
		}
		g.t.members++
	}
	return nil
}

// branchMeetings records a few meetings of the last months; some branches
// miss some kinds, so the overdue list and compliance have work to do.
func (g *generator) branchMeetings(meet *batch, town, branch int64) error {
	kinds := []string{"theme_day", "committee", "group", "lecture", "branch_assembly"}
	for k, kind := range kinds {
		if (int(branch)+k)%4 == 0 {
			continue
		}
		for m := 0; m < 3; m++ {
			held := day.Of(g.today.AddDate(0, -m-(int(branch)+k)%3, -int(branch%20)))
			id := g.nextMeeting
			g.nextMeeting++
			if err := meet.add(id, town, branch, kind, "学习会", held, 10, 8, true, g.now); err != nil {
				return err
			}
			g.t.meetings++
		}
	}
	return nil
}
