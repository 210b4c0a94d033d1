package appraisal

import (
	"context"
	"database/sql"
	"errors"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// loadCadre reads a cadre and their round, deciding the actor's scope on
// the round's village.
func loadCadre(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Cadre, Round, error) {
	cs, err := cadresOf(ctx, q, `c.id = $1`, id)
	if err != nil {
		return Cadre{}, Round{}, err
	}
	if len(cs) == 0 {
		return Cadre{}, Round{}, apperr.NotFound()
	}
	r, err := loadRound(ctx, q, a, cs[0].RoundID, change)
	return cs[0], r, err
}

// ReportKind is 述职 ("duty") or 述廉 ("integrity").
type ReportKind string

const (
	ReportDuty      ReportKind = "duty"      // 述职
	ReportIntegrity ReportKind = "integrity" // 述廉
)

// ReportInput is a 述职 or 述廉 report. RoundID, when set, is the round
// the cadre must be in (a form posted to a round's page).
type ReportInput struct {
	RoundID int64
	Kind    ReportKind
	Text    string
	On      day.Day
}

// Report records a cadre's 述职 or 述廉 report (appraisal.manage).
func (s *Service) Report(ctx context.Context, a *auth.Actor, cadreID int64, in ReportInput) (Cadre, error) {
	kind, text, on := in.Kind, in.Text, in.On
	f := apperr.Fields{}
	if kind != ReportDuty && kind != ReportIntegrity {
		f.Add("kind", "appraisal.report_kind", nil)
	}
	text = apperr.Prose(f, "text", text, 20000, true)
	today := day.Today(s.Clock)
	if on.IsZero() {
		f.Add("on", "error.date_required", nil)
	} else if on.After(today) {
		f.Add("on", "appraisal.date_future", apperr.Params{"today": today})
	}
	if err := f.Err(); err != nil {
		return Cadre{}, err
	}
	var c Cadre
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var r Round
		var err error
		if c, r, err = loadCadre(ctx, tx, a, cadreID, auth.PermAppraisalManage); err != nil {
			return err
		}
		if in.RoundID != 0 && in.RoundID != r.ID {
			return apperr.Invalid("cadre_id", "appraisal.cadre_unknown", nil)
		}
		if on.Year() != r.Year && on.Year() != r.Year+1 {
			return apperr.Invalid("on", "appraisal.report_year", apperr.Params{"year": r.Year})
		}
		// The column names are constants chosen by kind, never input.
		q := `UPDATE appraisal_cadres SET duty_report = $1, duty_on = $2 WHERE id = $3`
		if kind == ReportIntegrity {
			q = `UPDATE appraisal_cadres SET integrity_report = $1, integrity_on = $2 WHERE id = $3`
		}
		if _, err := tx.ExecContext(ctx, q, text, on, c.ID); err != nil {
			return err
		}
		if kind == ReportDuty {
			c.DutyReport, c.DutyOn = text, on
		} else {
			c.IntegrityReport, c.IntegrityOn = text, on
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "appraisal.report", Entity: "appraisal_cadre",
			EntityID: c.ID, OrgID: r.OrgID, After: map[string]any{"kind": string(kind), "on": on, "chars": len([]rune(text))}})
	})
	return c, err
}

// CheckTally is the rule appraisal.tally_range: at least one ballot, and
// on every criterion a sum between 0 and ballots × MaxPoints.
func CheckTally(t Tally) error {
	f := apperr.Fields{}
	if !t.Group.Valid() {
		f.Add("group", "appraisal.group_unknown", nil)
	}
	if t.Ballots < 1 || t.Ballots > 100000 {
		f.Add("ballots", "appraisal.ballots_range", nil)
	}
	for _, c := range Criteria() {
		v, ok := t.Sums[c.Key()]
		if !ok {
			f.Add("sum."+c.Key(), "appraisal.sum_required", nil)
		} else if v < 0 || v > t.Ballots*MaxPoints {
			f.Add("sum."+c.Key(), "appraisal.sum_range", apperr.Params{"ballots": t.Ballots, "max": t.Ballots * MaxPoints})
		}
	}
	if len(t.Sums) > len(Qualities)*len(Areas) {
		f.Add("sums", "appraisal.sum_unknown", nil)
	}
	return f.Err()
}

// Record enters a rater group's counted ballots for a cadre
// (appraisal.manage): the number of ballots and the sum of points on each
// of the 20 criteria, as counted on the spot. Entering a group again
// replaces its totals (a recount). Nothing about who gave which ballot is
// stored.
func (s *Service) Record(ctx context.Context, a *auth.Actor, cadreID int64, t Tally) (Result, error) {
	if err := CheckTally(t); err != nil {
		return Result{}, err
	}
	var res Result
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		c, r, err := loadCadre(ctx, tx, a, cadreID, auth.PermAppraisalManage)
		if err != nil {
			return err
		}
		if t.RoundID != 0 && t.RoundID != r.ID {
			return apperr.Invalid("cadre_id", "appraisal.cadre_unknown", nil)
		}
		if r.Weights[t.Group] == 0 {
			return apperr.Rule("appraisal.group_unweighted", apperr.Params{"group": groupKey(t.Group)})
		}
		var before any
		var old int
		err = tx.QueryRowContext(ctx, `SELECT ballots FROM appraisal_ballots WHERE cadre_id = $1 AND grp = $2`, c.ID, t.Group).Scan(&old)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		default:
			before = map[string]any{"group": string(t.Group), "ballots": old}
		}
		for _, q := range []string{`DELETE FROM appraisal_sums WHERE cadre_id = $1 AND grp = $2`,
			`DELETE FROM appraisal_ballots WHERE cadre_id = $1 AND grp = $2`} {
			if _, err := tx.ExecContext(ctx, q, c.ID, t.Group); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO appraisal_ballots(cadre_id, grp, ballots) VALUES ($1, $2, $3)`,
			c.ID, t.Group, t.Ballots); err != nil {
			return err
		}
		for _, cr := range Criteria() {
			if _, err := tx.ExecContext(ctx, `INSERT INTO appraisal_sums(cadre_id, grp, quality, area, total) VALUES ($1, $2, $3, $4, $5)`,
				c.ID, t.Group, cr.Quality, cr.Area, t.Sums[cr.Key()]); err != nil {
				return err
			}
		}
		sh, err := sheetOf(ctx, tx, r)
		if err != nil {
			return err
		}
		for _, x := range sh.Results {
			if x.Cadre.ID == c.ID {
				res = x
			}
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "appraisal.tally", Entity: "appraisal_cadre",
			EntityID: c.ID, OrgID: r.OrgID, Before: before, After: map[string]any{"group": string(t.Group), "ballots": t.Ballots}})
	})
	return res, err
}

// Cadre returns a cadre's result and their results in every round of
// their village (appraisal.read over the village): the cadre's own page.
func (s *Service) Cadre(ctx context.Context, a *auth.Actor, cadreID int64) (History, error) {
	var h History
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		c, r, err := loadCadre(ctx, tx, a, cadreID, "")
		if err != nil {
			return err
		}
		h = History{Cadre: c, Round: r, Years: []YearRow{}}
		rows, err := tx.QueryContext(ctx, `SELECT `+roundColumns+roundFrom+` WHERE r.org_id = $1 ORDER BY r.year DESC, r.id DESC`, r.OrgID)
		if err != nil {
			return err
		}
		rounds, err := db.Collect(rows, func(rs *sql.Rows, x *Round) error {
			var err error
			*x, err = scanRound(rs)
			return err
		})
		if err != nil {
			return err
		}
		for _, rd := range rounds {
			sh, err := sheetOf(ctx, tx, rd)
			if err != nil {
				return err
			}
			for _, x := range sh.Results {
				if x.Cadre.ID == c.ID {
					h.Result, h.Removal = x, x.Removal
				}
				if sameCadre(x.Cadre, c) {
					h.Years = append(h.Years, YearRow{Year: rd.Year, RoundID: rd.ID, CadreID: x.Cadre.ID, Score: x.Score,
						Rank: x.Rank, Of: len(sh.Results), Grade: x.Grade})
				}
			}
		}
		return nil
	})
	return h, err
}

// groupKey names a group in a message.
func groupKey(g Group) any { return i18nKey("appraisal.group." + string(g)) }
