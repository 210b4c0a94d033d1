package org

import (
	"context"
	"database/sql"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
)

// OrgEdit is the input of Update: what an organisation's page may change.
// Type and place in the tree stay: moving a node would move its records'
// scope, which is a different and rarer operation.
type OrgEdit struct {
	ID        int64
	Name      string
	ShortName string
	SortOrder int
}

// Update renames an organisation or changes its short name or position
// among its siblings, with the change audited.
func (s *Service) Update(ctx context.Context, a *auth.Actor, in OrgEdit) (Org, error) {
	var out Org
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		before, err := getOrg(ctx, tx, in.ID)
		if err != nil {
			return err
		}
		if err := a.Decide(auth.PermOrgRead, auth.PermOrgManage, before.Path); err != nil {
			return err
		}
		f := apperr.Fields{}
		in.Name = apperr.Text(f, "name", in.Name, maxName, true)
		in.ShortName = apperr.Text(f, "short_name", in.ShortName, maxName, false)
		if in.SortOrder < 0 || in.SortOrder > 9999 {
			f.Add("sort_order", "org.sort_order_range", apperr.Params{"min": 0, "max": 9999})
		}
		if err := f.Err(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE orgs SET name = $1, short_name = $2, sort_order = $3 WHERE id = $4`,
			in.Name, in.ShortName, in.SortOrder, in.ID); err != nil {
			return err
		}
		if out, err = getOrg(ctx, tx, in.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: "org.update", Entity: "org", EntityID: in.ID, OrgID: in.ID, Before: before, After: out})
	})
	return out, err
}

// maxName bounds organisation names.
const maxName = 60

// Editable returns an organisation for its edit form, refusing those who
// may read it but not change it.
func (s *Service) Editable(ctx context.Context, a *auth.Actor, id int64) (Org, error) {
	o, err := getOrg(ctx, s.DB, id)
	if err != nil {
		return o, err
	}
	if err := a.Decide(auth.PermOrgRead, auth.PermOrgManage, o.Path); err != nil {
		return Org{}, err
	}
	return o, nil
}
