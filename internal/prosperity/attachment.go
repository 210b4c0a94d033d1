package prosperity

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// AttachedKind is what an industry party organisation is set up in.
type AttachedKind string

const (
	AttachedEnterprise  AttachedKind = "enterprise"  // 企业
	AttachedMine        AttachedKind = "mine"        // 煤矿
	AttachedProject     AttachedKind = "project"     // 重点项目
	AttachedCooperative AttachedKind = "cooperative" // 专业合作组织
)

// AttachedKinds in form order.
var AttachedKinds = []AttachedKind{AttachedEnterprise, AttachedMine, AttachedProject, AttachedCooperative}

// IndustryOrg is an industry party organisation (龙头企业型, 煤矿企业型,
// 重点项目服务型, 特色产业型) with what it is set up in.
type IndustryOrg struct {
	OrgID         int64        `json:"org_id"`
	Name          string       `json:"name"`
	IndustryType  string       `json:"industry_type"`
	ParentName    string       `json:"parent_name"`
	AttachedKind  AttachedKind `json:"attached_kind,omitempty"`
	AttachedName  string       `json:"attached_name,omitempty"`
	CooperativeID int64        `json:"cooperative_id,omitempty"`
}

// Attach records what an industry party organisation is set up in
// (prosperity.write over it; read with people.read, like every record of
// the programme): an enterprise, a mine, a project, or a cooperative the
// actor sees.
func (s *Service) Attach(ctx context.Context, a *auth.Actor, orgID int64, kind AttachedKind, name string, cooperativeID int64) (IndustryOrg, error) {
	var out IndustryOrg
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		o, err := loadOrg(ctx, tx, orgID)
		if err != nil {
			return err
		}
		if err := a.Decide(auth.PermPeopleRead, auth.PermProsperity, o.Path); err != nil {
			return err
		}
		f := apperr.Fields{}
		if o.Type != "industry" {
			f.Add("org_id", "attach.not_industry", apperr.Params{"name": o.Name})
		}
		if !slices.Contains(AttachedKinds, kind) {
			f.Add("kind", "attach.kind_unknown", nil)
		}
		name = apperr.Text(f, "name", name, 100, true)
		if cooperativeID != 0 {
			var path string
			err := tx.QueryRowContext(ctx, `SELECT v.path FROM cooperatives c JOIN orgs v ON v.id = c.village_id WHERE c.id = $1`,
				cooperativeID).Scan(&path)
			if err != nil || a.Decide(auth.PermPeopleRead, "", path) != nil {
				f.Add("cooperative_id", "attach.cooperative_unknown", nil)
			}
		}
		if err := f.Err(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO industry_attachments(org_id, kind, name, cooperative_id, updated_at)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
			cooperative_id = excluded.cooperative_id, updated_at = excluded.updated_at`,
			o.ID, kind, name, db.NullID(cooperativeID), s.Clock.Now()); err != nil {
			return err
		}
		out = IndustryOrg{OrgID: o.ID, Name: o.Name, AttachedKind: kind, AttachedName: name, CooperativeID: cooperativeID}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "industry_org.attach", Entity: "industry_attachment",
			EntityID: o.ID, OrgID: o.ID, After: out})
	})
	return out, err
}

// IndustryOrgs lists a town's industry party organisations with their
// attachments, in tree order (people.read over the town: the programme's
// pages are read with people.read, and /industries with them).
func (s *Service) IndustryOrgs(ctx context.Context, a *auth.Actor, townID int64) ([]IndustryOrg, error) {
	t, err := loadOrg(ctx, s.DB, townID)
	if err != nil {
		return nil, err
	}
	if err := a.Decide(auth.PermPeopleRead, "", t.Path); err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT o.id, o.name, o.industry_type, COALESCE(NULLIF(p.short_name, ''), p.name),
		COALESCE(x.kind, ''), COALESCE(x.name, ''), COALESCE(x.cooperative_id, 0)
		FROM orgs o JOIN orgs p ON p.id = o.parent_id LEFT JOIN industry_attachments x ON x.org_id = o.id
		WHERE o.type = 'industry' AND o.town_id = $1 ORDER BY o.type, o.town_id, o.sort_order, o.id LIMIT 500`, t.ID)
	if err != nil {
		return nil, fmt.Errorf("prosperity: industry orgs: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, x *IndustryOrg) error {
		return r.Scan(&x.OrgID, &x.Name, &x.IndustryType, &x.ParentName, &x.AttachedKind, &x.AttachedName, &x.CooperativeID)
	})
}
