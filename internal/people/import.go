package people

import (
	"context"
	"database/sql"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// ImportHousehold is one household of a bulk load with its residents.
type ImportHousehold struct {
	HouseholdInput
	Residents []ResidentInput
}

// ImportBatch is one village's households; the village's general branch
// or one of its groups must hold each of them.
type ImportBatch struct {
	VillageID  int64
	Households []ImportHousehold
}

// importStmts are the prepared inserts a bulk load reuses for every row.
type importStmts struct{ household, resident *sql.Stmt }

// Import loads many villages' households in one transaction, checked as
// the single use cases check them, with one audit record per village
// ("people.import") rather than one per row. It answers how many
// residents were loaded; any bad row refuses the whole load.
func (s *Service) Import(ctx context.Context, a *auth.Actor, batches []ImportBatch) (int, error) {
	n := 0
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var st importStmts
		var err error
		if st.household, err = tx.PrepareContext(ctx, `INSERT INTO households(org_id, town_id, code, head_name, address,
			phone, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`); err != nil {
			return err
		}
		defer st.household.Close()
		if st.resident, err = tx.PrepareContext(ctx, `INSERT INTO residents(household_id, org_id, town_id, name, id_cipher,
			id_hash, id_masked, birth_date, sex, relation, phone, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`); err != nil {
			return err
		}
		defer st.resident.Close()
		for _, b := range batches {
			m, err := s.importBatch(ctx, tx, st, a, b)
			if err != nil {
				return err
			}
			n += m
		}
		return nil
	})
	return n, err
}

// importBatch loads one village inside the import's transaction.
func (s *Service) importBatch(ctx context.Context, tx *sql.Tx, st importStmts, a *auth.Actor, b ImportBatch) (int, error) {
	village, err := loadOrg(ctx, tx, b.VillageID)
	if err != nil {
		return 0, err
	}
	if err := allowWrite(a, village.Path); err != nil {
		return 0, err
	}
	orgs := map[int64]orgRef{}
	now := s.Clock.Now()
	households, residents := 0, 0
	for _, ih := range b.Households {
		o, ok := orgs[ih.OrgID]
		if !ok {
			o, err = loadOrg(ctx, tx, ih.OrgID)
			if err != nil && apperr.KindOf(err) != apperr.KindNotFound {
				return 0, err
			}
			if err != nil || !o.holdsHouseholds() || !db.Under(o.Path, village.Path) {
				return 0, rowError(ih.Code, apperr.Invalid("org_id", "people.org_invalid", nil))
			}
			orgs[o.ID] = o
		}
		f := apperr.Fields{}
		in := cleanHousehold(ih.HouseholdInput, f)
		if err := f.Err(); err != nil {
			return 0, rowError(ih.Code, err)
		}
		var hid int64
		if err := st.household.QueryRowContext(ctx, o.ID, db.NullID(o.TownID), in.Code, in.HeadName, in.Address,
			in.Phone, now).Scan(&hid); err != nil {
			if db.IsUniqueViolation(err) {
				err = conflict("code", "people.code_taken", apperr.Params{"code": in.Code})
			}
			return 0, rowError(in.Code, err)
		}
		households++
		for _, ir := range ih.Residents {
			rin, sealed, err := s.cleanResident(ir, false)
			if err != nil {
				return 0, rowError(in.Code+" "+ir.Name, err)
			}
			// The unique index holds the configured cipher's hash; a number
			// still sealed the other way is found by its other hash.
			if err := idFree(ctx, tx, a, sealed.Lookups[1:], 0); err != nil {
				return 0, rowError(in.Code+" "+rin.Name, err)
			}
			if _, err := st.resident.ExecContext(ctx, hid, o.ID, db.NullID(o.TownID), rin.Name, sealed.Cipher, sealed.Hash,
				sealed.Masked, sealed.Birth, sealed.Sex, string(rin.Relation), rin.Phone, now); err != nil {
				if db.IsUniqueViolation(err) {
					err = conflict("id_number", "people.id_taken", nil)
				}
				return 0, rowError(in.Code+" "+rin.Name, err)
			}
			residents++
		}
	}
	return residents, audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "people.import", Entity: "org",
		EntityID: village.ID, OrgID: village.ID, After: map[string]int{"households": households, "residents": residents}})
}

// rowError says which row of a bulk load was refused.
func rowError(row string, err error) error { return fmt.Errorf("row %s: %w", row, err) }
