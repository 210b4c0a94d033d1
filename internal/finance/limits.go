package finance

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// Routes of an expenditure request, by amount.
const (
	RouteSigner     = "signer"     // 一支笔: up to the signer limit
	RouteCollective = "collective" // 两委集体审批 at a recorded meeting
	RouteDecision   = "decision"   // above the collective limit: a passed 四议两公开 decision
)

// Route is the approval an amount needs under limits l.
func (l Limits) Route(amount Fen) string {
	switch {
	case amount <= l.Signer:
		return RouteSigner
	case amount <= l.Collective:
		return RouteCollective
	}
	return RouteDecision
}

// limitsFor reads a town's limits, or the service's defaults.
func (s *Service) limitsFor(ctx context.Context, q db.Queryer, townID int64) (Limits, error) {
	var l Limits
	err := q.QueryRowContext(ctx, `SELECT signer_limit_fen, collective_limit_fen FROM finance_towns WHERE town_id = $1`, townID).
		Scan(&l.Signer, &l.Collective)
	if errors.Is(err, sql.ErrNoRows) {
		return s.Limits, nil
	}
	if err != nil {
		return l, fmt.Errorf("finance: read limits: %w", err)
	}
	return l, nil
}

// townFor loads a town organisation and decides the actor's scope on it.
func townFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Village, error) {
	var t Village
	var typ string
	err := q.QueryRowContext(ctx, `SELECT id, name, type, path FROM orgs WHERE id = $1`, id).Scan(&t.ID, &t.Name, &typ, &t.Path)
	if errors.Is(err, sql.ErrNoRows) {
		return t, apperr.NotFound()
	}
	if err != nil {
		return t, err
	}
	if err := a.Decide(auth.PermFinanceRead, change, t.Path); err != nil {
		return Village{}, err
	}
	if typ != "town" {
		return Village{}, apperr.Invalid("town_id", "finance.not_town", nil)
	}
	t.TownID = t.ID
	return t, nil
}

// TownLimits are a town's approval limits (finance.read over the town).
func (s *Service) TownLimits(ctx context.Context, a *auth.Actor, townID int64) (Limits, error) {
	var l Limits
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := townFor(ctx, tx, a, townID, ""); err != nil {
			return err
		}
		var err error
		l, err = s.limitsFor(ctx, tx, townID)
		return err
	})
	return l, err
}

// SetTownLimits sets a town's approval limits (finance.manage over the
// town). The rule finance.limits_order: the collective limit is above the
// signer's.
func (s *Service) SetTownLimits(ctx context.Context, a *auth.Actor, townID int64, l Limits) (Limits, error) {
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := townFor(ctx, tx, a, townID, auth.PermFinanceManage); err != nil {
			return err
		}
		f := apperr.Fields{}
		if l.Signer <= 0 || l.Signer > MaxFen {
			f.Add("signer_limit", "finance.amount_range", apperr.Params{"max": MaxFen})
		}
		if l.Collective <= 0 || l.Collective > MaxFen {
			f.Add("collective_limit", "finance.amount_range", apperr.Params{"max": MaxFen})
		}
		if err := f.Err(); err != nil {
			return err
		}
		if l.Collective <= l.Signer {
			return apperr.Rule("finance.limits_order", apperr.Params{"signer": l.Signer, "collective": l.Collective})
		}
		before, err := s.limitsFor(ctx, tx, townID)
		if err != nil {
			return err
		}
		now := s.Clock.Now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO finance_towns(town_id, signer_limit_fen, collective_limit_fen, updated_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT (town_id) DO UPDATE SET signer_limit_fen = excluded.signer_limit_fen,
			collective_limit_fen = excluded.collective_limit_fen, updated_at = excluded.updated_at`,
			townID, int64(l.Signer), int64(l.Collective), now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.limits_set", Entity: "finance_town",
			EntityID: townID, OrgID: townID, Before: before, After: l})
	})
	return l, err
}

// Signer is a village's designated 一支笔 signer.
type Signer struct {
	UserID int64  `json:"user_id"`
	Name   string `json:"name"`
}

// signerOf reads a village's designated signer; zero without one.
func signerOf(ctx context.Context, q db.Queryer, orgID int64) (Signer, error) {
	var sg Signer
	err := q.QueryRowContext(ctx, `SELECT user_id, signer_name FROM finance_signers WHERE org_id = $1`, orgID).Scan(&sg.UserID, &sg.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return Signer{}, nil
	}
	return sg, err
}

// SetSigner designates a village's 一支笔 signer (finance.manage over the
// village): a user holding finance.approve over it (finance.signer_role).
func (s *Service) SetSigner(ctx context.Context, a *auth.Actor, orgID, userID int64) (Signer, error) {
	var sg Signer
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, auth.PermFinanceManage)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT u.display_name, b.role, o.path FROM users u JOIN role_bindings b ON b.user_id = u.id
			JOIN orgs o ON o.id = b.org_id WHERE u.id = $1`, userID)
		if err != nil {
			return err
		}
		ok := false
		for rows.Next() {
			var role, path string
			if err := rows.Scan(&sg.Name, &role, &path); err != nil {
				rows.Close()
				return err
			}
			if auth.Role(role).Grants(auth.PermFinanceApprove) && db.Under(v.Path, path) {
				ok = true
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if !ok {
			return apperr.Invalid("user_id", "finance.signer_role", nil)
		}
		sg.UserID = userID
		before, err := signerOf(ctx, tx, v.ID)
		if err != nil {
			return err
		}
		now := s.Clock.Now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO finance_signers(org_id, user_id, signer_name, updated_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (org_id) DO UPDATE SET user_id = excluded.user_id, signer_name = excluded.signer_name,
			updated_at = excluded.updated_at`, v.ID, userID, sg.Name, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.signer_set", Entity: "finance_signer",
			EntityID: v.ID, OrgID: v.ID, Before: before, After: sg})
	})
	return sg, err
}

// VillageSigner is a village of a town with its designated signer (zero
// without one) and who may be designated: the users holding
// finance.approve over it.
type VillageSigner struct {
	Village    Village  `json:"village"`
	Signer     Signer   `json:"signer"`
	Candidates []Signer `json:"candidates"`
}

// SignerChange is one designation as the audit keeps it.
type SignerChange struct {
	At      time.Time `json:"at"`
	By      string    `json:"by"`
	Village string    `json:"village"`
	Before  string    `json:"before"`
	After   string    `json:"after"`
}

// TownSigners are a town's villages with their designated signers and
// the candidates for each, and the latest designations from the audit
// (finance.read over the town).
func (s *Service) TownSigners(ctx context.Context, a *auth.Actor, townID int64) ([]VillageSigner, []SignerChange, error) {
	var out []VillageSigner
	var hist []SignerChange
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		t, err := townFor(ctx, tx, a, townID, "")
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT o.id, COALESCE(o.town_id, 0), o.name, o.path, COALESCE(s.user_id, 0),
			COALESCE(s.signer_name, '') FROM orgs o LEFT JOIN finance_signers s ON s.org_id = o.id
			WHERE o.town_id = $1 AND o.type = $2 ORDER BY o.sort_order, o.id LIMIT 1000`, townID, villageType)
		if err != nil {
			return err
		}
		if out, err = db.Collect(rows, func(r *sql.Rows, v *VillageSigner) error {
			v.Candidates = []Signer{}
			return r.Scan(&v.Village.ID, &v.Village.TownID, &v.Village.Name, &v.Village.Path, &v.Signer.UserID, &v.Signer.Name)
		}); err != nil {
			return err
		}
		// Everyone bound at or below the town, with the roles that may sign.
		rows, err = tx.QueryContext(ctx, `SELECT u.id, u.display_name, b.role, o.path FROM role_bindings b JOIN users u ON u.id = b.user_id
			JOIN orgs o ON o.id = b.org_id WHERE o.path >= $1 AND o.path < $2`, t.Path, db.PathEnd(t.Path))
		if err != nil {
			return err
		}
		type binding struct {
			sg         Signer
			role, path string
		}
		bs, err := db.Collect(rows, func(r *sql.Rows, b *binding) error { return r.Scan(&b.sg.UserID, &b.sg.Name, &b.role, &b.path) })
		if err != nil {
			return err
		}
		sort.Slice(bs, func(i, j int) bool { return bs[i].sg.UserID < bs[j].sg.UserID })
		for i := range out {
			seen := map[int64]bool{}
			for _, b := range bs {
				if !seen[b.sg.UserID] && auth.Role(b.role).Grants(auth.PermFinanceApprove) && db.Under(out[i].Village.Path, b.path) {
					seen[b.sg.UserID] = true
					out[i].Candidates = append(out[i].Candidates, b.sg)
				}
			}
		}
		list, err := audit.List(ctx, tx, audit.Filter{Entity: "finance_signer", OrgPaths: []string{t.Path}, Limit: 20})
		if err != nil {
			return err
		}
		hist = []SignerChange{}
		for _, r := range list {
			var before, after Signer
			_ = json.Unmarshal([]byte(r.Before), &before)
			_ = json.Unmarshal([]byte(r.After), &after)
			by := r.ActorFullName
			if by == "" {
				by = r.ActorName
			}
			hist = append(hist, SignerChange{At: r.At.UTC(), By: by, Village: r.OrgName, Before: before.Name, After: after.Name})
		}
		return nil
	})
	return out, hist, err
}
