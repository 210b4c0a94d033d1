package prosperity

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// CoopMember is a household enrolled in a cooperative.
type CoopMember struct {
	HouseholdID int64   `json:"household_id"`
	Code        string  `json:"code"`
	HeadName    string  `json:"head_name"`
	JoinedOn    day.Day `json:"joined_on"`
}

// CooperativeView is a cooperative with its member households.
type CooperativeView struct {
	Cooperative Cooperative  `json:"cooperative"`
	VillageName string       `json:"village_name"`
	Members     []CoopMember `json:"members"`
	Path        string       `json:"-"`
}

// cooperativeFor loads a cooperative and decides the actor's scope over
// its village: people.read to read (it names households), change with
// the permission given.
func cooperativeFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (CooperativeView, error) {
	var v CooperativeView
	c := &v.Cooperative
	err := q.QueryRowContext(ctx, `SELECT c.id, c.village_id, c.industry_id, i.name, COALESCE(c.branch_id, 0),
		COALESCE(NULLIF(b.short_name, ''), b.name, ''), c.name, COALESCE(NULLIF(v.short_name, ''), v.name), v.path,
		(SELECT COUNT(*) FROM cooperative_members m WHERE m.cooperative_id = c.id)
		FROM cooperatives c JOIN industries i ON i.id = c.industry_id JOIN orgs v ON v.id = c.village_id
		LEFT JOIN orgs b ON b.id = c.branch_id WHERE c.id = $1`, id).
		Scan(&c.ID, &c.VillageID, &c.IndustryID, &c.IndustryName, &c.BranchID, &c.BranchName, &c.Name, &v.VillageName, &v.Path, &c.Households)
	if errors.Is(err, sql.ErrNoRows) {
		return v, apperr.NotFound()
	}
	if err != nil {
		return v, fmt.Errorf("prosperity: cooperative %d: %w", id, err)
	}
	return v, a.Decide(auth.PermPeopleRead, change, v.Path)
}

// Cooperative is one cooperative with its member households in code
// order (people.read over its village).
func (s *Service) Cooperative(ctx context.Context, a *auth.Actor, id int64) (CooperativeView, error) {
	v, err := cooperativeFor(ctx, s.DB, a, id, "")
	if err != nil {
		return v, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT h.id, h.code, h.head_name, m.joined_on FROM cooperative_members m
		JOIN households h ON h.id = m.household_id WHERE m.cooperative_id = $1 ORDER BY m.cooperative_id, m.household_id LIMIT 5000`, id)
	if err != nil {
		return v, fmt.Errorf("prosperity: cooperative members: %w", err)
	}
	v.Members, err = db.Collect(rows, func(r *sql.Rows, m *CoopMember) error {
		return r.Scan(&m.HouseholdID, &m.Code, &m.HeadName, &m.JoinedOn)
	})
	if v.Members == nil {
		v.Members = []CoopMember{}
	}
	return v, err
}

// Unenrolled lists the households of a cooperative's village not yet in
// it, by code, for the enrolment form (people.read).
func (s *Service) Unenrolled(ctx context.Context, a *auth.Actor, cooperativeID int64) ([]MissingHousehold, error) {
	v, err := cooperativeFor(ctx, s.DB, a, cooperativeID, "")
	if err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT h.id, h.code, h.head_name FROM households h JOIN orgs o ON o.id = h.org_id
		WHERE `+villageOfSQL+` = $1 AND NOT EXISTS (SELECT 1 FROM cooperative_members m WHERE m.cooperative_id = $2 AND m.household_id = h.id)
		ORDER BY h.org_id, h.code LIMIT 5000`, v.Cooperative.VillageID, cooperativeID)
	if err != nil {
		return nil, fmt.Errorf("prosperity: households to enrol: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, h *MissingHousehold) error { return r.Scan(&h.ID, &h.Code, &h.HeadName) })
}

// CooperativesOfTown lists a town's cooperatives, for the attachment
// form of its industry party organisations (people.read over the town).
func (s *Service) CooperativesOfTown(ctx context.Context, a *auth.Actor, townID int64) ([]Cooperative, error) {
	t, err := areaFor(ctx, s.DB, a, townID)
	if err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT c.id, c.village_id, c.industry_id, i.name, COALESCE(c.branch_id, 0),
		COALESCE(NULLIF(b.short_name, ''), b.name, ''), c.name, 0
		FROM cooperatives c JOIN industries i ON i.id = c.industry_id LEFT JOIN orgs b ON b.id = c.branch_id
		WHERE c.town_id = $1 ORDER BY c.town_id, c.name LIMIT 500`, t.ID)
	if err != nil {
		return nil, fmt.Errorf("prosperity: town cooperatives: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, c *Cooperative) error {
		return r.Scan(&c.ID, &c.VillageID, &c.IndustryID, &c.IndustryName, &c.BranchID, &c.BranchName, &c.Name, &c.Households)
	})
}
