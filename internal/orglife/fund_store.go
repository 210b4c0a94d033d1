package orglife

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/members"
	"dangjian/internal/money"
)

// NewIncome is money received into a town's care fund.
type NewIncome struct {
	TownID      int64
	Amount      Fen
	OnDate      day.Day
	Description string
}

// townFor loads a town and checks the actor holds perm over it.
func townFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, perm auth.Perm) (BranchInfo, error) {
	t, err := branchFor(ctx, q, a, id, perm)
	if err != nil {
		return t, err
	}
	if t.Type != "town" {
		return BranchInfo{}, apperr.Invalid("town_id", "fund.not_town", nil)
	}
	return t, nil
}

// RecordFundIncome books money received into the town's fund (members.
// manage over the town).
func (s *Service) RecordFundIncome(ctx context.Context, a *auth.Actor, in NewIncome) (FundEntry, error) {
	today := day.Today(s.Clock)
	var e FundEntry
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		town, err := townFor(ctx, tx, a, in.TownID, auth.PermMemberManage)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		amountField(f, in.Amount)
		switch {
		case in.OnDate.IsZero():
			f.Add("on_date", "error.date_required", nil)
		case in.OnDate.After(today):
			f.Add("on_date", "meeting.date_future", apperr.Params{"today": today})
		}
		in.Description = apperr.Text(f, "description", in.Description, 200, true)
		if err := f.Err(); err != nil {
			return err
		}
		now := s.Clock.Now()
		var balance Fen
		if err := tx.QueryRowContext(ctx, `INSERT INTO care_funds(town_id, balance_fen, updated_at) VALUES ($1, $2, $3)
			ON CONFLICT (town_id) DO UPDATE SET balance_fen = care_funds.balance_fen + excluded.balance_fen,
				updated_at = excluded.updated_at
			RETURNING balance_fen`, town.ID, int64(in.Amount), now).Scan(&balance); err != nil {
			return err
		}
		e = FundEntry{TownID: town.ID, Kind: EntryIncome, Amount: in.Amount, BalanceAfter: balance,
			OnDate: in.OnDate, Description: in.Description}
		if err := insertFundEntry(ctx, tx, a, &e, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "fund.income", Entity: "fund_entry",
			EntityID: e.ID, OrgID: town.ID, After: e})
	})
	return e, err
}

func amountField(f apperr.Fields, amount Fen) {
	if amount <= 0 || amount > money.MaxFen {
		f.Add("amount", "fund.amount_range", apperr.Params{"max": money.MaxFen})
	}
}

func insertFundEntry(ctx context.Context, tx *sql.Tx, a *auth.Actor, e *FundEntry, now time.Time) error {
	return tx.QueryRowContext(ctx, `INSERT INTO fund_entries(town_id, kind, amount_fen, balance_after_fen, on_date,
		description, grant_id, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		e.TownID, e.Kind, int64(e.Amount), int64(e.BalanceAfter), e.OnDate, e.Description, db.NullID(e.GrantID),
		a.UserRef(), now).Scan(&e.ID)
}

// NewGrant is a proposed grant from the fund to a member.
type NewGrant struct {
	MemberID int64
	Amount   Fen
	Reason   string
}

// ProposeGrant proposes a grant to a party member (members.write over the
// member's branch). Nothing is paid until someone else approves it.
func (s *Service) ProposeGrant(ctx context.Context, a *auth.Actor, in NewGrant) (FundGrant, error) {
	var g FundGrant
	err := s.memberTx(ctx, a, in.MemberID, func(tx *sql.Tx, m members.Member, _ day.Day) error {
		f := apperr.Fields{}
		amountField(f, in.Amount)
		in.Reason = apperr.Prose(f, "reason", in.Reason, 500, true)
		if err := f.Err(); err != nil {
			return err
		}
		branch, err := loadBranchRef(ctx, tx, m.OrgID)
		if err != nil {
			return err
		}
		if branch.TownID == 0 {
			return apperr.Invalid("member_id", "fund.not_town", nil)
		}
		now := s.Clock.Now()
		g = FundGrant{TownID: branch.TownID, OrgID: m.OrgID, OrgName: branch.Name, MemberID: m.ID, MemberName: m.Name,
			Amount: in.Amount, Reason: in.Reason, Status: GrantProposed, ProposerName: a.DisplayName(), ProposedAt: now}
		if a != nil {
			g.ProposedBy = a.UserID
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO fund_grants(town_id, org_id, member_id, amount_fen, reason, status,
			proposed_by, proposer_name, proposed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			g.TownID, g.OrgID, g.MemberID, int64(g.Amount), g.Reason, g.Status, a.UserRef(), g.ProposerName,
			now).Scan(&g.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "fund.propose", Entity: "fund_grant",
			EntityID: g.ID, OrgID: g.OrgID, After: g})
	})
	return g, err
}

// DecideGrant approves or rejects a proposed grant (members.manage over
// the town). Rules:
//   - fund.self_approval: nobody approves a grant they proposed;
//   - fund.balance: approving pays the grant, and the balance may not go
//     below zero. The balance row is decremented only while it covers the
//     amount, so two approvals racing cannot overdraw it.
func (s *Service) DecideGrant(ctx context.Context, a *auth.Actor, id int64, approve bool, note string) (FundGrant, error) {
	var g FundGrant
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if g, err = loadGrant(ctx, tx, id); err != nil {
			return err
		}
		// A grant is seen where it was proposed and decided over its
		// town: a reader of the branch who may not manage the town is
		// refused (Forbidden), not told the grant is missing.
		if err := members.DecideMemberScope(a, auth.PermMemberRead, g.OrgPath); err != nil {
			return err
		}
		town, err := loadBranchRef(ctx, tx, g.TownID)
		if err != nil {
			return err
		}
		if a.Decide(auth.PermMemberRead, auth.PermMemberManage, town.Path) != nil {
			return apperr.Forbidden() // the grant itself is readable
		}
		f := apperr.Fields{}
		note = apperr.Prose(f, "note", note, 500, false)
		if err := f.Err(); err != nil {
			return err
		}
		if g.Status != GrantProposed {
			return apperr.Conflict("fund.grant_decided", apperr.Params{"status": grantStatusKey(g.Status)})
		}
		if approve && a != nil && g.ProposedBy == a.UserID {
			return apperr.Rule("fund.self_approval", apperr.Params{"proposer": g.ProposerName})
		}
		before := g
		now := s.Clock.Now()
		g.Status, g.DeciderName, g.DecidedAt, g.Note = GrantRejected, a.DisplayName(), &now, note
		if approve {
			g.Status = GrantApproved
			if err := payGrant(ctx, tx, a, g, now); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE fund_grants SET status = $1, decided_by = $2, decider_name = $3,
			decided_at = $4, decision_note = $5 WHERE id = $6`, g.Status, a.UserRef(), g.DeciderName, now, note, g.ID); err != nil {
			return err
		}
		action := "fund.reject"
		if approve {
			action = "fund.approve"
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: action,
			Entity: "fund_grant", EntityID: g.ID, OrgID: g.OrgID, Before: before, After: g})
	})
	return g, err
}

// payGrant takes the grant's amount from the town's balance and books it.
func payGrant(ctx context.Context, tx *sql.Tx, a *auth.Actor, g FundGrant, now time.Time) error {
	var balance Fen
	err := tx.QueryRowContext(ctx, `UPDATE care_funds SET balance_fen = balance_fen - $1, updated_at = $2
		WHERE town_id = $3 AND balance_fen >= $4 RETURNING balance_fen`, int64(g.Amount), now, g.TownID, int64(g.Amount)).Scan(&balance)
	if errors.Is(err, sql.ErrNoRows) {
		var have Fen
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(balance_fen), 0) FROM care_funds WHERE town_id = $1`,
			g.TownID).Scan(&have); err != nil {
			return err
		}
		return checkFundBalance(have, g.Amount)
	}
	if err != nil {
		return err
	}
	e := FundEntry{TownID: g.TownID, Kind: EntryGrant, Amount: g.Amount, BalanceAfter: balance, OnDate: day.Of(now.UTC()),
		Description: g.MemberName + "：" + g.Reason, GrantID: g.ID}
	return insertFundEntry(ctx, tx, a, &e, now)
}

// checkFundBalance is the rule fund.balance with its numbers.
func checkFundBalance(balance, amount Fen) error {
	if amount > balance {
		return apperr.Rule("fund.balance", apperr.Params{"balance": balance, "amount": amount})
	}
	return nil
}

func grantStatusKey(status string) any { return i18n.Key("fund.status." + status) }

const grantColumns = `g.id, g.town_id, g.org_id, o.name, o.path, t.path, g.member_id, m.name, g.amount_fen, g.reason,
	g.status, COALESCE(g.proposed_by, 0), g.proposer_name, g.proposed_at, g.decider_name, g.decided_at, g.decision_note`

const grantFrom = ` FROM fund_grants g JOIN orgs o ON o.id = g.org_id JOIN orgs t ON t.id = g.town_id
	JOIN members m ON m.id = g.member_id`

func scanGrant(row interface{ Scan(...any) error }) (FundGrant, error) {
	var g FundGrant
	var decided sql.NullTime
	err := row.Scan(&g.ID, &g.TownID, &g.OrgID, &g.OrgName, &g.OrgPath, &g.TownPath, &g.MemberID, &g.MemberName,
		&g.Amount, &g.Reason, &g.Status, &g.ProposedBy, &g.ProposerName, &g.ProposedAt, &g.DeciderName, &decided, &g.Note)
	g.ProposedAt = g.ProposedAt.UTC()
	if decided.Valid {
		t := decided.Time.UTC()
		g.DecidedAt = &t
	}
	return g, err
}

func loadGrant(ctx context.Context, q db.Queryer, id int64) (FundGrant, error) {
	g, err := scanGrant(q.QueryRowContext(ctx, `SELECT `+grantColumns+grantFrom+` WHERE g.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return g, apperr.NotFound()
	}
	if err != nil {
		return g, fmt.Errorf("orglife: load grant %d: %w", id, err)
	}
	return g, nil
}

// FundView is a town's care fund as one actor may see it.
type FundView struct {
	Town BranchInfo `json:"town"`
	// Ledger is true for readers of the whole town, who see the balance
	// and the entries; village cadres see only the grants in their scope.
	Ledger  bool        `json:"ledger"`
	Balance Fen         `json:"balance_fen"`
	Entries []FundEntry `json:"entries"`
	Grants  []FundGrant `json:"grants"`
}

// FundPage pages the view's two lists, newest first.
type FundPage struct {
	EntriesBefore int64
	GrantsBefore  int64
	Status        string // only grants with this status
	Limit         int
}

// Fund shows a town's care fund: balance and ledger to readers of the
// whole town, grants to anyone who reads members somewhere in it.
func (s *Service) Fund(ctx context.Context, a *auth.Actor, townID int64, p FundPage) (FundView, error) {
	var v FundView
	town, err := loadBranchRef(ctx, s.DB, townID)
	if err != nil {
		return v, err
	}
	if town.Type != "town" {
		return v, apperr.NotFound()
	}
	v.Town = town
	v.Ledger = a.Sees(auth.PermMemberRead, town.Path)
	var scope []string
	for _, root := range a.Scope(auth.PermMemberRead) {
		if db.Under(root, town.Path) || db.Under(town.Path, root) {
			scope = append(scope, root)
		}
	}
	if !v.Ledger && len(scope) == 0 {
		return FundView{}, apperr.NotFound()
	}
	limit := db.Limit(p.Limit, 50, 200)
	if v.Ledger {
		if err := s.DB.QueryRowContext(ctx, `SELECT COALESCE(MAX(balance_fen), 0) FROM care_funds WHERE town_id = $1`,
			town.ID).Scan(&v.Balance); err != nil {
			return v, err
		}
		if v.Entries, err = fundEntries(ctx, s.DB, town.ID, p.EntriesBefore, limit); err != nil {
			return v, err
		}
	}
	var args db.Args
	where := []string{"g.town_id = " + args.Add(town.ID)}
	if a != nil {
		where = append(where, args.Subtree("o.path", scope))
	}
	if p.Status != "" {
		where = append(where, "g.status = "+args.Add(p.Status))
	}
	if p.GrantsBefore != 0 {
		where = append(where, "g.id < "+args.Add(p.GrantsBefore))
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+grantColumns+grantFrom+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY g.id DESC LIMIT `+strconv.Itoa(limit), args.Values()...)
	if err != nil {
		return v, fmt.Errorf("orglife: fund: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		g, err := scanGrant(rows)
		if err != nil {
			return v, err
		}
		v.Grants = append(v.Grants, g)
	}
	return v, rows.Err()
}

func fundEntries(ctx context.Context, q db.Queryer, townID, before int64, limit int) ([]FundEntry, error) {
	var args db.Args
	where := "town_id = " + args.Add(townID)
	if before != 0 {
		where += " AND id < " + args.Add(before)
	}
	rows, err := q.QueryContext(ctx, `SELECT id, town_id, kind, amount_fen, balance_after_fen, on_date, description,
		COALESCE(grant_id, 0) FROM fund_entries WHERE `+where+` ORDER BY id DESC LIMIT `+strconv.Itoa(limit), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("orglife: fund entries: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, e *FundEntry) error {
		if err := r.Scan(&e.ID, &e.TownID, &e.Kind, &e.Amount, &e.BalanceAfter, &e.OnDate, &e.Description, &e.GrantID); err != nil {
			return err
		}
		return nil
	})
}
