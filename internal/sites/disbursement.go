package sites

import (
	"context"
	"database/sql"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// NewDisbursement is money paid to a site.
type NewDisbursement struct {
	SiteID  int64
	Source  Source
	Amount  Fen
	PaidOn  day.Day
	Voucher string
	Note    string
}

// RuleCountyOverDue: the county's payments to a site never exceed the
// subsidy due to it.
const RuleCountyOverDue = "site.county_over_due"

// RecordDisbursement books money paid to a site (sites.manage: the town
// office or its accounting agent). County money is bounded by the
// subsidy due (site.county_over_due); the date is not in the future.
func (s *Service) RecordDisbursement(ctx context.Context, a *auth.Actor, in NewDisbursement) (Disbursement, error) {
	var d Disbursement
	today := day.Today(s.Clock)
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		x, err := siteFor(ctx, tx, a, in.SiteID, auth.PermSitesManage)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		if in.Source == "" {
			in.Source = SourceCounty
		}
		if !in.Source.Valid() {
			f.Add("source", "site.source_unknown", nil)
		}
		amountField(f, "amount", in.Amount, false)
		dateField(f, "paid_on", in.PaidOn, today)
		in.Voucher = apperr.Text(f, "voucher", in.Voucher, 50, false)
		in.Note = apperr.Text(f, "note", in.Note, 200, false)
		if err := f.Err(); err != nil {
			return err
		}
		if in.Source == SourceCounty {
			sch, err := scheduleOf(ctx, tx, x.TownID)
			if err != nil {
				return err
			}
			var paid Fen
			if err := tx.QueryRowContext(ctx, `SELECT COALESCE(SUM(amount_fen), 0) FROM site_disbursements
				WHERE site_id = $1 AND source = 'county'`, x.ID).Scan(&paid); err != nil {
				return err
			}
			if due := x.SubsidyDue(sch); paid+in.Amount > due {
				return apperr.Rule(RuleCountyOverDue, apperr.Params{"name": x.OrgName, "paid": paid, "amount": in.Amount,
					"due": due, "left": max(due-paid, 0)})
			}
		}
		d = Disbursement{SiteID: x.ID, OrgName: x.OrgName, Source: in.Source, Amount: in.Amount, PaidOn: in.PaidOn,
			Voucher: in.Voucher, Note: in.Note}
		if err := tx.QueryRowContext(ctx, `INSERT INTO site_disbursements(site_id, town_id, source, amount_fen, paid_on,
			voucher, note, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			x.ID, x.TownID, in.Source, in.Amount, in.PaidOn, in.Voucher, in.Note, a.UserRef(), s.Clock.Now()).Scan(&d.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "site.disburse", Entity: "site_disbursement",
			EntityID: d.ID, OrgID: x.OrgID, After: d})
	})
	return d, err
}

// dateField checks a required date that is not after today.
func dateField(f apperr.Fields, field string, d, today day.Day) {
	switch {
	case d.IsZero():
		f.Add(field, "error.date_required", nil)
	case d.After(today):
		f.Add(field, "site.date_future", apperr.Params{"today": today.String()})
	}
}

func queryDisbursements(ctx context.Context, q db.Queryer, where string, args ...any) ([]Disbursement, error) {
	rows, err := q.QueryContext(ctx, `SELECT d.id, d.site_id, o.name, d.source, d.amount_fen, d.paid_on, d.voucher, d.note
		FROM site_disbursements d JOIN sites s ON s.id = d.site_id JOIN orgs o ON o.id = s.org_id
		WHERE `+where+` ORDER BY d.site_id, d.paid_on, d.id LIMIT 1000`, args...)
	if err != nil {
		return nil, fmt.Errorf("sites: disbursements: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, d *Disbursement) error {
		return r.Scan(&d.ID, &d.SiteID, &d.OrgName, &d.Source, &d.Amount, &d.PaidOn, &d.Voucher, &d.Note)
	})
}
