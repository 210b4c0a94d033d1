package people

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

// cleanResident trims and checks the typed fields and seals the id
// number, whose digits give the birth date and sex. An empty number is
// allowed only when keep is set (an edit that leaves it unchanged).
func (s *Service) cleanResident(in ResidentInput, keep bool) (ResidentInput, *Identifier, error) {
	f := apperr.Fields{}
	in.Name = apperr.Text(f, "name", in.Name, 40, true)
	in.Phone = apperr.Phone(f, "phone", in.Phone)
	if !in.Relation.Valid() {
		f.Add("relation", "people.relation_unknown", nil)
	}
	if in.IDNumber == "" {
		if !keep {
			f.Add("id_number", "error.required", nil)
		}
		return in, nil, f.Err()
	}
	id, err := s.Sealer.Seal(in.IDNumber, day.Today(s.Clock))
	if err != nil {
		if err := merge(f, err); err != nil {
			return in, nil, err
		}
	}
	if err := f.Err(); err != nil {
		return in, nil, err
	}
	return in, &id, nil
}

// idFree refuses an id number already registered to another resident,
// under any cipher's hash. The message names that resident only to an
// actor who may see them.
func idFree(ctx context.Context, q db.Queryer, a *auth.Actor, lookups []string, self int64) error {
	var name, code, path string
	var args db.Args
	err := q.QueryRowContext(ctx, `SELECT r.name, h.code, o.path FROM residents r
		JOIN households h ON h.id = r.household_id JOIN orgs o ON o.id = r.org_id
		WHERE r.id_hash IN (`+db.InList(&args, lookups)+`) AND r.id <> `+args.Add(self)+` ORDER BY r.id LIMIT 1`, args.Values()...).
		Scan(&name, &code, &path)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	case a.Sees(auth.PermPeopleRead, path):
		return conflict("id_number", "people.id_taken_by", apperr.Params{"name": name, "code": code})
	}
	return conflict("id_number", "people.id_taken", nil)
}

// AddResident registers a resident in a household.
func (s *Service) AddResident(ctx context.Context, a *auth.Actor, in ResidentInput) (Resident, error) {
	var r Resident
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		h, err := getHousehold(ctx, tx, in.HouseholdID)
		if err != nil {
			return err
		}
		if err := allowWrite(a, h.OrgPath); err != nil {
			return err
		}
		in, sealed, err := s.cleanResident(in, false)
		if err != nil {
			return err
		}
		if err := idFree(ctx, tx, a, sealed.Lookups, 0); err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO residents(household_id, org_id, town_id, name, id_cipher, id_hash,
			id_masked, birth_date, sex, relation, phone, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
			RETURNING id`, h.ID, h.OrgID, db.NullID(h.TownID), in.Name, sealed.Cipher, sealed.Hash, sealed.Masked,
			sealed.Birth, sealed.Sex, string(in.Relation), in.Phone, s.Clock.Now()).Scan(&id); err != nil {
			return err
		}
		if r, err = s.getResident(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: "resident.create", Entity: "resident", EntityID: id, OrgID: h.OrgID, After: r})
	})
	return r, err
}

// UpdateResident changes a resident's fields; an empty id number keeps
// the stored one, a new one is checked and sealed again.
func (s *Service) UpdateResident(ctx context.Context, a *auth.Actor, id int64, in ResidentInput) (Resident, error) {
	var r Resident
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.getResident(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := allowWrite(a, before.OrgPath); err != nil {
			return err
		}
		in, sealed, err := s.cleanResident(in, true)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE residents SET name = $1, relation = $2, phone = $3 WHERE id = $4`,
			in.Name, string(in.Relation), in.Phone, id); err != nil {
			return err
		}
		if sealed != nil {
			if err := idFree(ctx, tx, a, sealed.Lookups, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE residents SET id_cipher = $1, id_hash = $2, id_masked = $3,
				birth_date = $4, sex = $5 WHERE id = $6`, sealed.Cipher, sealed.Hash, sealed.Masked, sealed.Birth,
				sealed.Sex, id); err != nil {
				return err
			}
		}
		if r, err = s.getResident(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: "resident.update", Entity: "resident", EntityID: id, OrgID: r.OrgID, Before: before, After: r})
	})
	return r, err
}
