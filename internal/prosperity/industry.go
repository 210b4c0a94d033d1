package prosperity

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// IndustryKind says whether an industry is the village's 一村一品 or a
// specialty (特色产业).
type IndustryKind string

const (
	IndustryOneProduct IndustryKind = "one_product" // 一村一品
	IndustrySpecialty  IndustryKind = "specialty"   // 特色产业
)

// IndustryKinds in form order.
var IndustryKinds = []IndustryKind{IndustryOneProduct, IndustrySpecialty}

// Industry is an industry of a village.
type Industry struct {
	ID          int64        `json:"id"`
	VillageID   int64        `json:"village_id"`
	VillageName string       `json:"village_name"`
	Name        string       `json:"name"`
	Kind        IndustryKind `json:"kind"`
	Note        string       `json:"note,omitempty"`
}

// Cooperative is a 专业合作组织 in an industry, led by a branch.
type Cooperative struct {
	ID           int64  `json:"id"`
	VillageID    int64  `json:"village_id"`
	IndustryID   int64  `json:"industry_id"`
	IndustryName string `json:"industry_name"`
	BranchID     int64  `json:"branch_id,omitempty"`
	BranchName   string `json:"branch_name,omitempty"`
	Name         string `json:"name"`
	Households   int    `json:"households"`
}

// AddIndustry registers an industry of a village (prosperity.write).
func (s *Service) AddIndustry(ctx context.Context, a *auth.Actor, villageID int64, name string, kind IndustryKind, note string) (Industry, error) {
	var x Industry
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, villageID, auth.PermProsperity)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		name = apperr.Text(f, "name", name, 50, true)
		note = apperr.Text(f, "note", note, 200, false)
		if kind != IndustryOneProduct && kind != IndustrySpecialty {
			f.Add("kind", "industry.kind_unknown", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		x = Industry{VillageID: v.ID, VillageName: v.Name, Name: name, Kind: kind, Note: note}
		err = tx.QueryRowContext(ctx, `INSERT INTO industries(town_id, village_id, name, kind, note, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, v.TownID, v.ID, name, kind, note, s.Clock.Now()).Scan(&x.ID)
		if db.IsUniqueViolation(err) {
			return apperr.Conflict("industry.duplicate", apperr.Params{"name": name, "village": v.Name})
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "industry.add", Entity: "industry",
			EntityID: x.ID, OrgID: v.ID, After: x})
	})
	return x, err
}

// NewCooperative is a cooperative to register.
type NewCooperative struct {
	IndustryID int64
	BranchID   int64 // the branch that leads it: a group branch of the village or an industry party organisation
	Name       string
}

// AddCooperative registers a cooperative in an industry (prosperity.write
// over the industry's village); its branch must be readable and be a
// group branch or an industry party organisation.
func (s *Service) AddCooperative(ctx context.Context, a *auth.Actor, in NewCooperative) (Cooperative, error) {
	var c Cooperative
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		ind, err := industryFor(ctx, tx, a, in.IndustryID, auth.PermProsperity)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		in.Name = apperr.Text(f, "name", in.Name, 100, true)
		var branch OrgRef
		if in.BranchID != 0 {
			b, err := loadOrg(ctx, tx, in.BranchID)
			if err != nil || a.Decide(auth.PermOrgRead, "", b.Path) != nil {
				f.Add("branch_id", "cooperative.branch_unknown", nil)
			} else if b.Type != "branch" && b.Type != "industry" && b.Type != "general_branch" {
				f.Add("branch_id", "cooperative.branch_type", apperr.Params{"name": b.Name})
			}
			branch = b
		}
		if err := f.Err(); err != nil {
			return err
		}
		c = Cooperative{VillageID: ind.VillageID, IndustryID: ind.ID, IndustryName: ind.Name, BranchID: branch.ID,
			BranchName: branch.Name, Name: in.Name}
		var town int64
		if err := tx.QueryRowContext(ctx, `SELECT town_id FROM industries WHERE id = $1`, ind.ID).Scan(&town); err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO cooperatives(town_id, village_id, industry_id, branch_id, name, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, town, ind.VillageID, ind.ID, db.NullID(branch.ID), in.Name,
			s.Clock.Now()).Scan(&c.ID)
		if db.IsUniqueViolation(err) {
			return apperr.Conflict("cooperative.duplicate", apperr.Params{"name": in.Name})
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "cooperative.add", Entity: "cooperative",
			EntityID: c.ID, OrgID: ind.VillageID, After: c})
	})
	return c, err
}

type industryRef struct {
	Industry
	Path string
}

func industryFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (industryRef, error) {
	var x industryRef
	err := q.QueryRowContext(ctx, `SELECT i.id, i.village_id, COALESCE(NULLIF(v.short_name, ''), v.name), i.name, i.kind, i.note, v.path
		FROM industries i JOIN orgs v ON v.id = i.village_id WHERE i.id = $1`, id).
		Scan(&x.ID, &x.VillageID, &x.VillageName, &x.Name, &x.Kind, &x.Note, &x.Path)
	if errors.Is(err, sql.ErrNoRows) {
		return x, apperr.NotFound()
	}
	if err != nil {
		return x, err
	}
	return x, a.Decide(auth.PermPeopleRead, change, x.Path)
}

// Enrol adds households of the cooperative's village to it
// (prosperity.write); households already in it are left as they are.
func (s *Service) Enrol(ctx context.Context, a *auth.Actor, cooperativeID int64, householdIDs []int64, on day.Day) (int, error) {
	n := 0
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var villageID int64
		var name, path string
		err := tx.QueryRowContext(ctx, `SELECT c.village_id, c.name, v.path FROM cooperatives c JOIN orgs v ON v.id = c.village_id
			WHERE c.id = $1`, cooperativeID).Scan(&villageID, &name, &path)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.NotFound()
		}
		if err != nil {
			return err
		}
		if err := a.Decide(auth.PermPeopleRead, auth.PermProsperity, path); err != nil {
			return err
		}
		if on.IsZero() || on.After(day.Today(s.Clock)) {
			return apperr.Invalid("joined_on", "training.date_future", apperr.Params{"today": day.Today(s.Clock).String()})
		}
		if err := inVillage(ctx, tx, "households", "household_ids", villageID, householdIDs); err != nil {
			return err
		}
		for _, h := range householdIDs {
			res, err := tx.ExecContext(ctx, `INSERT INTO cooperative_members(cooperative_id, household_id, joined_on)
				VALUES ($1, $2, $3) ON CONFLICT (cooperative_id, household_id) DO NOTHING`, cooperativeID, h, on)
			if err != nil {
				return err
			}
			if k, _ := res.RowsAffected(); k > 0 {
				n++
			}
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "cooperative.enrol", Entity: "cooperative",
			EntityID: cooperativeID, OrgID: villageID, After: enrolAudit{name, householdIDs, n}})
	})
	return n, err
}

type enrolAudit struct {
	Name       string  `json:"name"`
	Households []int64 `json:"household_ids"`
	Added      int     `json:"added"`
}

// IndustriesOfVillage lists a village's industries, 一村一品 first.
func (s *Service) IndustriesOfVillage(ctx context.Context, a *auth.Actor, villageID int64) ([]Industry, error) {
	v, err := villageFor(ctx, s.DB, a, villageID, "")
	if err != nil {
		return nil, err
	}
	return industriesOf(ctx, s.DB, v)
}

func industriesOf(ctx context.Context, q db.Queryer, v OrgRef) ([]Industry, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, village_id, name, kind, note FROM industries WHERE village_id = $1
		ORDER BY village_id, id LIMIT 200`, v.ID)
	if err != nil {
		return nil, fmt.Errorf("prosperity: industries: %w", err)
	}
	xs, err := db.Collect(rows, func(r *sql.Rows, x *Industry) error {
		x.VillageName = v.Name
		return r.Scan(&x.ID, &x.VillageID, &x.Name, &x.Kind, &x.Note)
	})
	slices.SortStableFunc(xs, func(a, b Industry) int {
		if a.Kind == b.Kind {
			return 0
		}
		if a.Kind == IndustryOneProduct {
			return -1
		}
		return 1
	})
	return xs, err
}

// CooperativesOfVillage lists a village's cooperatives with their
// member households counted.
func (s *Service) CooperativesOfVillage(ctx context.Context, a *auth.Actor, villageID int64) ([]Cooperative, error) {
	v, err := villageFor(ctx, s.DB, a, villageID, "")
	if err != nil {
		return nil, err
	}
	return cooperativesOf(ctx, s.DB, v.ID)
}

func cooperativesOf(ctx context.Context, q db.Queryer, villageID int64) ([]Cooperative, error) {
	rows, err := q.QueryContext(ctx, `SELECT c.id, c.village_id, c.industry_id, i.name, COALESCE(c.branch_id, 0),
		COALESCE(NULLIF(b.short_name, ''), b.name, ''), c.name,
		(SELECT COUNT(*) FROM cooperative_members m WHERE m.cooperative_id = c.id)
		FROM cooperatives c JOIN industries i ON i.id = c.industry_id LEFT JOIN orgs b ON b.id = c.branch_id
		WHERE c.village_id = $1 ORDER BY c.village_id, c.id LIMIT 200`, villageID)
	if err != nil {
		return nil, fmt.Errorf("prosperity: cooperatives: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, c *Cooperative) error {
		return r.Scan(&c.ID, &c.VillageID, &c.IndustryID, &c.IndustryName, &c.BranchID, &c.BranchName, &c.Name, &c.Households)
	})
}

// Model is a village's 支部+产业+专业合作组织+农户 picture: its industries,
// the cooperatives in each with the branch that leads them and the
// households enrolled, and how many of the village's households are in
// one cooperative or more.
type Model struct {
	Village     OrgRef        `json:"village"`
	Industries  []Industry    `json:"industries"`
	Coops       []Cooperative `json:"cooperatives"`
	Households  int           `json:"households"`
	Enrolled    int           `json:"households_enrolled"`
	IndustryOrg []OrgRef      `json:"industry_orgs"` // industry party organisations under the village
}

// VillageModel builds a village's picture (people.read).
func (s *Service) VillageModel(ctx context.Context, a *auth.Actor, villageID int64) (Model, error) {
	v, err := villageFor(ctx, s.DB, a, villageID, "")
	if err != nil {
		return Model{}, err
	}
	m := Model{Village: v, IndustryOrg: []OrgRef{}}
	if m.Industries, err = industriesOf(ctx, s.DB, v); err != nil {
		return m, err
	}
	if m.Coops, err = cooperativesOf(ctx, s.DB, v.ID); err != nil {
		return m, err
	}
	if err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*),
		COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM cooperative_members m WHERE m.household_id = h.id))
		FROM households h JOIN orgs o ON o.id = h.org_id WHERE `+villageOfSQL+` = $1`, v.ID).Scan(&m.Households, &m.Enrolled); err != nil {
		return m, fmt.Errorf("prosperity: model households: %w", err)
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT id, COALESCE(town_id, 0), type, name, path FROM orgs
		WHERE parent_id = $1 AND type = 'industry' ORDER BY parent_id, sort_order, id`, v.ID)
	if err != nil {
		return m, err
	}
	m.IndustryOrg, err = db.Collect(rows, func(r *sql.Rows, o *OrgRef) error { return r.Scan(&o.ID, &o.TownID, &o.Type, &o.Name, &o.Path) })
	return m, err
}
