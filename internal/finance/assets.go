package finance

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// Asset categories and statuses.
const (
	AssetOperating    = "operating"     // 经营性
	AssetNonOperating = "non_operating" // 非经营性
	AssetInUse        = "in_use"
	AssetDisposing    = "disposing" // disposal requested, awaiting approval
	AssetDisposed     = "disposed"
)

// DefaultResidualPct is the estimated residual value, in percent of the
// original, when none is given.
const DefaultResidualPct = 5

// Asset is a fixed asset (固定资产) of a village with its depreciation to
// date, computed by the system's rule: straight-line by month, from the
// month after it was acquired, never below its residual value; a
// disposed asset depreciates no further.
type Asset struct {
	ID            int64      `json:"id"`
	OrgID         int64      `json:"org_id"`
	Name          string     `json:"name"`
	Category      string     `json:"category"`
	Location      string     `json:"location"`
	AcquiredOn    day.Day    `json:"acquired_on"`
	Original      Fen        `json:"original_fen"`
	ResidualPct   int64      `json:"residual_pct"`
	LifeMonths    int64      `json:"life_months"`
	Custodian     string     `json:"custodian"`
	Status        string     `json:"status"`
	Monthly       Fen        `json:"monthly_depreciation_fen"`
	Accumulated   Fen        `json:"accumulated_depreciation_fen"` // to the end of last month, or of the disposal's month
	NetValue      Fen        `json:"net_value_fen"`
	DisposalNote  string     `json:"disposal_reason,omitempty"`
	DisposalValue Fen        `json:"disposal_value_fen,omitempty"`
	DisposalBy    int64      `json:"-"`
	DisposalName  string     `json:"disposal_by_name,omitempty"`
	ApproverName  string     `json:"disposal_approver,omitempty"`
	DisposedAt    *time.Time `json:"disposed_at,omitempty"`
	OrgPath       string     `json:"-"`
}

// Depreciation is straight-line monthly depreciation and the amount
// accumulated by the end of month through (the months after acquisition,
// up to through), capped at original less residual.
func Depreciation(original Fen, residualPct, lifeMonths int64, acquired, through day.Day) (monthly, accumulated Fen) {
	base := original - original*Fen(residualPct)/100
	monthly = base / Fen(lifeMonths)
	months := int64(through.Year()-acquired.Year())*12 + int64(through.Month()) - int64(acquired.Month())
	switch {
	case months <= 0:
		return monthly, 0
	case months >= lifeMonths:
		return monthly, base
	}
	return monthly, monthly * Fen(months)
}

func (x *Asset) depreciate(today day.Day) {
	through := today.AddMonths(-1) // the current month is not over
	if x.DisposedAt != nil {
		through = day.Of(*x.DisposedAt) // the month of disposal is charged
	}
	x.Monthly, x.Accumulated = Depreciation(x.Original, x.ResidualPct, x.LifeMonths, x.AcquiredOn, through)
	x.NetValue = x.Original - x.Accumulated
}

// NewAsset is a fixed asset entered into the register.
type NewAsset struct {
	OrgID       int64   `json:"org_id"`
	Name        string  `json:"name"`
	Category    string  `json:"category"`
	Location    string  `json:"location"`
	AcquiredOn  day.Day `json:"acquired_on"`
	Original    Fen     `json:"original_fen"`
	ResidualPct int64   `json:"residual_pct,omitempty"`
	LifeMonths  int64   `json:"life_months"`
	Custodian   string  `json:"custodian"`
}

// AddAsset enters a fixed asset into a village's register (finance.keep).
func (s *Service) AddAsset(ctx context.Context, a *auth.Actor, in NewAsset) (Asset, error) {
	var x Asset
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermFinanceKeep)
		if err != nil {
			return err
		}
		today := day.Today(s.Clock)
		f := apperr.Fields{}
		in.Name = apperr.Text(f, "name", in.Name, 100, true)
		in.Location = apperr.Text(f, "location", in.Location, 100, true)
		in.Custodian = apperr.Text(f, "custodian", in.Custodian, 50, true)
		if in.Category != AssetOperating && in.Category != AssetNonOperating {
			f.Add("category", "finance.asset_category", nil)
		}
		if in.AcquiredOn.IsZero() || in.AcquiredOn.After(today) {
			f.Add("acquired_on", "finance.date_future", apperr.Params{"today": today.String()})
		}
		if in.Original <= 0 || in.Original > MaxFen {
			f.Add("original", "finance.amount_range", apperr.Params{"max": MaxFen})
		}
		if in.ResidualPct == 0 {
			in.ResidualPct = DefaultResidualPct
		}
		if in.ResidualPct < 0 || in.ResidualPct > 50 {
			f.Add("residual_pct", "finance.residual_range", nil)
		}
		if in.LifeMonths < 12 || in.LifeMonths > 12*70 {
			f.Add("life_months", "finance.life_range", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		now := s.Clock.Now()
		x = Asset{OrgID: v.ID, Name: in.Name, Category: in.Category, Location: in.Location, AcquiredOn: in.AcquiredOn,
			Original: in.Original, ResidualPct: in.ResidualPct, LifeMonths: in.LifeMonths, Custodian: in.Custodian,
			Status: AssetInUse, OrgPath: v.Path}
		if err := tx.QueryRowContext(ctx, `INSERT INTO finance_assets(org_id, town_id, name, category, location, acquired_on,
			original_fen, residual_pct, life_months, custodian, status, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`, v.ID, db.NullID(v.TownID), x.Name,
			x.Category, x.Location, x.AcquiredOn, int64(x.Original), x.ResidualPct, x.LifeMonths, x.Custodian, x.Status, now).Scan(&x.ID); err != nil {
			return fmt.Errorf("finance: insert asset: %w", err)
		}
		x.depreciate(today)
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.asset_add", Entity: "finance_asset",
			EntityID: x.ID, OrgID: v.ID, After: x})
	})
	return x, err
}

const assetColumns = `x.id, x.org_id, o.path, x.name, x.category, x.location, x.acquired_on, x.original_fen, x.residual_pct,
	x.life_months, x.custodian, x.status, x.disposal_reason, x.disposal_value_fen, COALESCE(x.disposal_by, 0),
	x.disposal_by_name, x.disposal_approver, x.disposed_at`

func scanAsset(r interface{ Scan(...any) error }, x *Asset) error {
	var disposed sql.NullTime
	err := r.Scan(&x.ID, &x.OrgID, &x.OrgPath, &x.Name, &x.Category, &x.Location, &x.AcquiredOn, &x.Original, &x.ResidualPct,
		&x.LifeMonths, &x.Custodian, &x.Status, &x.DisposalNote, &x.DisposalValue, &x.DisposalBy, &x.DisposalName,
		&x.ApproverName, &disposed)
	x.DisposedAt = utcPtr(disposed)
	return err
}

// Assets lists a village's fixed assets, newest first, with their
// depreciation to date (finance.read).
func (s *Service) Assets(ctx context.Context, a *auth.Actor, orgID, before int64, limit int) ([]Asset, error) {
	if _, err := villageFor(ctx, s.DB, a, orgID, ""); err != nil {
		return nil, err
	}
	if before <= 0 {
		before = 1 << 62
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+assetColumns+` FROM finance_assets x JOIN orgs o ON o.id = x.org_id
		WHERE x.org_id = $1 AND x.id < $2 ORDER BY x.id DESC LIMIT $3`, orgID, before, db.Limit(limit, 50, 200))
	if err != nil {
		return nil, fmt.Errorf("finance: list assets: %w", err)
	}
	today := day.Today(s.Clock)
	return db.Collect(rows, func(r *sql.Rows, x *Asset) error {
		err := scanAsset(r, x)
		x.depreciate(today)
		return err
	})
}

func assetFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, perm auth.Perm) (Asset, error) {
	var x Asset
	err := scanAsset(q.QueryRowContext(ctx, `SELECT `+assetColumns+` FROM finance_assets x JOIN orgs o ON o.id = x.org_id
		WHERE x.id = $1`, id), &x)
	if errors.Is(err, sql.ErrNoRows) {
		return x, apperr.NotFound()
	}
	if err != nil {
		return x, err
	}
	return x, a.Decide(auth.PermFinanceRead, perm, x.OrgPath)
}

// RequestDisposal asks for an asset to be disposed of (finance.request
// over its village): the reason and the value expected from it.
func (s *Service) RequestDisposal(ctx context.Context, a *auth.Actor, id int64, reason string, value Fen) (Asset, error) {
	var x Asset
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if x, err = assetFor(ctx, tx, a, id, auth.PermFinanceRequest); err != nil {
			return err
		}
		f := apperr.Fields{}
		reason = apperr.Prose(f, "reason", reason, 500, true)
		if value < 0 || value > MaxFen {
			f.Add("value", "finance.amount_range", apperr.Params{"max": MaxFen})
		}
		if err := f.Err(); err != nil {
			return err
		}
		if x.Status != AssetInUse {
			return apperr.Conflict("finance.asset_status", apperr.Params{"status": assetStatusKey(x.Status)})
		}
		before := x
		now := s.Clock.Now()
		x.Status, x.DisposalNote, x.DisposalValue, x.DisposalName = AssetDisposing, reason, value, a.DisplayName()
		if err := updateFrom(ctx, tx, apperr.Conflict("finance.asset_status", apperr.Params{"status": assetStatusKey(AssetDisposing)}),
			`UPDATE finance_assets SET status = $1, disposal_reason = $2, disposal_value_fen = $3, disposal_by = $4,
			disposal_by_name = $5, disposal_at = $6 WHERE id = $7 AND status = $8`, x.Status, reason, int64(value),
			a.UserRef(), x.DisposalName, now, x.ID, AssetInUse); err != nil {
			return err
		}
		x.depreciate(day.Today(s.Clock))
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.asset_dispose_request", Entity: "finance_asset",
			EntityID: x.ID, OrgID: x.OrgID, Before: before, After: x})
	})
	return x, err
}

// ApproveDisposal approves an asset's disposal (finance.approve over its
// village; finance.self_approval: not by whoever asked for it). The asset
// leaves the register of assets in use and depreciates no further.
func (s *Service) ApproveDisposal(ctx context.Context, a *auth.Actor, id int64) (Asset, error) {
	var x Asset
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if x, err = assetFor(ctx, tx, a, id, auth.PermFinanceApprove); err != nil {
			return err
		}
		if x.Status != AssetDisposing {
			return apperr.Conflict("finance.asset_status", apperr.Params{"status": assetStatusKey(x.Status)})
		}
		if same(a, x.DisposalBy) {
			return apperr.Rule("finance.self_approval", apperr.Params{"requester": x.DisposalName})
		}
		before := x
		now := s.Clock.Now()
		x.Status, x.ApproverName, x.DisposedAt = AssetDisposed, a.DisplayName(), &now
		if err := updateFrom(ctx, tx, apperr.Conflict("finance.asset_status", apperr.Params{"status": assetStatusKey(AssetDisposed)}),
			`UPDATE finance_assets SET status = $1, disposal_approved_by = $2, disposal_approver = $3, disposed_at = $4
			WHERE id = $5 AND status = $6`, x.Status, a.UserRef(), x.ApproverName, now, x.ID, AssetDisposing); err != nil {
			return err
		}
		x.depreciate(day.Today(s.Clock))
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.asset_dispose", Entity: "finance_asset",
			EntityID: x.ID, OrgID: x.OrgID, Before: before, After: x})
	})
	return x, err
}

func assetStatusKey(s string) i18n.Key { return i18n.Key("finance.asset_status." + s) }
