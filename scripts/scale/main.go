// Command scale measures the dashboards' use cases at county and province
// scale. It fills an empty database with a generated tree (direct,
// multi-row INSERTs; the same SQL on both databases) and times each use
// case as a county administrator, median of 5 after a warm-up.
//
//	go run ./scripts/scale -db /tmp/county.db -towns 15
//	go run ./scripts/scale -db postgres://…/empty -towns 1400
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/orglife"
	"dangjian/internal/people"
	"dangjian/internal/services"
)

var (
	dbURL = flag.String("db", "", "SQLite file or postgres:// URL of an empty database")
	towns = flag.Int("towns", 15, "towns to generate (15 = a county, 1,400 ≈ a province of 2 million members)")
	runs  = flag.Int("n", 5, "timed runs per use case (the median is shown)")
)

// key is a fixed identifier key: the data is generated and thrown away.
var key = []byte("scale-run-identifier-key-32bytes")

func main() {
	flag.Parse()
	if *dbURL == "" || *towns < 1 {
		fail("usage: go run ./scripts/scale -db FILE|postgres-URL -towns N")
	}
	ctx := context.Background()
	d, err := db.Open(*dbURL)
	check(err)
	defer d.Close()
	_, err = d.Migrate(ctx)
	check(err)
	var orgs, mems int
	check(d.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM orgs), (SELECT COUNT(*) FROM members)`).Scan(&orgs, &mems))
	if orgs+mems > 0 {
		fail(fmt.Sprintf("the database is not empty (%d organisations, %d members): give an empty one", orgs, mems))
	}
	sealer, err := people.NewSealer(key)
	check(err)
	now := time.Now().UTC()
	g := &generator{d: d, sealer: sealer, now: now, today: db.Day(now)}
	fmt.Printf("generating %d towns on %s\n", *towns, d.Dialect)
	t0 := time.Now()
	check(g.generate(ctx, *towns))
	gen := time.Since(t0)
	t := g.t
	fmt.Printf("generated %d organisations, %d members, %d meetings in %v\n\n",
		g.nextOrg-1, t.members, t.meetings, gen.Round(time.Second))

	// The use cases are timed as a server started on the grown database
	// meets them: its connections read the statistics gathered above (a
	// connection opened before keeps the plans of an empty database).
	check(d.Close())
	d, err = db.Open(*dbURL)
	check(err)
	defer d.Close()
	svc, err := services.New(d, db.SystemClock{}, key)
	check(err)
	a := &auth.Actor{UserID: 1, Username: "scale", Name: "scale",
		Bindings: []auth.Binding{{Role: auth.RoleCountyAdmin, OrgID: t.root, OrgPath: t.rootPath}}}
	whole := "county"
	budget := 50 * time.Millisecond
	if d.Dialect == db.Postgres {
		whole, budget = "province", 300*time.Millisecond
	}
	if *towns <= townsPerCounty {
		whole = "county"
	}
	cases := []struct {
		name, scope string
		run         func() (int, error)
	}{
		{"org.TownOverview", "one town", func() (int, error) {
			v, err := svc.Org.TownOverview(ctx, a, t.town)
			return len(v), err
		}},
		{"org.List(general_branch) page 1", whole, func() (int, error) {
			v, err := svc.Org.List(ctx, a, org.Filter{Type: org.TypeGeneralBranch, Limit: 50})
			return len(v), err
		}},
		{"members.List page 1", whole, func() (int, error) {
			v, err := svc.Members.List(ctx, a, members.Filter{Limit: 50})
			return len(v), err
		}},
		{"members.List page 1", "one branch", func() (int, error) {
			v, err := svc.Members.List(ctx, a, members.Filter{OrgID: t.branch, Limit: 50})
			return len(v), err
		}},
		{"members.Board", whole, func() (int, error) {
			b, err := svc.Members.Board(ctx, a, 0)
			return len(b.Due), err
		}},
		{"members.Board", "one town", func() (int, error) {
			b, err := svc.Members.Board(ctx, a, t.town)
			return len(b.Due), err
		}},
		{"orglife.Overdue page 1", whole, func() (int, error) {
			v, err := svc.OrgLife.Overdue(ctx, a, orglife.OverdueFilter{Limit: 50})
			return len(v), err
		}},
		{"orglife.Compliance", "one branch", func() (int, error) {
			v, err := svc.OrgLife.Compliance(ctx, a, orglife.ComplianceFilter{OrgID: t.branch})
			return len(v), err
		}},
		{"orglife.Compliance page 1", whole, func() (int, error) {
			v, err := svc.OrgLife.Compliance(ctx, a, orglife.ComplianceFilter{Limit: 50})
			return len(v), err
		}},
		{"members.DevelopmentReport", "one town", func() (int, error) {
			r, err := svc.Members.DevelopmentReport(ctx, a, members.ReportFilter{OrgID: t.town})
			return len(r.Rows), err
		}},
		{"members.DevelopmentReport", whole, func() (int, error) {
			r, err := svc.Members.DevelopmentReport(ctx, a, members.ReportFilter{})
			return len(r.Rows), err
		}},
	}
	fmt.Printf("%-34s %-11s %10s %6s %8s\n", "use case", "scope", "median ms", "rows", "budget")
	fmt.Println(strings.Repeat("-", 74))
	for _, c := range cases {
		n, err := c.run() // warm-up
		if err != nil {
			fail(c.name + ": " + err.Error())
		}
		med := median(*runs, func() time.Duration {
			t0 := time.Now()
			_, err := c.run()
			check(err)
			return time.Since(t0)
		})
		mark := ""
		if med > budget {
			mark = "  OVER"
		}
		fmt.Printf("%-34s %-11s %10.1f %6d %6d ms%s\n", c.name, c.scope,
			float64(med.Microseconds())/1000, n, budget.Milliseconds(), mark)
	}
}

func median(n int, f func() time.Duration) time.Duration {
	ds := make([]time.Duration, n)
	for i := range ds {
		ds[i] = f()
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[n/2]
}

func check(err error) {
	if err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "scale:", msg)
	os.Exit(1)
}
