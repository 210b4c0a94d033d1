package sites

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/files"
)

// NewSite is a site project to register for an organisation.
type NewSite struct {
	PlanID         int64 // 0: a site the plan leads, followed without the plan's subsidy
	OrgID          int64
	Kind           Kind
	Spec           Spec
	Override       *Fen // the subsidy due instead of the schedule's line
	OverrideReason string
	Note           string
}

const siteColumns = `s.id, COALESCE(s.plan_id, 0), s.org_id, o.name, s.town_id, s.village_id, COALESCE(NULLIF(v.short_name, ''), v.name), s.level, s.kind,
	s.main_buildings, s.annexes, s.land_m2, s.floor_m2, s.override_fen, s.override_reason, s.note,
	s.started_on, s.completed_on, s.accepted_on, s.accepted_by, s.acceptance_note, o.path`

const siteFrom = ` FROM sites s JOIN orgs o ON o.id = s.org_id JOIN orgs v ON v.id = s.village_id`

func scanSite(r interface{ Scan(...any) error }, x *Site) error {
	var override sql.NullInt64
	err := r.Scan(&x.ID, &x.PlanID, &x.OrgID, &x.OrgName, &x.TownID, &x.VillageID, &x.VillageName, &x.Level, &x.Kind,
		&x.Spec.MainBuildings, &x.Spec.Annexes, &x.Spec.LandM2, &x.Spec.FloorM2, &override, &x.OverrideReason, &x.Note,
		&x.StartedOn, &x.CompletedOn, &x.AcceptedOn, &x.AcceptedBy, &x.AcceptanceNote, &x.Path)
	if override.Valid {
		f := Fen(override.Int64)
		x.Override = &f
	}
	return err
}

func loadSite(ctx context.Context, q db.Queryer, id int64) (Site, error) {
	var x Site
	err := scanSite(q.QueryRowContext(ctx, `SELECT `+siteColumns+siteFrom+` WHERE s.id = $1`, id), &x)
	if errors.Is(err, sql.ErrNoRows) {
		return x, apperr.NotFound()
	}
	if err != nil {
		return x, fmt.Errorf("sites: load site %d: %w", id, err)
	}
	return x, nil
}

// siteFor loads a site and decides the actor's scope over its
// organisation: read with org.read, change with the permission given.
func siteFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Site, error) {
	x, err := loadSite(ctx, q, id)
	if err != nil {
		return x, err
	}
	return x, a.Decide(auth.PermOrgRead, change, x.Path)
}

func specFields(f apperr.Fields, sp Spec) {
	for _, c := range []struct {
		field string
		v     int
	}{{"main_buildings", sp.MainBuildings}, {"annexes", sp.Annexes}, {"land_m2", sp.LandM2}, {"floor_m2", sp.FloorM2}} {
		if c.v < 0 || c.v > 1_000_000 {
			f.Add(c.field, "site.spec_range", nil)
		}
	}
}

// AddSite registers a site project of a village general branch or group
// branch. Sites.write over the organisation registers a site of its
// own; putting it into a plan or overriding the schedule is the town's
// decision (sites.manage over the plan's town).
func (s *Service) AddSite(ctx context.Context, a *auth.Actor, in NewSite) (Site, error) {
	var x Site
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		o, err := orgFor(ctx, tx, a, in.OrgID, auth.PermSitesWrite)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		level, ok := levelOf(o.Type)
		if !ok {
			f.Add("org_id", "site.org_type", apperr.Params{"name": o.Name})
		}
		if in.PlanID != 0 || in.Override != nil {
			if err := a.Decide(auth.PermOrgRead, auth.PermSitesManage, o.Path); err != nil {
				return err
			}
		}
		if in.PlanID != 0 {
			p, err := planFor(ctx, tx, a, in.PlanID, auth.PermSitesManage)
			if err != nil {
				return err
			}
			if p.TownID != o.TownID {
				f.Add("plan_id", "site.plan_town", nil)
			}
		}
		if !in.Kind.Valid() {
			f.Add("kind", "site.kind_unknown", nil)
		}
		specFields(f, in.Spec)
		if in.Override != nil {
			amountField(f, "override", *in.Override, true)
			in.OverrideReason = apperr.Text(f, "override_reason", in.OverrideReason, 200, true)
		} else {
			in.OverrideReason = ""
		}
		in.Note = apperr.Prose(f, "note", in.Note, 1000, false)
		if err := f.Err(); err != nil {
			return err
		}
		var id int64
		err = tx.QueryRowContext(ctx, `INSERT INTO sites(plan_id, org_id, town_id, village_id, level, kind, main_buildings,
			annexes, land_m2, floor_m2, override_fen, override_reason, note, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
			db.NullID(in.PlanID), o.ID, o.TownID, o.villageOf(), level, in.Kind, in.Spec.MainBuildings, in.Spec.Annexes,
			in.Spec.LandM2, in.Spec.FloorM2, nullFen(in.Override), in.OverrideReason, in.Note, s.Clock.Now()).Scan(&id)
		if db.IsUniqueViolation(err) {
			return apperr.Conflict("site.duplicate", apperr.Params{"name": o.Name})
		}
		if err != nil {
			return err
		}
		if x, err = loadSite(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "site.add", Entity: "site",
			EntityID: x.ID, OrgID: x.OrgID, After: x})
	})
	return x, err
}

func nullFen(f *Fen) any {
	if f == nil {
		return nil
	}
	return int64(*f)
}

// SetOverride sets or clears (nil) a site's own subsidy in place of the
// schedule's line, with the reason (sites.manage).
func (s *Service) SetOverride(ctx context.Context, a *auth.Actor, siteID int64, amount *Fen, reason string) (Site, error) {
	var x Site
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		before, err := siteFor(ctx, tx, a, siteID, auth.PermSitesManage)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		if amount != nil {
			amountField(f, "override", *amount, true)
			reason = apperr.Text(f, "override_reason", reason, 200, true)
		} else {
			reason = ""
		}
		if err := f.Err(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sites SET override_fen = $1, override_reason = $2 WHERE id = $3`,
			nullFen(amount), reason, siteID); err != nil {
			return err
		}
		if x, err = loadSite(ctx, tx, siteID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "site.override", Entity: "site",
			EntityID: x.ID, OrgID: x.OrgID, Before: before, After: x})
	})
	return x, err
}

// SetBudget replaces a site's budget by funding source (sites.write).
// A source with amount 0 is dropped.
func (s *Service) SetBudget(ctx context.Context, a *auth.Actor, siteID int64, lines []BudgetLine) ([]BudgetLine, error) {
	var out []BudgetLine
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		x, err := siteFor(ctx, tx, a, siteID, auth.PermSitesWrite)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		seen := map[Source]bool{}
		for _, l := range lines {
			if !l.Source.Valid() || seen[l.Source] {
				f.Add("source", "site.source_unknown", nil)
				continue
			}
			seen[l.Source] = true
			amountField(f, "budget_"+string(l.Source), l.Amount, true)
		}
		if err := f.Err(); err != nil {
			return err
		}
		before, err := budgetOf(ctx, tx, siteID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM site_budget_lines WHERE site_id = $1`, siteID); err != nil {
			return err
		}
		for _, l := range lines {
			if l.Amount == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO site_budget_lines(site_id, source, amount_fen) VALUES ($1, $2, $3)`,
				siteID, l.Source, l.Amount); err != nil {
				return err
			}
		}
		if out, err = budgetOf(ctx, tx, siteID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "site.budget", Entity: "site",
			EntityID: x.ID, OrgID: x.OrgID, Before: budgetAudit{x.OrgName, before}, After: budgetAudit{x.OrgName, out}})
	})
	return out, err
}

// budgetAudit is how the log shows a site's budget.
type budgetAudit struct {
	OrgName string       `json:"org_name"`
	Budget  []BudgetLine `json:"budget"`
}

func budgetOf(ctx context.Context, q db.Queryer, siteID int64) ([]BudgetLine, error) {
	rows, err := q.QueryContext(ctx, `SELECT source, amount_fen FROM site_budget_lines WHERE site_id = $1`, siteID)
	if err != nil {
		return nil, fmt.Errorf("sites: budget: %w", err)
	}
	got, err := db.Collect(rows, func(r *sql.Rows, l *BudgetLine) error { return r.Scan(&l.Source, &l.Amount) })
	if err != nil {
		return nil, err
	}
	out := []BudgetLine{}
	for _, src := range Sources { // in budget order
		for _, l := range got {
			if l.Source == src {
				out = append(out, l)
			}
		}
	}
	return out, nil
}

// Site is one site with its plan, budget, disbursements and milestones.
func (s *Service) Site(ctx context.Context, a *auth.Actor, id int64) (SiteView, error) {
	var v SiteView
	x, err := siteFor(ctx, s.DB, a, id, "")
	if err != nil {
		return v, err
	}
	sch, err := scheduleOf(ctx, s.DB, x.TownID)
	if err != nil {
		return v, err
	}
	v = SiteView{Site: x, Status: x.Status(), ScheduleDue: sch.Due(x.Level, x.Kind), SubsidyDue: x.SubsidyDue(sch)}
	if x.PlanID != 0 {
		p, err := loadPlan(ctx, s.DB, x.PlanID)
		if err != nil {
			return v, err
		}
		v.PlanTitle = p.Title
	}
	if v.Budget, err = budgetOf(ctx, s.DB, id); err != nil {
		return v, err
	}
	for _, l := range v.Budget {
		v.BudgetTotal += l.Amount
	}
	if v.Disbursements, err = queryDisbursements(ctx, s.DB, `d.site_id = $1`, id); err != nil {
		return v, err
	}
	for _, d := range v.Disbursements {
		v.Disbursed += d.Amount
		if d.Source == SourceCounty {
			v.CountyPaid += d.Amount
		}
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT m.id, m.site_id, o.name, m.on_date, m.stage, m.title, m.note
		FROM site_milestones m JOIN sites s ON s.id = m.site_id JOIN orgs o ON o.id = s.org_id
		WHERE m.site_id = $1 ORDER BY m.site_id, m.on_date, m.id LIMIT 500`, id)
	if err != nil {
		return v, fmt.Errorf("sites: milestones: %w", err)
	}
	if v.Milestones, err = db.Collect(rows, func(r *sql.Rows, m *Milestone) error {
		return r.Scan(&m.ID, &m.SiteID, &m.OrgName, &m.OnDate, &m.Stage, &m.Title, &m.Note)
	}); err != nil {
		return v, err
	}
	return v, attachPhotos(ctx, s.DB, v.Milestones)
}

// attachPhotos fills each milestone's photos with one query.
func attachPhotos(ctx context.Context, q db.Queryer, ms []Milestone) error {
	ids := make([]int64, len(ms))
	at := map[int64]int{}
	for i, m := range ms {
		ids[i], at[m.ID] = m.ID, i
	}
	fs, err := files.Of(ctx, q, MilestonePhotos, ids...)
	for _, f := range fs {
		ms[at[f.OwnerID]].Photos = append(ms[at[f.OwnerID]].Photos, f)
	}
	return err
}

// Filter selects sites for a list.
type Filter struct {
	TownID    int64
	VillageID int64
	PlanID    int64
	AfterID   int64
	Limit     int
}

// ListSites lists sites in the actor's sight by id: of a plan, a village
// or a town (one of them is needed).
func (s *Service) ListSites(ctx context.Context, a *auth.Actor, f Filter) ([]Site, error) {
	var args db.Args
	var where string
	switch {
	case f.PlanID != 0:
		p, err := planFor(ctx, s.DB, a, f.PlanID, "")
		if err != nil {
			return nil, err
		}
		where = `s.plan_id = ` + args.Add(p.ID)
	case f.VillageID != 0:
		v, err := orgFor(ctx, s.DB, a, f.VillageID, "")
		if err != nil {
			return nil, err
		}
		where = `s.village_id = ` + args.Add(v.ID)
	default:
		t, err := townFor(ctx, s.DB, a, f.TownID, "")
		if err != nil {
			return nil, err
		}
		where = `s.town_id = ` + args.Add(t.ID)
	}
	// The root was decided above; everything under it is in sight.
	where += ` AND s.id > ` + args.Add(f.AfterID)
	order := "s.town_id, s.id"
	switch {
	case f.PlanID != 0:
		order = "s.plan_id, s.id"
	case f.VillageID != 0:
		order = "s.village_id, s.id"
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+siteColumns+siteFrom+` WHERE `+where+` ORDER BY `+order+
		` LIMIT `+args.Add(db.Limit(f.Limit, 50, 500)), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("sites: list: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, x *Site) error { return scanSite(r, x) })
}
