package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// Service is the organisation use cases.
type Service struct {
	DB    *db.DB
	Clock db.Clock
}

const orgColumns = `o.id, COALESCE(o.parent_id, 0), COALESCE(o.town_id, 0), o.type, o.industry_type,
	o.name, o.short_name, o.path, o.sort_order, o.founded_on`

// scanOrg reads orgColumns and then any extra columns into extra.
func scanOrg(row interface{ Scan(...any) error }, extra ...any) (Org, error) {
	var o Org
	dest := append([]any{&o.ID, &o.ParentID, &o.TownID, &o.Type, &o.IndustryType, &o.Name, &o.ShortName,
		&o.Path, &o.SortOrder, &o.FoundedOn}, extra...)
	return o, row.Scan(dest...)
}

// getOrg loads an organisation without a scope check; callers check.
func getOrg(ctx context.Context, q db.Queryer, id int64) (Org, error) {
	o, err := scanOrg(q.QueryRowContext(ctx, `SELECT `+orgColumns+` FROM orgs o WHERE o.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, apperr.NotFound()
	}
	if err != nil {
		return o, fmt.Errorf("org: load organisation %d: %w", id, err)
	}
	return o, nil
}

// Get returns one organisation the actor may read.
func (s *Service) Get(ctx context.Context, a *auth.Actor, id int64) (Org, error) {
	o, err := getOrg(ctx, s.DB, id)
	if err != nil {
		return o, err
	}
	if err := a.Decide(auth.PermOrgRead, "", o.Path); err != nil {
		return Org{}, err
	}
	return o, nil
}

// NewOrg is the input of Create.
type NewOrg struct {
	ParentID     int64
	Type         Type
	IndustryType IndustryType
	Name         string
	ShortName    string
	SortOrder    int
	FoundedOn    day.Day // the zero Day when not known
}

// Create adds an organisation under its parent, with the standard posts of
// its type. A nil actor is the command line or demo loader.
func (s *Service) Create(ctx context.Context, a *auth.Actor, in NewOrg) (Org, error) {
	var o Org
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		o, err = s.create(ctx, tx, a, in)
		return err
	})
	return o, err
}

func (s *Service) create(ctx context.Context, tx *sql.Tx, a *auth.Actor, in NewOrg) (Org, error) {
	f := apperr.Fields{}
	in.Name = apperr.Text(f, "name", in.Name, maxName, true)
	in.ShortName = apperr.Text(f, "short_name", in.ShortName, maxName, false)
	if !in.Type.Valid() {
		f.Add("type", "org.type_unknown", nil)
	}
	if in.Type == TypeIndustry && !validIndustry(in.IndustryType) {
		f.Add("industry_type", "org.industry_type_required", nil)
	}
	if in.Type != TypeIndustry {
		in.IndustryType = ""
	}
	if err := f.Err(); err != nil {
		return Org{}, err
	}
	var parent Org
	if in.ParentID != 0 {
		// A parent outside the actor's sight is refused exactly as one
		// that does not exist.
		p, err := getOrg(ctx, tx, in.ParentID)
		if err == nil && !a.Sees(auth.PermOrgRead, p.Path) {
			err = apperr.NotFound()
		}
		if apperr.KindOf(err) == apperr.KindNotFound {
			return Org{}, apperr.Invalid("parent_id", "org.unknown", nil)
		}
		if err != nil {
			return Org{}, err
		}
		parent = p
		if err := a.Decide(auth.PermOrgRead, auth.PermOrgManage, parent.Path); err != nil {
			return Org{}, err
		}
	} else if a != nil {
		return Org{}, apperr.Forbidden() // only the command line plants a new root
	}
	if !parentAllowed(in.Type, parent.Type, in.ParentID != 0) {
		return Org{}, apperr.Rule("org.parent_type", apperr.Params{
			"type": typeKey(in.Type), "parent": typeKey(parent.Type)})
	}
	now := s.Clock.Now()
	var parentID, townID any
	if in.ParentID != 0 {
		parentID = in.ParentID
	}
	if parent.TownID != 0 {
		townID = parent.TownID
	}
	var id int64
	// The path needs the new id, so insert with a unique placeholder path
	// and fill it in at once, inside the same transaction.
	tmp := "/tmp-" + strconv.FormatInt(now.UnixNano(), 36) + "/"
	err := tx.QueryRowContext(ctx, `INSERT INTO orgs(parent_id, town_id, type, industry_type, name, short_name, path,
		sort_order, founded_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		parentID, townID, string(in.Type), string(in.IndustryType), in.Name, in.ShortName, tmp,
		in.SortOrder, in.FoundedOn, now).Scan(&id)
	if err != nil {
		return Org{}, err
	}
	path := parent.Path
	if path == "" {
		path = "/"
	}
	path += strconv.FormatInt(id, 10) + "/"
	if in.Type == TypeTown {
		townID = id
	}
	if _, err := tx.ExecContext(ctx, `UPDATE orgs SET path = $1, town_id = $2 WHERE id = $3`, path, townID, id); err != nil {
		return Org{}, err
	}
	o, err := getOrg(ctx, tx, id)
	if err != nil {
		return Org{}, err
	}
	kinds := BranchPosts
	switch in.Type {
	case TypeGeneralBranch:
		kinds = VillagePosts
	case TypeCounty, TypeTown:
		kinds = nil
	}
	for i, k := range kinds {
		if _, err := tx.ExecContext(ctx, `INSERT INTO posts(org_id, town_id, code, body, sort_order) VALUES ($1, $2, $3, $4, $5)`,
			id, townID, k.Code, string(k.Body), i); err != nil {
			return Org{}, err
		}
	}
	return o, audit.Record(ctx, tx, now, a.Audit(), audit.Entry{
		Action: "org.create", Entity: "org", EntityID: id, OrgID: id, After: o})
}

func validIndustry(t IndustryType) bool {
	return slices.Contains(IndustryTypes, t)
}

func parentAllowed(t, parent Type, hasParent bool) bool {
	allowed := allowedParents[t]
	if !hasParent {
		return len(allowed) == 0 || t == TypeTown // a town may stand alone
	}
	return slices.Contains(allowed, parent)
}

func typeKey(t Type) any {
	if t == "" {
		return "—"
	}
	return i18nKey("org.type." + string(t))
}

// Filter selects organisations for List.
type Filter struct {
	Type     Type
	ParentID int64
	TownID   int64
	Query    string // part of the name
	AfterID  int64  // keyset pagination: organisations with a larger id
	Limit    int
}

// List returns the organisations in the actor's scope matching f in id
// order (creation order, which the tree is built in); a page continues
// after the last id of the previous one.
func (s *Service) List(ctx context.Context, a *auth.Actor, f Filter) ([]Org, error) {
	var args db.Args
	where := []string{args.Subtree("o.path", a.Scope(auth.PermOrgRead))}
	if f.Type != "" {
		where = append(where, "o.type = "+args.Add(string(f.Type)))
	}
	if f.ParentID != 0 {
		where = append(where, "o.parent_id = "+args.Add(f.ParentID))
	}
	if f.TownID != 0 {
		where = append(where, "o.town_id = "+args.Add(f.TownID))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		where = append(where, "o.name LIKE "+args.Add("%"+q+"%"))
	}
	if f.AfterID != 0 {
		where = append(where, "o.id > "+args.Add(f.AfterID))
	}
	limit := db.Limit(f.Limit, 200, 500)
	rows, err := s.DB.QueryContext(ctx, `SELECT `+orgColumns+` FROM orgs o WHERE `+strings.Join(where, " AND ")+
		` ORDER BY o.id LIMIT `+strconv.Itoa(limit), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("org: list: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, v *Org) (err error) { *v, err = scanOrg(r); return err })
}

// Ancestors returns the chain from the root down to o's parent, for
// breadcrumbs. They are read without a scope check: a village leader may
// see the names of the town above them.
func (s *Service) Ancestors(ctx context.Context, o Org) ([]Org, error) {
	var args db.Args
	var ids []string
	for _, part := range strings.Split(strings.Trim(o.Path, "/"), "/") {
		if id, _ := strconv.ParseInt(part, 10, 64); id != 0 && id != o.ID {
			ids = append(ids, args.Add(id))
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	// One query for the whole chain; a longer path lies deeper.
	rows, err := s.DB.QueryContext(ctx, `SELECT `+orgColumns+` FROM orgs o WHERE o.id IN (`+strings.Join(ids, ", ")+`)
		ORDER BY LENGTH(o.path)`, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("org: ancestors: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, v *Org) (err error) { *v, err = scanOrg(r); return err })
}
