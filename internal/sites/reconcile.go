package sites

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// ReconLine is one site of a plan in the reconciliation.
type ReconLine struct {
	SiteID         int64  `json:"site_id"`
	OrgName        string `json:"org_name"`
	VillageName    string `json:"village_name"`
	Level          Level  `json:"level"`
	Kind           Kind   `json:"kind"`
	Status         Status `json:"status"`
	Schedule       Fen    `json:"schedule_fen"`
	Override       *Fen   `json:"override_fen,omitempty"`
	OverrideReason string `json:"override_reason,omitempty"`
	Due            Fen    `json:"due_fen"`
	Cumulative     Fen    `json:"cumulative_fen"`
	Budgeted       Fen    `json:"budgeted_fen"`
	CountyPaid     Fen    `json:"county_paid_fen"`
	Outstanding    Fen    `json:"outstanding_fen"`
	// BudgetDiffers: the site's county line in its budget is not the
	// subsidy due.
	BudgetDiffers bool `json:"budget_differs"`
}

// ReconGroup is the sites of one schedule line (or the overridden ones)
// counted together: the terms of the plan's sum, "3×96".
type ReconGroup struct {
	Level      Level  `json:"level"`
	Kind       Kind   `json:"kind"`
	Overridden bool   `json:"overridden"`
	Count      int    `json:"count"`
	Rate       Fen    `json:"rate_fen"`
	Subtotal   Fen    `json:"subtotal_fen"`
	Term       string `json:"term"`
}

// Reconciliation sets the subsidy the schedule gives a plan's sites
// against the total the plan declares and against what was budgeted and
// paid, line by line. The difference is shown, never absorbed: the plan
// gives no per-site figure, so nothing is scaled to make the sums agree.
type Reconciliation struct {
	Plan        Plan         `json:"plan"`
	On          day.Day      `json:"on"`
	Schedule    Schedule     `json:"schedule"`
	Lines       []ReconLine  `json:"lines"`
	Groups      []ReconGroup `json:"groups"`
	Formula     string       `json:"formula"` // "3×96 + 50 + 10 + 6×10 + 3×3 = 417" in 万元
	Due         Fen          `json:"due_fen"`
	Declared    Fen          `json:"declared_fen"`
	Difference  Fen          `json:"difference_fen"` // due − declared: positive when the schedule gives more
	Budgeted    Fen          `json:"budgeted_fen"`
	CountyPaid  Fen          `json:"county_paid_fen"`
	Outstanding Fen          `json:"outstanding_fen"`
	OtherPaid   Fen          `json:"other_paid_fen"` // money from other sources
	// ExceedsAt is the first line whose running total of subsidy passes
	// the declared total, in the plan's order; 0 when it never does.
	ExceedsAt int64 `json:"exceeds_at_site_id,omitempty"`
}

// Reconcile builds a plan's reconciliation (org.read over its town).
func (s *Service) Reconcile(ctx context.Context, a *auth.Actor, planID int64) (Reconciliation, error) {
	var rc Reconciliation
	p, err := planFor(ctx, s.DB, a, planID, "")
	if err != nil {
		return rc, err
	}
	sch, err := scheduleOf(ctx, s.DB, p.TownID)
	if err != nil {
		return rc, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+siteColumns+`,
		COALESCE((SELECT b.amount_fen FROM site_budget_lines b WHERE b.site_id = s.id AND b.source = 'county'), 0),
		COALESCE((SELECT SUM(d.amount_fen) FROM site_disbursements d WHERE d.site_id = s.id AND d.source = 'county'), 0),
		COALESCE((SELECT SUM(d.amount_fen) FROM site_disbursements d WHERE d.site_id = s.id AND d.source <> 'county'), 0)`+
		siteFrom+` WHERE s.plan_id = $1 ORDER BY s.plan_id, s.id LIMIT 10000`, p.ID)
	if err != nil {
		return rc, fmt.Errorf("sites: reconcile: %w", err)
	}
	type row struct {
		Site
		budget, county, other Fen
	}
	got, err := db.Collect(rows, func(r *sql.Rows, x *row) error {
		return scanSite(scanMore{r, []any{&x.budget, &x.county, &x.other}}, &x.Site)
	})
	if err != nil {
		return rc, err
	}
	rc = Reconciliation{Plan: p, On: day.Today(s.Clock), Schedule: sch, Declared: p.Declared, Lines: []ReconLine{}, Groups: []ReconGroup{}}
	// The plan's order: general branches before groups, new before
	// renovated, the schedule's sites before the overridden ones.
	rank := func(x Site) int {
		r := slices.Index(Levels, x.Level)*4 + slices.Index(Kinds, x.Kind)*2
		if x.Override != nil {
			r++
		}
		return r
	}
	slices.SortStableFunc(got, func(a, b row) int { return rank(a.Site) - rank(b.Site) })
	for _, x := range got {
		due := x.SubsidyDue(sch)
		rc.Due += due
		l := ReconLine{SiteID: x.ID, OrgName: x.OrgName, VillageName: x.VillageName, Level: x.Level, Kind: x.Kind,
			Status: x.Status(), Schedule: sch.Due(x.Level, x.Kind), Override: x.Override, OverrideReason: x.OverrideReason,
			Due: due, Cumulative: rc.Due, Budgeted: x.budget, CountyPaid: x.county, Outstanding: due - x.county,
			BudgetDiffers: x.budget != due}
		if rc.ExceedsAt == 0 && rc.Due > rc.Declared {
			rc.ExceedsAt = x.ID
		}
		rc.Budgeted += x.budget
		rc.CountyPaid += x.county
		rc.OtherPaid += x.other
		rc.Lines = append(rc.Lines, l)
		if n := len(rc.Groups); n > 0 && rc.Groups[n-1].Level == x.Level && rc.Groups[n-1].Kind == x.Kind &&
			rc.Groups[n-1].Overridden == (x.Override != nil) && rc.Groups[n-1].Rate == due {
			rc.Groups[n-1].Count++
			rc.Groups[n-1].Subtotal += due
			continue
		}
		rc.Groups = append(rc.Groups, ReconGroup{Level: x.Level, Kind: x.Kind, Overridden: x.Override != nil, Count: 1,
			Rate: due, Subtotal: due})
	}
	rc.Outstanding = rc.Due - rc.CountyPaid
	rc.Difference = rc.Due - rc.Declared
	terms := make([]string, len(rc.Groups))
	for i := range rc.Groups {
		g := &rc.Groups[i]
		g.Term = WanText(g.Rate)
		if g.Count > 1 {
			g.Term = strconv.Itoa(g.Count) + "×" + g.Term
		}
		terms[i] = g.Term
	}
	rc.Formula = strings.Join(terms, " + ") + " = " + WanText(rc.Due)
	return rc, nil
}

// WanText writes an amount in 万元 as the plan does: "96", "3.5",
// "0.0125" — exact, without trailing zeros.
func WanText(f Fen) string {
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	whole := strconv.FormatInt(int64(f/Wan), 10)
	frac := int64(f % Wan)
	if frac == 0 {
		return sign + whole
	}
	return sign + whole + "." + strings.TrimRight(fmt.Sprintf("%06d", frac), "0")
}

// scanMore scans a site's columns followed by more.
type scanMore struct {
	r    *sql.Rows
	more []any
}

func (s scanMore) Scan(dest ...any) error { return s.r.Scan(append(dest, s.more...)...) }
