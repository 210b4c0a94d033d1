package orglife

import (
	"strconv"
	"strings"
	"time"
)

// Fen is an amount of money in 分; it prints as 元 with two decimals and
// thousands separators ("3,000.00") and travels in JSON as an integer.
type Fen int64

func (f Fen) String() string {
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	yuan := strconv.FormatInt(int64(f)/100, 10)
	var b strings.Builder
	for i, c := range yuan {
		if i > 0 && (len(yuan)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	cents := int64(f) % 100
	return sign + b.String() + "." + string(rune('0'+cents/10)) + string(rune('0'+cents%10))
}

// maxFen bounds typed amounts (a hundred million 元) so sums never
// overflow and a slip of the keyboard is caught.
const maxFen = Fen(100_000_000_00)

// ParseYuan reads an amount typed in 元: "5000", "5,000.00", "0.5". At
// most two decimals; not negative; ok is false for anything else.
func ParseYuan(s string) (Fen, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	s = strings.TrimSpace(strings.TrimSuffix(s, "元"))
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" && !hasFrac || len(frac) > 2 || (hasFrac && frac == "") {
		return 0, false
	}
	if whole == "" {
		whole = "0"
	}
	for _, part := range []string{whole, frac} {
		for _, c := range part {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
	}
	if len(whole) > 12 {
		return 0, false
	}
	y, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	c, _ := strconv.ParseInt(frac, 10, 64)
	f := Fen(y*100 + c)
	if f > maxFen {
		return 0, false
	}
	return f, true
}

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
	ID           int64     `json:"id"`
	TownID       int64     `json:"town_id"`
	Kind         string    `json:"kind"`
	Amount       Fen       `json:"amount_fen"`
	BalanceAfter Fen       `json:"balance_after_fen"`
	OnDate       time.Time `json:"on_date"`
	Description  string    `json:"description"`
	GrantID      int64     `json:"grant_id,omitempty"`
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
