package main

import (
	"context"
	"strings"
	"testing"

	"dangjian/internal/appraisal"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/commendation"
	"dangjian/internal/db"
	"dangjian/internal/democracy"
	"dangjian/internal/files"
	"dangjian/internal/finance"
	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/orglife"
	"dangjian/internal/people"
	"dangjian/internal/sites"
	"dangjian/internal/survey"
	"dangjian/internal/testkit"
)

// Every list page reads its rows in order off an index: a plan that sorts
// reads the whole filtered set (a town's 20,000 members) to show fifty. The
// test runs each list use case with its filters on the demo town, catches
// the SQL it really sends, and explains it on both databases.
func TestListQueriesReadTheirOrderOffAnIndex(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		ctx := context.Background()
		// A server starting on the loaded town gathers SQLite's statistics.
		if _, err := d.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		town, village, group := env.Town.Town, env.Town.Villages["海丹"], env.Town.Groups["民家一组"]
		county := &auth.Actor{UserID: 1, Username: "plans", Bindings: []auth.Binding{{Role: auth.RoleCountyAdmin,
			OrgID: env.Town.County.ID, OrgPath: env.Town.County.Path}}}
		svc := env.Svc
		lists := map[string]func() error{
			"orgs": func() error { _, err := svc.Org.List(ctx, county, org.Filter{Limit: 50}); return err },
			"orgs of a type": func() error {
				_, err := svc.Org.List(ctx, county, org.Filter{Type: org.TypeBranch, Limit: 50})
				return err
			},
			"orgs under a parent": func() error {
				_, err := svc.Org.List(ctx, county, org.Filter{ParentID: village.ID, Limit: 50})
				return err
			},
			"orgs of a town": func() error {
				_, err := svc.Org.List(ctx, county, org.Filter{TownID: town.ID, AfterID: 3, Limit: 50})
				return err
			},
			"weak flags open": func() error { _, err := svc.Org.ListWeak(ctx, county, org.WeakFilter{Limit: 50}); return err },
			"weak flags closed": func() error {
				_, err := svc.Org.ListWeak(ctx, county, org.WeakFilter{Status: org.WeakClosed, Limit: 50})
				return err
			},
			"secretaries": func() error { _, err := svc.Org.Secretaries(ctx, county, org.SecretaryFilter{Limit: 50}); return err },
			"committees": func() error {
				_, err := svc.Org.Committees(ctx, county, org.VillageFilter{TownID: town.ID, Limit: 50})
				return err
			},
			"residents": func() error {
				_, err := svc.People.ListResidents(ctx, county, people.ResidentFilter{Limit: 50})
				return err
			},
			"residents of a village": func() error {
				_, err := svc.People.ListResidents(ctx, county, people.ResidentFilter{OrgID: village.ID, AfterID: 5, Limit: 50})
				return err
			},
			"households": func() error {
				_, err := svc.People.ListHouseholds(ctx, county, people.HouseholdFilter{Limit: 50})
				return err
			},
			"households of a village": func() error {
				_, err := svc.People.ListHouseholds(ctx, county, people.HouseholdFilter{OrgID: village.ID, Limit: 50})
				return err
			},
			"roster": func() error { _, err := svc.Members.List(ctx, county, members.Filter{Limit: 50}); return err },
			"roster of a town": func() error {
				_, err := svc.Members.List(ctx, county, members.Filter{OrgID: town.ID, Limit: 50})
				return err
			},
			"roster of a village": func() error {
				_, err := svc.Members.List(ctx, county, members.Filter{OrgID: village.ID, Limit: 50})
				return err
			},
			"roster of a branch": func() error {
				_, err := svc.Members.List(ctx, county, members.Filter{OrgID: group.ID, AfterID: 10, Limit: 50})
				return err
			},
			"pipeline of a branch": func() error {
				_, err := svc.Members.List(ctx, county, members.Filter{OrgID: group.ID, Status: "pipeline", Limit: 50})
				return err
			},
			"everyone of a branch": func() error {
				_, err := svc.Members.List(ctx, county, members.Filter{OrgID: group.ID, Status: "all", Limit: 50})
				return err
			},
			"meetings": func() error {
				_, err := svc.OrgLife.ListMeetings(ctx, county, orglife.MeetingFilter{Limit: 50})
				return err
			},
			"meetings of a branch": func() error {
				_, err := svc.OrgLife.ListMeetings(ctx, county, orglife.MeetingFilter{OrgID: group.ID, Limit: 50})
				return err
			},
			"branches": func() error {
				_, err := svc.OrgLife.ListBranches(ctx, county, orglife.BranchFilter{Limit: 50})
				return err
			},
			"surveys": func() error { _, err := svc.Survey.List(ctx, county, survey.Filter{Limit: 50}); return err },
			"surveys of a year": func() error {
				_, err := svc.Survey.List(ctx, county, survey.Filter{Year: 2025, After: 3, Limit: 50})
				return err
			},
			"commendations": func() error {
				_, err := svc.Commend.List(ctx, county, commendation.Filter{Limit: 50})
				return err
			},
			"commendations of a year": func() error {
				_, err := svc.Commend.List(ctx, county, commendation.Filter{Year: 2025, After: 3, Limit: 50})
				return err
			},
			"appraisals": func() error { _, err := svc.Assess.List(ctx, county, appraisal.Filter{Limit: 50}); return err },
			"appraisals of a year": func() error {
				_, err := svc.Assess.List(ctx, county, appraisal.Filter{Year: 2025, After: 3, Limit: 50})
				return err
			},
			"suggestions open": func() error {
				_, err := svc.OrgLife.ListSuggestions(ctx, county, orglife.SuggestionFilter{Limit: 50})
				return err
			},
			"suggestions answered": func() error {
				_, err := svc.OrgLife.ListSuggestions(ctx, county, orglife.SuggestionFilter{Answered: true, Limit: 50})
				return err
			},
			"meetings overdue": func() error { _, err := svc.OrgLife.Overdue(ctx, county, orglife.OverdueFilter{Limit: 50}); return err },
			"api tokens":       func() error { _, err := svc.Auth.ListAPITokens(ctx, county); return err },
			"audit log":        func() error { _, err := audit.List(ctx, d, audit.Filter{All: true, Limit: 50}); return err },
			"audit log of an entity": func() error {
				_, err := audit.List(ctx, d, audit.Filter{All: true, Entity: "orgs", EntityID: village.ID, Limit: 50})
				return err
			},
			"audit log of a scope": func() error {
				_, err := audit.List(ctx, d, audit.Filter{OrgPaths: []string{village.Path}, Limit: 50})
				return err
			},
			"matters": func() error {
				_, err := svc.Democracy.ListMatters(ctx, county, democracy.MatterFilter{Limit: 50})
				return err
			},
			"matters of a village": func() error {
				_, err := svc.Democracy.ListMatters(ctx, county, democracy.MatterFilter{OrgID: village.ID, Limit: 50})
				return err
			},
			"disclosure drafts": func() error {
				_, err := svc.Democracy.ListItems(ctx, county, democracy.ItemFilter{Limit: 50})
				return err
			},
			"disclosures of a village": func() error {
				_, err := svc.Democracy.ListItems(ctx, county, democracy.ItemFilter{OrgID: village.ID, State: democracy.ItemPublished, Limit: 50})
				return err
			},
			"portal board": func() error {
				_, err := svc.Democracy.PortalItems(ctx, democracy.PortalFilter{OrgID: village.ID, Limit: 60})
				return err
			},
			"feedback": func() error {
				_, err := svc.Democracy.ListFeedback(ctx, county, democracy.FeedbackFilter{Limit: 50})
				return err
			},
			"feedback of a village": func() error {
				_, err := svc.Democracy.ListFeedback(ctx, county, democracy.FeedbackFilter{OrgID: village.ID, Limit: 50})
				return err
			},
			"sites of a town": func() error {
				_, err := svc.Sites.ListSites(ctx, county, sites.Filter{TownID: town.ID, AfterID: 1, Limit: 50})
				return err
			},
			"sites of a village": func() error {
				_, err := svc.Sites.ListSites(ctx, county, sites.Filter{VillageID: village.ID, Limit: 50})
				return err
			},
			"sites of a plan": func() error {
				_, err := svc.Sites.ListSites(ctx, county, sites.Filter{PlanID: 1, Limit: 50})
				return err
			},
			"a milestone's photos": func() error {
				_, err := files.Of(ctx, d, sites.MilestonePhotos, 1, 2, 3)
				return err
			},
			"a cooperative's households": func() error { _, err := svc.Prosper.Cooperative(ctx, county, 1); return err },
			"households to enrol":        func() error { _, err := svc.Prosper.Unenrolled(ctx, county, 1); return err },
			"cooperatives of a town":     func() error { _, err := svc.Prosper.CooperativesOfTown(ctx, county, town.ID); return err },
			"finance villages":           func() error { _, err := svc.Finance.Villages(ctx, county); return err },
			"finance vouchers": func() error {
				_, err := svc.Finance.ListVouchers(ctx, county, finance.VoucherFilter{OrgID: village.ID, Limit: 50})
				return err
			},
			"finance vouchers by status": func() error {
				_, err := svc.Finance.ListVouchers(ctx, county, finance.VoucherFilter{OrgID: village.ID, Status: finance.VoucherPosted, Before: 1 << 40, Limit: 50})
				return err
			},
			"finance journal": func() error {
				_, err := svc.Finance.Journal(ctx, county, finance.JournalFilter{OrgID: village.ID, Period: "2026-10", Limit: 50})
				return err
			},
			"finance periods": func() error { _, err := svc.Finance.Periods(ctx, county, village.ID); return err },
			"finance requests of a village": func() error {
				_, err := svc.Finance.ListRequests(ctx, county, finance.RequestFilter{OrgID: village.ID, Limit: 50})
				return err
			},
			"finance requests of a village by status": func() error {
				_, err := svc.Finance.ListRequests(ctx, county, finance.RequestFilter{OrgID: village.ID, Status: finance.StatusPaid, Limit: 50})
				return err
			},
			"finance requests of a town": func() error {
				_, err := svc.Finance.ListRequests(ctx, county, finance.RequestFilter{OrgID: town.ID, Before: 1 << 40, Limit: 50})
				return err
			},
			"finance requests of a town by status": func() error {
				_, err := svc.Finance.ListRequests(ctx, county, finance.RequestFilter{OrgID: town.ID, Status: finance.StatusReviewed, Limit: 50})
				return err
			},
			"finance fixed assets": func() error {
				_, err := svc.Finance.Assets(ctx, county, village.ID, 1<<40, 50)
				return err
			},
			"finance contracts": func() error { _, err := svc.Finance.Contracts(ctx, county, village.ID); return err },
			"finance counts":    func() error { _, err := svc.Finance.Counts(ctx, county, village.ID); return err },
		}
		for name, list := range centreLists(ctx, svc, county, town, village) {
			lists[name] = list
		}
		for name, list := range lists {
			var seen []string
			var seenArgs [][]any
			d.ObserveReads(func(q string, args []any) { seen, seenArgs = append(seen, q), append(seenArgs, args) })
			err := list()
			d.ObserveReads(nil)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			ordered := 0
			for i, q := range seen {
				if !strings.Contains(q, "ORDER BY") {
					continue
				}
				ordered++
				sorts, plan, err := d.SortsRows(ctx, q, seenArgs[i])
				if err != nil {
					t.Fatalf("%s: explain: %v\n%s", name, err, q)
				}
				if why, known := sqliteSortsKnown[name]; sorts && known && d.Dialect == db.SQLite {
					t.Logf("%s still sorts on SQLite: %s", name, why)
					continue
				}
				if sorts {
					t.Errorf("%s sorts its rows instead of reading an index in order:\n%s\nplan:\n%s", name, q, plan)
				}
			}
			if ordered == 0 {
				t.Errorf("%s ran no ordered query (%d queries)", name, len(seen))
			}
		}
	})
}

// With its statistics gathered, SQLite still sorts these, each over a set
// bounded by one organisation; PostgreSQL reads all of them in order. Each
// entry goes when its list is fixed.
var sqliteSortsKnown = map[string]string{
	"orgs under a parent":     "sorts one organisation's children (a town's 16 villages, a village's groups)",
	"committees":              "sorts one town's villages",
	"meetings overdue":        "sorts the branches in scope, one query per meeting kind",
	"residents of a village":  "sorts one village's residents (one to three thousand)",
	"households of a village": "sorts one village's households",
	"audit log of a scope": "sorts a village's audit rows, which grow with the years: needs the query to read " +
		"audit_log(org_id, id) per organisation of the scope in id order",
}
