package people

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

const residentColumns = `r.id, r.household_id, h.code, r.org_id, COALESCE(NULLIF(o.short_name, ''), o.name),
	r.name, r.id_masked, r.birth_date, r.sex, r.relation, r.phone, o.path`

// residents runs one residents query; cond is the WHERE clause and its
// ordering, built with args.
func (s *Service) residents(ctx context.Context, q db.Queryer, cond string, args db.Args) ([]Resident, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+residentColumns+` FROM residents r
		JOIN households h ON h.id = r.household_id JOIN orgs o ON o.id = r.org_id WHERE `+cond, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("people: residents: %w", err)
	}
	today := day.Today(s.Clock)
	return db.Collect(rows, func(rows *sql.Rows, r *Resident) error {
		if err := rows.Scan(&r.ID, &r.HouseholdID, &r.HouseholdCode, &r.OrgID, &r.OrgName, &r.Name, &r.IDMasked,
			&r.BirthDate, &r.Sex, &r.Relation, &r.Phone, &r.OrgPath); err != nil {
			return err
		}
		r.Age = AgeOn(r.BirthDate, today)
		return nil
	})
}

// getResident loads one resident without a scope check; callers check.
func (s *Service) getResident(ctx context.Context, q db.Queryer, id int64) (Resident, error) {
	var args db.Args
	rs, err := s.residents(ctx, q, "r.id = "+args.Add(id), args)
	if err != nil {
		return Resident{}, err
	}
	if len(rs) == 0 {
		return Resident{}, apperr.NotFound()
	}
	return rs[0], nil
}

// GetResident returns a resident the actor may read, id number masked.
func (s *Service) GetResident(ctx context.Context, a *auth.Actor, id int64) (Resident, error) {
	r, err := s.getResident(ctx, s.DB, id)
	if err != nil {
		return Resident{}, err
	}
	if err := a.Decide(auth.PermPeopleRead, "", r.OrgPath); err != nil {
		return Resident{}, err
	}
	return r, nil
}

// FindByIDNumber looks a resident up by the exact number, through its
// keyed hash. Someone outside the actor's scope is not found, so the
// search tells nothing about other villages.
func (s *Service) FindByIDNumber(ctx context.Context, a *auth.Actor, number string) (Resident, error) {
	if _, err := ParseIDNumber(number, day.Today(s.Clock)); err != nil {
		return Resident{}, err
	}
	var args db.Args
	rs, err := s.residents(ctx, s.DB, "r.id_hash IN ("+db.InList(&args, s.Sealer.Hashes(number))+")"+
		" AND "+args.Subtree("o.path", a.Scope(auth.PermPeopleRead)), args)
	if err != nil {
		return Resident{}, err
	}
	if len(rs) == 0 {
		return Resident{}, apperr.NotFound()
	}
	return rs[0], nil
}

// ListResidents returns residents in the actor's scope matching f in id
// order, for keyset pages. Ages are full years on the clock's today: an
// age band is a birth-date range, which the (org_id, birth_date) index
// serves.
func (s *Service) ListResidents(ctx context.Context, a *auth.Actor, f ResidentFilter) ([]Resident, error) {
	today := day.Today(s.Clock)
	fields := apperr.Fields{}
	for _, x := range []struct {
		name string
		v    *int
	}{{"min_age", f.MinAge}, {"max_age", f.MaxAge}} {
		if x.v != nil && (*x.v < 0 || *x.v > 150) {
			fields.Add(x.name, "people.age_range", nil)
		}
	}
	if f.MinAge != nil && f.MaxAge != nil && *f.MinAge > *f.MaxAge {
		fields.Add("max_age", "people.age_order", nil)
	}
	number := strings.TrimSpace(f.IDNumber)
	if number != "" {
		if _, err := ParseIDNumber(number, today); err != nil {
			if err := merge(fields, err); err != nil {
				return nil, err
			}
		}
	}
	if err := fields.Err(); err != nil {
		return nil, err
	}
	var args db.Args
	where := []string{args.Subtree("o.path", a.Scope(auth.PermPeopleRead))}
	if f.OrgID != 0 {
		root, err := loadOrg(ctx, s.DB, f.OrgID)
		if apperr.KindOf(err) == apperr.KindNotFound {
			return []Resident{}, nil // an unknown organisation has no residents
		}
		if err != nil {
			return nil, err
		}
		where = append(where, args.Subtree("o.path", []string{root.Path}))
	}
	if number != "" {
		where = append(where, "r.id_hash IN ("+db.InList(&args, s.Sealer.Hashes(number))+")")
	}
	if n := strings.TrimSpace(f.Name); n != "" {
		where = append(where, "r.name LIKE "+args.Add(likeContains(n))+` ESCAPE '\'`)
	}
	if f.MinAge != nil {
		where = append(where, "r.birth_date <= "+args.Add(day.Of(today.Time().AddDate(-*f.MinAge, 0, 0))))
	}
	if f.MaxAge != nil {
		where = append(where, "r.birth_date > "+args.Add(day.Of(today.Time().AddDate(-*f.MaxAge-1, 0, 0))))
	}
	if f.AfterID != 0 {
		where = append(where, "r.id > "+args.Add(f.AfterID))
	}
	return s.residents(ctx, s.DB, strings.Join(where, " AND ")+" ORDER BY r.id LIMIT "+strconv.Itoa(limitOf(f.Limit)), args)
}
