package main

import (
	"context"

	"dangjian/internal/auth"
	"dangjian/internal/centres"
	"dangjian/internal/day"
	"dangjian/internal/org"
	"dangjian/internal/services"
)

// centreLists are the centres' list use cases with the filters their
// pages use, for the plan test.
func centreLists(ctx context.Context, svc services.Services, a *auth.Actor, town, village org.Org) map[string]func() error {
	c := svc.Centres
	today := svc.Clock.Now()
	out := map[string]func() error{}
	for _, o := range []struct {
		name string
		id   int64
	}{{"of a town", town.ID}, {"of a village", village.ID}} {
		id := o.id
		out["cases open "+o.name] = func() error { _, err := c.ListCases(ctx, a, centres.CaseFilter{OrgID: id, Limit: 50}); return err }
		out["cases closed "+o.name] = func() error {
			_, err := c.ListCases(ctx, a, centres.CaseFilter{OrgID: id, Closed: true, After: 1, Limit: 50})
			return err
		}
		out["requests open "+o.name] = func() error {
			_, err := c.ListRequests(ctx, a, centres.RequestFilter{OrgID: id, Limit: 50})
			return err
		}
		out["民情信息 "+o.name] = func() error {
			_, err := c.ListInfo(ctx, a, centres.InfoFilter{OrgID: id, Year: today.Year(), Limit: 50})
			return err
		}
		out["key register "+o.name] = func() error {
			_, err := c.ListRegister(ctx, a, centres.RegisterFilter{OrgID: id, Register: centres.RegisterKey, Limit: 50})
			return err
		}
		out["library loans out "+o.name] = func() error { _, err := c.OpenLoans(ctx, a, id, 50); return err }
		out["vulnerable visits due "+o.name] = func() error {
			_, err := c.DueVisits(ctx, a, centres.DueFilter{OrgID: id, Register: centres.RegisterVulnerable, Limit: 50})
			return err
		}
	}
	out["接待日 of a village"] = func() error {
		_, err := c.Rota(ctx, a, village.ID, day.Of(today), 50)
		return err
	}
	out["村企 notes of a village"] = func() error { _, err := c.EnterpriseNotes(ctx, a, village.ID, 50); return err }
	return out
}
