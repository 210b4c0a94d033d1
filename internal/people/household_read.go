package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

const householdColumns = `h.id, h.org_id, COALESCE(NULLIF(o.short_name, ''), o.name), COALESCE(h.town_id, 0),
	h.code, h.head_name, h.address, h.phone, o.path,
	(SELECT COUNT(*) FROM residents c WHERE c.household_id = h.id)`

func scanHousehold(row interface{ Scan(...any) error }) (Household, error) {
	var h Household
	err := row.Scan(&h.ID, &h.OrgID, &h.OrgName, &h.TownID, &h.Code, &h.HeadName, &h.Address, &h.Phone,
		&h.OrgPath, &h.Residents)
	return h, err
}

// getHousehold loads a household without a scope check; callers check.
func getHousehold(ctx context.Context, q db.Queryer, id int64) (Household, error) {
	h, err := scanHousehold(q.QueryRowContext(ctx, `SELECT `+householdColumns+`
		FROM households h JOIN orgs o ON o.id = h.org_id WHERE h.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return h, apperr.NotFound()
	}
	if err != nil {
		return h, fmt.Errorf("people: load household %d: %w", id, err)
	}
	return h, nil
}

// GetHousehold returns a household the actor may read with its residents,
// the head first.
func (s *Service) GetHousehold(ctx context.Context, a *auth.Actor, id int64) (Household, []Resident, error) {
	h, err := getHousehold(ctx, s.DB, id)
	if err != nil {
		return Household{}, nil, err
	}
	if err := a.Decide(auth.PermPeopleRead, "", h.OrgPath); err != nil {
		return Household{}, nil, err
	}
	var args db.Args
	rs, err := s.residents(ctx, s.DB, "r.household_id = "+args.Add(h.ID)+" ORDER BY r.id LIMIT 100", args)
	return h, rs, err
}

// ListHouseholds returns households in the actor's scope matching f in id
// order; a page continues after the last id of the previous one. The
// subtree condition is a range on orgs.path, so it uses that index.
func (s *Service) ListHouseholds(ctx context.Context, a *auth.Actor, f HouseholdFilter) ([]Household, error) {
	var args db.Args
	where := []string{args.Subtree("o.path", a.Scope(auth.PermPeopleRead))}
	if f.OrgID != 0 {
		root, err := loadOrg(ctx, s.DB, f.OrgID)
		if apperr.KindOf(err) == apperr.KindNotFound {
			return []Household{}, nil // an unknown organisation has no households
		}
		if err != nil {
			return nil, err
		}
		where = append(where, args.Subtree("o.path", []string{root.Path}))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		if looksLikeIDNumber(q) {
			if _, err := ParseIDNumber(q, day.Today(s.Clock)); err != nil {
				return nil, err
			}
			where = append(where, "h.id IN (SELECT household_id FROM residents WHERE id_hash IN ("+db.InList(&args, s.Sealer.Hashes(q))+"))")
		} else {
			p := args.Add(likeContains(q))
			where = append(where, "(h.head_name LIKE "+p+` ESCAPE '\' OR h.code LIKE `+p+` ESCAPE '\'
				OR EXISTS (SELECT 1 FROM residents m WHERE m.household_id = h.id AND m.name LIKE `+p+` ESCAPE '\'))`)
		}
	}
	if c := strings.TrimSpace(f.Code); c != "" {
		where = append(where, "h.code LIKE "+args.Add(likeEscape(c)+"%")+` ESCAPE '\'`)
	}
	if n := strings.TrimSpace(f.HeadName); n != "" {
		where = append(where, "h.head_name LIKE "+args.Add(likeContains(n))+` ESCAPE '\'`)
	}
	if f.AfterID != 0 {
		where = append(where, "h.id > "+args.Add(f.AfterID))
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+householdColumns+` FROM households h JOIN orgs o ON o.id = h.org_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY h.id LIMIT `+strconv.Itoa(limitOf(f.Limit)), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("people: list households: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, v *Household) (err error) { *v, err = scanHousehold(r); return err })
}
