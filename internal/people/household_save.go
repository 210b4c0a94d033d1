package people

import (
	"context"
	"database/sql"
	"errors"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// cleanHousehold trims and checks the typed fields.
func cleanHousehold(in HouseholdInput, f apperr.Fields) HouseholdInput {
	in.Code = apperr.Text(f, "code", in.Code, 32, true)
	in.HeadName = apperr.Text(f, "head_name", in.HeadName, 40, true)
	in.Address = apperr.Text(f, "address", in.Address, 200, false)
	in.Phone = apperr.Phone(f, "phone", in.Phone)
	return in
}

// codeFree refuses a code already used in the town by another household.
func codeFree(ctx context.Context, q db.Queryer, townID int64, code string, self int64) error {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM households WHERE town_id = $1 AND code = $2`, townID, code).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	case id == self:
		return nil
	}
	return conflict("code", "people.code_taken", apperr.Params{"code": code})
}

// CreateHousehold registers a household in a village or one of its groups.
func (s *Service) CreateHousehold(ctx context.Context, a *auth.Actor, in HouseholdInput) (Household, error) {
	var h Household
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		f := apperr.Fields{}
		in = cleanHousehold(in, f)
		o, _, err := householdOrg(ctx, tx, a, f, in.OrgID)
		if err != nil {
			return err
		}
		if err := f.Err(); err != nil {
			return err
		}
		if err := codeFree(ctx, tx, o.TownID, in.Code, 0); err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO households(org_id, town_id, code, head_name, address, phone, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, o.ID, db.NullID(o.TownID), in.Code, in.HeadName,
			in.Address, in.Phone, s.Clock.Now()).Scan(&id); err != nil {
			return err
		}
		if h, err = getHousehold(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: "household.create", Entity: "household", EntityID: id, OrgID: o.ID, After: h})
	})
	return h, err
}

// UpdateHousehold changes a household's fields; moving it to another
// group needs the right to write at both ends, and its residents move
// with it.
func (s *Service) UpdateHousehold(ctx context.Context, a *auth.Actor, id int64, in HouseholdInput) (Household, error) {
	var h Household
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		before, err := getHousehold(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := allowWrite(a, before.OrgPath); err != nil {
			return err
		}
		f := apperr.Fields{}
		in = cleanHousehold(in, f)
		if in.OrgID == 0 {
			in.OrgID = before.OrgID
		}
		o, _, err := householdOrg(ctx, tx, a, f, in.OrgID)
		if err != nil {
			return err
		}
		if err := f.Err(); err != nil {
			return err
		}
		if err := codeFree(ctx, tx, o.TownID, in.Code, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE households SET org_id = $1, town_id = $2, code = $3, head_name = $4,
			address = $5, phone = $6 WHERE id = $7`, o.ID, db.NullID(o.TownID), in.Code, in.HeadName, in.Address, in.Phone, id); err != nil {
			return err
		}
		if o.ID != before.OrgID {
			if _, err := tx.ExecContext(ctx, `UPDATE residents SET org_id = $1, town_id = $2 WHERE household_id = $3`,
				o.ID, db.NullID(o.TownID), id); err != nil {
				return err
			}
		}
		if h, err = getHousehold(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: "household.update", Entity: "household", EntityID: id, OrgID: o.ID, Before: before, After: h})
	})
	return h, err
}
