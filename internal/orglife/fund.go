package orglife

import (
	"dangjian/internal/day"
	"dangjian/internal/money"
	"time"
)

// Fen is the care fund's amounts: money in 分.
type Fen = money.Fen

// Fund entry kinds.
const (
	EntryIncome = "income" // money received (county, town, donations)
	EntryGrant  = "grant"  // an approved grant paid out
)

// Grant statuses.
const (
	GrantProposed = "proposed"
	GrantApproved = "approved"
	GrantRejected = "rejected"
)

// FundEntry is one line of a town's care fund ledger.
type FundEntry struct {
	ID           int64   `json:"id"`
	TownID       int64   `json:"town_id"`
	Kind         string  `json:"kind"`
	Amount       Fen     `json:"amount_fen"`
	BalanceAfter Fen     `json:"balance_after_fen"`
	OnDate       day.Day `json:"on_date"`
	Description  string  `json:"description"`
	GrantID      int64   `json:"grant_id,omitempty"`
}

// FundGrant is a proposed grant to a member, and its decision.
type FundGrant struct {
	ID           int64      `json:"id"`
	TownID       int64      `json:"town_id"`
	OrgID        int64      `json:"org_id"`
	OrgName      string     `json:"org_name"`
	MemberID     int64      `json:"member_id"`
	MemberName   string     `json:"member_name"`
	Amount       Fen        `json:"amount_fen"`
	Reason       string     `json:"reason"`
	Status       string     `json:"status"`
	ProposedBy   int64      `json:"-"`
	ProposerName string     `json:"proposer_name"`
	ProposedAt   time.Time  `json:"proposed_at"`
	DeciderName  string     `json:"decider_name,omitempty"`
	DecidedAt    *time.Time `json:"decided_at,omitempty"`
	Note         string     `json:"decision_note,omitempty"`
	OrgPath      string     `json:"-"`
	TownPath     string     `json:"-"`
}
