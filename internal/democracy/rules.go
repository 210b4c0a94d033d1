package democracy

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// The named rules. Quorum and decision rules are shares (Num/Den, "more
// than" when Strict, "at least" otherwise); schedule rules are months and
// feedback rules plain numbers (Num). Defaults are the law's
// (docs/domain.md#village-democracy); a town may set its own.
const (
	RuleQuorumBranchCommittee    = "quorum.branch_committee"    // 党支部会: > 1/2 of the committee present
	RuleDecisionBranchCommittee  = "decision.branch_committee"  // > 1/2 of those present vote yes
	RuleQuorumTwoCommittees      = "quorum.two_committees"      // 两委会: > 1/2 of the 两委 present
	RuleDecisionTwoCommittees    = "decision.two_committees"    // > 1/2 of those present
	RuleQuorumPartyAssembly      = "quorum.party_assembly"      // 党员大会: > 1/2 of voting members present
	RuleDecisionPartyAssembly    = "decision.party_assembly"    // yes > 1/2 of ALL voting members
	RuleQuorumVillagers          = "quorum.villagers"           // 村民会议: > 1/2 of villagers 18+ …
	RuleQuorumVillagerHouseholds = "quorum.villager_households" // … or ≥ 2/3 of households
	RuleDecisionVillagers        = "decision.villagers"         // > 1/2 of those present
	RuleQuorumRepresentatives    = "quorum.representatives"     // 村民代表会议: ≥ 2/3 of its members
	RuleDecisionRepresentatives  = "decision.representatives"   // > 1/2 of those present
	RuleScheduleGeneral          = "schedule.general"           // 五公开: general items at least every 3 months
	RuleScheduleFinance          = "schedule.finance"           // 财务公开 every month
	RuleFeedbackReplyDays        = "feedback.reply_days"        // a villager's inquiry answered within 10 days
	RuleFeedbackPerHour          = "feedback.per_hour"          // at most 3 messages an hour from one address
)

// Share is a rule's value.
type Share struct {
	Num    int  `json:"num"`
	Den    int  `json:"den"`
	Strict bool `json:"strict"` // more than (true) or at least (false)
}

// Need is the smallest count of n that meets the share.
func (s Share) Need(n int) int {
	if s.Den <= 0 {
		return s.Num
	}
	if s.Strict {
		return n*s.Num/s.Den + 1
	}
	return (n*s.Num + s.Den - 1) / s.Den
}

// Met reports whether k of n meets the share.
func (s Share) Met(k, n int) bool { return k >= s.Need(n) }

// key names the share in a message: 半数, 三分之二 …
func (s Share) key() i18n.Key {
	return i18n.Key("fraction." + strconv.Itoa(s.Num) + "_" + strconv.Itoa(s.Den))
}

// cmp is how a message says the share was missed: 未超过 (more than
// asked) or 不足 (at least asked).
func (s Share) cmp() i18n.Key {
	if s.Strict {
		return "fraction.cmp.more"
	}
	return "fraction.cmp.least"
}

// DefaultRules are the law's values.
var DefaultRules = map[string]Share{
	RuleQuorumBranchCommittee:    {1, 2, true},
	RuleDecisionBranchCommittee:  {1, 2, true},
	RuleQuorumTwoCommittees:      {1, 2, true},
	RuleDecisionTwoCommittees:    {1, 2, true},
	RuleQuorumPartyAssembly:      {1, 2, true},
	RuleDecisionPartyAssembly:    {1, 2, true},
	RuleQuorumVillagers:          {1, 2, true},
	RuleQuorumVillagerHouseholds: {2, 3, false},
	RuleDecisionVillagers:        {1, 2, true},
	RuleQuorumRepresentatives:    {2, 3, false},
	RuleDecisionRepresentatives:  {1, 2, true},
	RuleScheduleGeneral:          {3, 0, false},
	RuleScheduleFinance:          {1, 0, false},
	RuleFeedbackReplyDays:        {10, 0, false},
	RuleFeedbackPerHour:          {3, 0, false},
}

// RuleNames lists the rules in the order the rules page shows them.
var RuleNames = []string{RuleQuorumBranchCommittee, RuleDecisionBranchCommittee, RuleQuorumTwoCommittees,
	RuleDecisionTwoCommittees, RuleQuorumPartyAssembly, RuleDecisionPartyAssembly, RuleQuorumVillagers,
	RuleQuorumVillagerHouseholds, RuleDecisionVillagers, RuleQuorumRepresentatives, RuleDecisionRepresentatives,
	RuleScheduleGeneral, RuleScheduleFinance, RuleFeedbackReplyDays, RuleFeedbackPerHour}

// Rules are the values in force in one town.
type Rules map[string]Share

// Get is the town's value of a rule, its default otherwise.
func (r Rules) Get(name string) Share {
	if s, ok := r[name]; ok {
		return s
	}
	return DefaultRules[name]
}

// IsShare reports whether the rule is a share (quorum or decision) rather
// than a plain number.
func IsShare(name string) bool { return DefaultRules[name].Den > 0 }

// townRules loads a town's own values over the defaults.
func townRules(ctx context.Context, q db.Queryer, townID int64) (Rules, error) {
	out := Rules{}
	for k, v := range DefaultRules {
		out[k] = v
	}
	rows, err := q.QueryContext(ctx, `SELECT rule, num, den, strict FROM democracy_rules WHERE town_id = $1`, townID)
	if err != nil {
		return nil, fmt.Errorf("democracy: rules: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var s Share
		if err := rows.Scan(&name, &s.Num, &s.Den, &s.Strict); err != nil {
			return nil, err
		}
		if _, known := DefaultRules[name]; known {
			out[name] = s
		}
	}
	return out, rows.Err()
}

// TownRules returns the values in force in a town (democracy.read over it).
func (s *Service) TownRules(ctx context.Context, a *auth.Actor, townID int64) (Rules, error) {
	if err := s.decideTown(ctx, s.DB, a, townID, ""); err != nil {
		return nil, err
	}
	return townRules(ctx, s.DB, townID)
}

func (s *Service) decideTown(ctx context.Context, q db.Queryer, a *auth.Actor, townID int64, change auth.Perm) error {
	var path, typ string
	err := q.QueryRowContext(ctx, `SELECT path, type FROM orgs WHERE id = $1`, townID).Scan(&path, &typ)
	if err == sql.ErrNoRows || (err == nil && typ != "town") {
		return apperr.NotFound()
	}
	if err != nil {
		return err
	}
	return a.Decide(auth.PermDemocracyRead, change, path)
}

// SetRule sets a town's own value of a named rule (democracy.rules over
// the town). Records decided before keep the values they were decided
// under.
func (s *Service) SetRule(ctx context.Context, a *auth.Actor, townID int64, name string, v Share) error {
	def, known := DefaultRules[name]
	f := apperr.Fields{}
	switch {
	case !known:
		f.Add("rule", "democracy.rule_unknown", nil)
	case def.Den > 0 && (v.Den < 2 || v.Den > 10 || v.Num < 1 || v.Num >= v.Den):
		f.Add("value", "democracy.share_range", nil)
	case def.Den == 0 && (v.Num < 1 || v.Num > 365) && name != RuleProjectCapFen:
		f.Add("value", "democracy.number_range", nil)
	case name == RuleProjectCapFen && (v.Num < 1 || v.Num > 10_000_000):
		f.Add("value", "democracy.number_range", nil)
	}
	if err := f.Err(); err != nil {
		return err
	}
	if def.Den == 0 {
		v.Den, v.Strict = 0, false
	}
	return s.DB.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.decideTown(ctx, tx, a, townID, auth.PermDemocracyRules); err != nil {
			return err
		}
		before, err := townRules(ctx, tx, townID)
		if err != nil {
			return err
		}
		now := s.Clock.Now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO democracy_rules(town_id, rule, num, den, strict, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (town_id, rule) DO UPDATE
			SET num = excluded.num, den = excluded.den, strict = excluded.strict, updated_at = excluded.updated_at`,
			townID, name, v.Num, v.Den, v.Strict, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "democracy.rule_set", Entity: "democracy_rule",
			EntityID: townID, OrgID: townID, Before: map[string]any{"rule": name, "value": before.Get(name)},
			After: map[string]any{"rule": name, "value": v}})
	})
}

// checkQuorum refuses k present of n expected under rule.
func checkQuorum(name string, s Share, present, expected int) error {
	if s.Met(present, expected) {
		return nil
	}
	return apperr.Rule(name, apperr.Params{"present": present, "expected": expected, "need": s.Need(expected),
		"share": s.key(), "cmp": s.cmp()})
}

// checkDecision refuses yes votes short of the share of base.
func checkDecision(name string, s Share, yes, base int) error {
	if s.Met(yes, base) {
		return nil
	}
	return apperr.Rule(name, apperr.Params{"yes": yes, "base": base, "need": s.Need(base),
		"share": s.key(), "cmp": s.cmp()})
}
