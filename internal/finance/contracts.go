package finance

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// Resource kinds.
var ResourceKinds = []string{"land", "forest", "water", "other"} // 土地, 林地, 水面, 其他

// ContractWarnDays is how long before its end a contract is flagged as
// expiring.
const ContractWarnDays = 90

// Contract is a resource's letting with what is due and paid to date.
type Contract struct {
	ID           int64   `json:"id"`
	OrgID        int64   `json:"org_id"`
	ResourceID   int64   `json:"resource_id"`
	ResourceName string  `json:"resource_name"`
	ResourceKind string  `json:"resource_kind"`
	Area         string  `json:"area"`
	Counterparty string  `json:"counterparty"`
	StartsOn     day.Day `json:"starts_on"`
	EndsOn       day.Day `json:"ends_on"`
	AnnualRent   Fen     `json:"annual_rent_fen"`
	SignerName   string  `json:"signer_name"`
	// Due is the rent of every contract year begun by today (each year's
	// rent is due on its first day); Paid what was received; Arrears the
	// difference when positive.
	Due      Fen    `json:"due_fen"`
	Paid     Fen    `json:"paid_fen"`
	Arrears  Fen    `json:"arrears_fen"`
	DaysLeft int    `json:"days_left"`
	Expiring bool   `json:"expiring"` // ends within ContractWarnDays
	Ended    bool   `json:"ended"`
	OrgPath  string `json:"-"`
}

// dueBy is the rent due on a contract by day d: one year's rent for each
// contract year that has begun, within the term.
func dueBy(c Contract, d day.Day) Fen {
	var due Fen
	for y := c.StartsOn; !y.After(d) && y.Before(c.EndsOn); y = y.AddMonths(12) {
		due += c.AnnualRent
	}
	return due
}

func (c *Contract) standing(today day.Day) {
	c.Due = dueBy(*c, today)
	if c.Arrears = c.Due - c.Paid; c.Arrears < 0 {
		c.Arrears = 0
	}
	c.DaysLeft = today.DaysUntil(c.EndsOn)
	c.Ended = c.EndsOn.Before(today)
	c.Expiring = !c.Ended && c.DaysLeft <= ContractWarnDays
}

// NewContract is a resource with the contract letting it.
type NewContract struct {
	OrgID        int64   `json:"org_id"`
	ResourceName string  `json:"resource_name"`
	ResourceKind string  `json:"resource_kind"`
	Area         string  `json:"area"`
	Location     string  `json:"location"`
	Counterparty string  `json:"counterparty"`
	StartsOn     day.Day `json:"starts_on"`
	EndsOn       day.Day `json:"ends_on"`
	AnnualRent   Fen     `json:"annual_rent_fen"`
	SignerName   string  `json:"signer_name"`
	// PaidBefore is rent received before the contract was registered
	// here (a register taken over from paper); it is kept as a payment
	// without a voucher, the books having it already.
	PaidBefore Fen `json:"paid_before_fen,omitempty"`
}

// AddContract registers a resource and its contract (finance.keep).
func (s *Service) AddContract(ctx context.Context, a *auth.Actor, in NewContract) (Contract, error) {
	var c Contract
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermFinanceKeep)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		in.ResourceName = apperr.Text(f, "resource_name", in.ResourceName, 100, true)
		in.Area = apperr.Text(f, "area", in.Area, 50, true)
		in.Location = apperr.Text(f, "location", in.Location, 100, false)
		in.Counterparty = apperr.Text(f, "counterparty", in.Counterparty, 100, true)
		in.SignerName = apperr.Text(f, "signer_name", in.SignerName, 50, true)
		known := false
		for _, k := range ResourceKinds {
			known = known || k == in.ResourceKind
		}
		if !known {
			f.Add("resource_kind", "finance.resource_kind", nil)
		}
		if in.StartsOn.IsZero() || in.EndsOn.IsZero() || !in.StartsOn.Before(in.EndsOn) {
			f.Add("ends_on", "finance.contract_term", nil)
		}
		if in.AnnualRent <= 0 || in.AnnualRent > MaxFen {
			f.Add("annual_rent", "finance.amount_range", apperr.Params{"max": MaxFen})
		}
		if in.PaidBefore < 0 || in.PaidBefore > MaxFen {
			f.Add("paid_before", "finance.amount_range", apperr.Params{"max": MaxFen})
		}
		if err := f.Err(); err != nil {
			return err
		}
		now := s.Clock.Now()
		var resID int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO finance_resources(org_id, town_id, name, kind, area, location, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, v.ID, db.NullID(v.TownID), in.ResourceName, in.ResourceKind,
			in.Area, in.Location, now).Scan(&resID); err != nil {
			return fmt.Errorf("finance: insert resource: %w", err)
		}
		c = Contract{OrgID: v.ID, ResourceID: resID, ResourceName: in.ResourceName, ResourceKind: in.ResourceKind, Area: in.Area,
			Counterparty: in.Counterparty, StartsOn: in.StartsOn, EndsOn: in.EndsOn, AnnualRent: in.AnnualRent,
			SignerName: in.SignerName, OrgPath: v.Path}
		if err := tx.QueryRowContext(ctx, `INSERT INTO finance_contracts(org_id, resource_id, counterparty, starts_on, ends_on,
			annual_rent_fen, signer_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, v.ID, resID,
			c.Counterparty, c.StartsOn, c.EndsOn, int64(c.AnnualRent), c.SignerName, now).Scan(&c.ID); err != nil {
			return fmt.Errorf("finance: insert contract: %w", err)
		}
		if in.PaidBefore > 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO finance_contract_payments(contract_id, paid_on, amount_fen, created_at)
				VALUES ($1, $2, $3, $4)`, c.ID, day.Today(s.Clock), int64(in.PaidBefore), now); err != nil {
				return err
			}
			c.Paid = in.PaidBefore
		}
		c.standing(day.Today(s.Clock))
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.contract_add", Entity: "finance_contract",
			EntityID: c.ID, OrgID: v.ID, After: c})
	})
	return c, err
}

const contractColumns = `c.id, c.org_id, o.path, c.resource_id, r.name, r.kind, r.area, c.counterparty, c.starts_on, c.ends_on,
	c.annual_rent_fen, c.signer_name,
	(SELECT COALESCE(SUM(p.amount_fen), 0) FROM finance_contract_payments p WHERE p.contract_id = c.id)`

const contractFrom = ` FROM finance_contracts c JOIN finance_resources r ON r.id = c.resource_id JOIN orgs o ON o.id = c.org_id`

func scanContract(row interface{ Scan(...any) error }, c *Contract) error {
	return row.Scan(&c.ID, &c.OrgID, &c.OrgPath, &c.ResourceID, &c.ResourceName, &c.ResourceKind, &c.Area, &c.Counterparty,
		&c.StartsOn, &c.EndsOn, &c.AnnualRent, &c.SignerName, &c.Paid)
}

// Contracts lists a village's contracts, those ending first first, with
// what is due, paid and in arrears and the expiry warning (finance.read).
func (s *Service) Contracts(ctx context.Context, a *auth.Actor, orgID int64) ([]Contract, error) {
	if _, err := villageFor(ctx, s.DB, a, orgID, ""); err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+contractColumns+contractFrom+` WHERE c.org_id = $1 ORDER BY c.ends_on, c.id LIMIT 500`, orgID)
	if err != nil {
		return nil, fmt.Errorf("finance: list contracts: %w", err)
	}
	today := day.Today(s.Clock)
	return db.Collect(rows, func(r *sql.Rows, c *Contract) error {
		err := scanContract(r, c)
		c.standing(today)
		return err
	})
}

// RecordRent records rent received on a contract (finance.keep) and posts
// its receipt in the same transaction: debit bank, credit 501 经营收入.
func (s *Service) RecordRent(ctx context.Context, a *auth.Actor, contractID int64, amount Fen) (Contract, error) {
	var c Contract
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		err := scanContract(tx.QueryRowContext(ctx, `SELECT `+contractColumns+contractFrom+` WHERE c.id = $1`, contractID), &c)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.NotFound()
		}
		if err != nil {
			return err
		}
		if err := a.Decide(auth.PermFinanceRead, auth.PermFinanceKeep, c.OrgPath); err != nil {
			return err
		}
		c.standing(day.Today(s.Clock))
		if amount <= 0 || amount > MaxFen {
			return apperr.Invalid("amount", "finance.amount_range", apperr.Params{"max": MaxFen})
		}
		v, err := loadVillage(ctx, tx, c.OrgID)
		if err != nil {
			return err
		}
		if err := seedChart(ctx, tx, v.ID); err != nil {
			return err
		}
		now := s.Clock.Now()
		today := day.Today(s.Clock)
		summary := "收到承包费：" + c.ResourceName + "（" + c.Counterparty + "）"
		draft, err := insertVoucher(ctx, tx, a, v, NewVoucher{OrgID: v.ID, Date: today, Summary: summary, Attachments: 1,
			Lines: []NewLine{{AccountCode: CodeBank, Debit: amount}, {AccountCode: CodeOperatingIncome, Credit: amount}}}, today, now, 0)
		if err != nil {
			return err
		}
		posted, err := post(ctx, tx, a, draft, now)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO finance_contract_payments(contract_id, paid_on, amount_fen, voucher_id, created_at)
			VALUES ($1, $2, $3, $4, $5)`, c.ID, today, int64(amount), posted.ID, now); err != nil {
			return err
		}
		before := c
		c.Paid += amount
		c.standing(today)
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.rent", Entity: "finance_contract",
			EntityID: c.ID, OrgID: c.OrgID, Before: before, After: c})
	})
	return c, err
}
