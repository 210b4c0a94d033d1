package democracy

import (
	"context"
	"database/sql"
	"encoding/json"
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
	"dangjian/internal/disclosure"
	"dangjian/internal/i18n"
	"dangjian/internal/money"
)

// The six steps of 四议两公开, in the only order they may run.
const (
	StepPropose         = 1 // 党支部会提议
	StepDeliberate      = 2 // 两委会商议
	StepReview          = 3 // 党员大会审议
	StepDecide          = 4 // 村民会议或村民代表会议决议
	StepPublishDecision = 5 // 决议公开
	StepPublishResult   = 6 // 实施结果公开
)

// Steps is the number of steps.
const Steps = 6

// Bodies that may decide at step 4.
const (
	BodyVillagers       = "villagers"       // 村民会议
	BodyRepresentatives = "representatives" // 村民代表会议
)

// Outcomes of a step record.
const (
	OutcomePassed    = "passed"    // quorum and majority: the matter moves on
	OutcomeRejected  = "rejected"  // quorum but no majority: the matter ends
	OutcomeAdjourned = "adjourned" // no quorum: recorded, the step is held again
	OutcomePublished = "published" // a 公开 step
)

// Matter states.
const (
	MatterOpen     = "open"
	MatterRejected = "rejected"
	MatterDone     = "done"
)

// Rules of the procedure itself.
const (
	RuleStepOrder      = "matter.step_order"       // steps run in order, none skipped
	RuleStepDate       = "matter.step_date"        // a step is not dated before the one it follows
	RuleMatterClosed   = "matter.closed"           // a rejected or finished matter takes no more steps
	RulePresentTooMany = "matter.present_too_many" // 实到 within 应到
	RuleVotesTooMany   = "matter.votes_too_many"   // votes within 实到
	RuleVotesPassed    = "matter.votes_passed"     // "rejected" needs votes that do not pass
	RuleQuorumMet      = "matter.quorum_met"       // "adjourned" needs a meeting without quorum
)

// StepKey names a step for messages.
func StepKey(step int) i18n.Key { return i18n.Key("matter.step." + strconv.Itoa(step)) }

// Matter is one 四议两公开 matter of a village.
type Matter struct {
	ID          int64        `json:"id"`
	OrgID       int64        `json:"org_id"`
	OrgName     string       `json:"org_name"`
	OrgPath     string       `json:"-"`
	TownID      int64        `json:"town_id"`
	Title       string       `json:"title"`
	Description string       `json:"description"`
	AmountFen   int64        `json:"amount_fen"` // an expenditure's amount, 0 when none
	Stage       int          `json:"stage"`      // steps passed so far
	State       string       `json:"state"`
	CreatedAt   time.Time    `json:"created_at"`
	Records     []StepRecord `json:"records"`
}

// Next is the step the matter waits for, 0 when it takes no more.
func (m Matter) Next() int {
	if m.State != MatterOpen || m.Stage >= Steps {
		return 0
	}
	return m.Stage + 1
}

// StepRecord is one meeting or publication of a step.
type StepRecord struct {
	ID                 int64            `json:"id"`
	Step               int              `json:"step"`
	Body               string           `json:"body,omitempty"`
	HeldOn             day.Day          `json:"held_on"`
	Place              string           `json:"place,omitempty"`
	Expected           int              `json:"expected"`
	Present            int              `json:"present"`
	ExpectedHouseholds int              `json:"expected_households"`
	PresentHouseholds  int              `json:"present_households"`
	Yes                int              `json:"yes"`
	No                 int              `json:"no"`
	Abstain            int              `json:"abstain"`
	Outcome            string           `json:"outcome"`
	Rules              map[string]Share `json:"rules"` // the values it was decided under
	Note               string           `json:"note,omitempty"`
	ItemID             int64            `json:"item_id,omitempty"` // the 五公开 item a 公开 step published
}

// NewMatter is the input of CreateMatter.
type NewMatter struct {
	OrgID       int64
	Title       string
	Description string
	AmountFen   int64
}

// CreateMatter opens a matter of a village (democracy.write over it).
func (s *Service) CreateMatter(ctx context.Context, a *auth.Actor, in NewMatter) (Matter, error) {
	f := apperr.Fields{}
	in.Title = apperr.Text(f, "title", in.Title, 200, true)
	in.Description = apperr.Prose(f, "description", in.Description, 20000, false)
	if in.AmountFen < 0 {
		f.Add("amount", "democracy.amount_negative", nil)
	}
	if err := f.Err(); err != nil {
		return Matter{}, err
	}
	var m Matter
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermDemocracyWrite)
		if err != nil {
			return err
		}
		now := s.Clock.Now()
		m = Matter{OrgID: v.ID, OrgName: v.Name, TownID: v.TownID, Title: in.Title, Description: in.Description,
			AmountFen: in.AmountFen, State: MatterOpen, CreatedAt: now, Records: []StepRecord{}}
		if err := tx.QueryRowContext(ctx, `INSERT INTO matters(org_id, town_id, title, description, amount_fen, stage, state, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8) RETURNING id`, v.ID, db.NullID(v.TownID), m.Title, m.Description,
			m.AmountFen, m.State, a.UserRef(), now).Scan(&m.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "matter.create", Entity: "matter",
			EntityID: m.ID, OrgID: v.ID, After: m})
	})
	return m, err
}

// StepInput is one step as recorded: the meeting's figures for steps 1–4,
// the text made public for steps 5 and 6.
type StepInput struct {
	MatterID          int64
	Step              int
	Body              string // step 4: villagers or representatives
	HeldOn            day.Day
	Place             string
	Present           int
	PresentHouseholds int // 村民会议: households represented at the meeting
	Yes, No, Abstain  int
	// Outcome is what the meeting says happened: passed (the default),
	// rejected (quorum, no majority) or adjourned (no quorum). The
	// figures must bear it out, or the step is refused with the rule.
	Outcome string
	Note    string
}

// RecordStep records the matter's next step (democracy.write over its
// village). 应到 comes from the rosters on the meeting day; a step out of
// order, or figures short of the quorum or majority of the town's rules,
// is refused with the rule and the numbers. The two 公开 steps publish
// their text to the portal as a 村务公开 item.
func (s *Service) RecordStep(ctx context.Context, a *auth.Actor, in StepInput) (Matter, error) {
	today := day.Today(s.Clock)
	f := apperr.Fields{}
	in.Place = apperr.Text(f, "place", in.Place, 200, false)
	in.Note = apperr.Prose(f, "note", in.Note, 20000, in.Step >= StepPublishDecision)
	switch {
	case in.HeldOn.IsZero():
		f.Add("held_on", "error.date_required", nil)
	case in.HeldOn.After(today):
		f.Add("held_on", "democracy.date_future", apperr.Params{"today": today.String()})
	}
	if in.Step < 1 || in.Step > Steps {
		f.Add("step", "democracy.step_unknown", nil)
	}
	if in.Step == StepDecide && in.Body != BodyVillagers && in.Body != BodyRepresentatives {
		f.Add("body", "democracy.body_required", nil)
	}
	if in.Step != StepDecide {
		in.Body = ""
	}
	if in.Outcome == "" {
		in.Outcome = OutcomePassed
	}
	if in.Outcome != OutcomePassed && in.Outcome != OutcomeRejected && in.Outcome != OutcomeAdjourned {
		f.Add("outcome", "democracy.outcome_unknown", nil)
	}
	for field, n := range map[string]int{"present": in.Present, "present_households": in.PresentHouseholds,
		"yes": in.Yes, "no": in.No, "abstain": in.Abstain} {
		if n < 0 {
			f.Add(field, "error.number", nil)
		}
	}
	if err := f.Err(); err != nil {
		return Matter{}, err
	}
	var m Matter
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if m, err = loadMatter(ctx, tx, in.MatterID); err != nil {
			return err
		}
		if err := a.Decide(auth.PermDemocracyRead, auth.PermDemocracyWrite, m.OrgPath); err != nil {
			return err
		}
		if m.State != MatterOpen {
			return apperr.Rule(RuleMatterClosed, apperr.Params{"state": i18n.Key("matter.state." + m.State)})
		}
		if next := m.Next(); in.Step != next {
			return apperr.Rule(RuleStepOrder, apperr.Params{"step": in.Step, "name": StepKey(in.Step),
				"next": next, "next_name": StepKey(next)})
		}
		if n := len(m.Records); n > 0 && in.HeldOn.Before(m.Records[n-1].HeldOn) {
			last := m.Records[n-1]
			return apperr.Rule(RuleStepDate, apperr.Params{"date": in.HeldOn.String(), "prev": last.HeldOn.String(),
				"prev_name": StepKey(last.Step)})
		}
		rec := StepRecord{Step: in.Step, Body: in.Body, HeldOn: in.HeldOn, Place: in.Place, Note: in.Note,
			Rules: map[string]Share{}}
		if in.Step >= StepPublishDecision {
			rec.Outcome = OutcomePublished
			if rec.ItemID, err = s.publishStep(ctx, tx, a, m, in); err != nil {
				return err
			}
		} else if err := s.decideMeeting(ctx, tx, m, in, &rec); err != nil {
			return err
		}
		return s.insertStep(ctx, tx, a, &m, rec)
	})
	return m, err
}

// decideMeeting fills a meeting step's turnout and outcome under the
// town's rules, or refuses figures that do not bear out the outcome.
func (s *Service) decideMeeting(ctx context.Context, tx *sql.Tx, m Matter, in StepInput, rec *StepRecord) error {
	v := Village{ID: m.OrgID, TownID: m.TownID, Name: m.OrgName, Path: m.OrgPath}
	t, err := expectedAt(ctx, tx, v, in.Step, in.Body, in.HeldOn)
	if err != nil {
		return err
	}
	rules, err := townRules(ctx, tx, m.TownID)
	if err != nil {
		return err
	}
	rec.Expected, rec.ExpectedHouseholds = t.Expected, t.ExpectedHouseholds
	rec.Present, rec.Yes, rec.No, rec.Abstain = in.Present, in.Yes, in.No, in.Abstain
	if in.Body == BodyVillagers {
		rec.PresentHouseholds = in.PresentHouseholds
	}
	if rec.Present > rec.Expected {
		return apperr.Rule(RulePresentTooMany, apperr.Params{"present": rec.Present, "expected": rec.Expected})
	}
	if rec.PresentHouseholds > rec.ExpectedHouseholds {
		return apperr.Rule(RulePresentTooMany, apperr.Params{"present": rec.PresentHouseholds, "expected": rec.ExpectedHouseholds})
	}
	if votes := rec.Yes + rec.No + rec.Abstain; votes > rec.Present {
		return apperr.Rule(RuleVotesTooMany, apperr.Params{"votes": votes, "present": rec.Present})
	}
	quorum, decision := stepRules(in.Step, in.Body)
	rec.Rules[quorum] = rules.Get(quorum)
	rec.Rules[decision] = rules.Get(decision)
	quorumErr := checkQuorum(quorum, rules.Get(quorum), rec.Present, rec.Expected)
	if in.Body == BodyVillagers {
		hh := rules.Get(RuleQuorumVillagerHouseholds)
		rec.Rules[RuleQuorumVillagerHouseholds] = hh
		if quorumErr != nil && hh.Met(rec.PresentHouseholds, rec.ExpectedHouseholds) {
			quorumErr = nil
		} else if quorumErr != nil {
			p := apperr.As(quorumErr).Params
			p["hh_present"], p["hh_expected"], p["hh_need"] = rec.PresentHouseholds, rec.ExpectedHouseholds, hh.Need(rec.ExpectedHouseholds)
			p["hh_share"], p["hh_cmp"] = hh.key(), hh.cmp()
		}
	}
	base := rec.Present
	if decision == RuleDecisionPartyAssembly {
		base = rec.Expected // more than half of ALL members with a vote
	}
	decisionErr := checkDecision(decision, rules.Get(decision), rec.Yes, base)
	switch in.Outcome {
	case OutcomeAdjourned:
		if quorumErr == nil {
			return apperr.Rule(RuleQuorumMet, apperr.Params{"present": rec.Present, "expected": rec.Expected})
		}
		rec.Yes, rec.No, rec.Abstain = 0, 0, 0
	case OutcomeRejected:
		if quorumErr != nil {
			return quorumErr
		}
		if decisionErr == nil {
			return apperr.Rule(RuleVotesPassed, apperr.Params{"yes": rec.Yes, "need": rules.Get(decision).Need(base)})
		}
	default:
		if quorumErr != nil {
			return quorumErr
		}
		if decisionErr != nil {
			return decisionErr
		}
	}
	rec.Outcome = in.Outcome
	return nil
}

// stepRules names a meeting step's quorum and decision rules.
func stepRules(step int, body string) (quorum, decision string) {
	switch {
	case step == StepPropose:
		return RuleQuorumBranchCommittee, RuleDecisionBranchCommittee
	case step == StepDeliberate:
		return RuleQuorumTwoCommittees, RuleDecisionTwoCommittees
	case step == StepReview:
		return RuleQuorumPartyAssembly, RuleDecisionPartyAssembly
	case body == BodyVillagers:
		return RuleQuorumVillagers, RuleDecisionVillagers
	}
	return RuleQuorumRepresentatives, RuleDecisionRepresentatives
}

// publishStep files the resolution (step 5) or the implementation result
// (step 6) as a published 村务公开 item.
func (s *Service) publishStep(ctx context.Context, tx *sql.Tx, a *auth.Actor, m Matter, in StepInput) (int64, error) {
	prefix := "决议公开："
	if in.Step == StepPublishResult {
		prefix = "实施结果公开："
	}
	body := in.Note
	if m.AmountFen > 0 {
		body += "\n\n金额 | " + money.Fen(m.AmountFen).String() + " 元"
	}
	it, err := s.fileItem(ctx, tx, a, disclosure.Draft{OrgID: m.OrgID, Category: disclosure.Village,
		Period: in.HeldOn.String()[:7], Title: prefix + m.Title, Body: body,
		Source: "matter:" + strconv.FormatInt(m.ID, 10) + ":" + strconv.Itoa(in.Step)}, true)
	if err != nil {
		return 0, err
	}
	return it.ID, s.publish(ctx, tx, a, &it, in.HeldOn)
}

func (s *Service) insertStep(ctx context.Context, tx *sql.Tx, a *auth.Actor, m *Matter, rec StepRecord) error {
	rulesJSON, err := json.Marshal(rec.Rules)
	if err != nil {
		return err
	}
	now := s.Clock.Now()
	if err := tx.QueryRowContext(ctx, `INSERT INTO matter_steps(matter_id, org_id, town_id, step, body, held_on, place,
		expected, present, expected_households, present_households, yes_votes, no_votes, abstain_votes, outcome,
		rules_json, note, item_id, recorded_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id`,
		m.ID, m.OrgID, db.NullID(m.TownID), rec.Step, rec.Body, rec.HeldOn, rec.Place, rec.Expected, rec.Present,
		rec.ExpectedHouseholds, rec.PresentHouseholds, rec.Yes, rec.No, rec.Abstain, rec.Outcome, string(rulesJSON),
		rec.Note, db.NullID(rec.ItemID), a.UserRef(), now).Scan(&rec.ID); err != nil {
		return err
	}
	before := map[string]any{"stage": m.Stage, "state": m.State}
	switch rec.Outcome {
	case OutcomePassed, OutcomePublished:
		m.Stage++
		if m.Stage == Steps {
			m.State = MatterDone
		}
	case OutcomeRejected:
		m.State = MatterRejected
	}
	if _, err := tx.ExecContext(ctx, `UPDATE matters SET stage = $1, state = $2 WHERE id = $3`, m.Stage, m.State, m.ID); err != nil {
		return err
	}
	m.Records = append(m.Records, rec)
	return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "matter.step", Entity: "matter",
		EntityID: m.ID, OrgID: m.OrgID, Before: before,
		After: map[string]any{"title": m.Title, "stage": m.Stage, "state": m.State, "record": rec}})
}

const matterColumns = `m.id, m.org_id, CASE WHEN o.short_name <> '' THEN o.short_name ELSE o.name END, o.path,
	COALESCE(m.town_id, 0), m.title, m.description, m.amount_fen, m.stage, m.state, m.created_at`

func scanMatter(row interface{ Scan(...any) error }, m *Matter) error {
	err := row.Scan(&m.ID, &m.OrgID, &m.OrgName, &m.OrgPath, &m.TownID, &m.Title, &m.Description, &m.AmountFen,
		&m.Stage, &m.State, &m.CreatedAt)
	m.CreatedAt = m.CreatedAt.UTC()
	return err
}

// loadMatter loads a matter with its step records, without a scope check.
func loadMatter(ctx context.Context, q db.Queryer, id int64) (Matter, error) {
	var m Matter
	err := scanMatter(q.QueryRowContext(ctx, `SELECT `+matterColumns+` FROM matters m JOIN orgs o ON o.id = m.org_id
		WHERE m.id = $1`, id), &m)
	if errors.Is(err, sql.ErrNoRows) {
		return m, apperr.NotFound()
	}
	if err != nil {
		return m, fmt.Errorf("democracy: load matter %d: %w", id, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT id, step, body, held_on, place, expected, present, expected_households,
		present_households, yes_votes, no_votes, abstain_votes, outcome, rules_json, note, COALESCE(item_id, 0)
		FROM matter_steps WHERE matter_id = $1 ORDER BY matter_id, id`, id)
	if err != nil {
		return m, err
	}
	m.Records, err = db.Collect(rows, func(rows *sql.Rows, r *StepRecord) error {
		var rj string
		if err := rows.Scan(&r.ID, &r.Step, &r.Body, &r.HeldOn, &r.Place, &r.Expected, &r.Present, &r.ExpectedHouseholds,
			&r.PresentHouseholds, &r.Yes, &r.No, &r.Abstain, &r.Outcome, &rj, &r.Note, &r.ItemID); err != nil {
			return err
		}
		r.Rules = map[string]Share{}
		if rj != "" {
			return json.Unmarshal([]byte(rj), &r.Rules)
		}
		return nil
	})
	return m, err
}

// GetMatter returns a matter with its records (democracy.read).
func (s *Service) GetMatter(ctx context.Context, a *auth.Actor, id int64) (Matter, error) {
	m, err := loadMatter(ctx, s.DB, id)
	if err != nil {
		return m, err
	}
	if err := a.Decide(auth.PermDemocracyRead, "", m.OrgPath); err != nil {
		return Matter{}, err
	}
	return m, nil
}

// MatterFilter selects matters for ListMatters.
type MatterFilter struct {
	OrgID  int64
	Before int64 // keyset: the id of the last matter of the previous page
	Limit  int
}

// ListMatters lists matters in the actor's scope, newest first.
func (s *Service) ListMatters(ctx context.Context, a *auth.Actor, f MatterFilter) ([]Matter, error) {
	var args db.Args
	var where []string
	if f.OrgID != 0 {
		if _, err := villageFor(ctx, s.DB, a, f.OrgID, ""); err != nil {
			return nil, err
		}
		where = append(where, "m.org_id = "+args.Add(f.OrgID))
	} else {
		where = append(where, args.Subtree("o.path", a.Scope(auth.PermDemocracyRead)))
	}
	if f.Before != 0 {
		where = append(where, "m.id < "+args.Add(f.Before))
	}
	order := "m.id DESC"
	if f.OrgID != 0 {
		order = "m.org_id DESC, m.id DESC"
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+matterColumns+` FROM matters m JOIN orgs o ON o.id = m.org_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY `+order+` LIMIT `+strconv.Itoa(db.Limit(f.Limit, 50, 200)), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("democracy: matters: %w", err)
	}
	return db.Collect(rows, func(rows *sql.Rows, m *Matter) error {
		m.Records = []StepRecord{}
		return scanMatter(rows, m)
	})
}

// PassedDecision is what another programme needs of a matter decided by
// its village: village finance checks an expenditure above the collective
// threshold against it.
type PassedDecision struct {
	ID, OrgID int64
	Title     string
	AmountFen int64
	DecidedOn day.Day
}

// PassedDecision reads the matter in the caller's transaction; ok is true
// only when its 决议 step (step 4) passed. The caller has checked scope
// on its own record.
func (s *Service) PassedDecision(ctx context.Context, tx *sql.Tx, matterID int64) (PassedDecision, bool, error) {
	var d PassedDecision
	err := tx.QueryRowContext(ctx, `SELECT m.id, m.org_id, m.title, m.amount_fen, st.held_on FROM matters m
		JOIN matter_steps st ON st.matter_id = m.id AND st.step = 4 AND st.outcome = 'passed'
		WHERE m.id = $1`, matterID).Scan(&d.ID, &d.OrgID, &d.Title, &d.AmountFen, &d.DecidedOn)
	if errors.Is(err, sql.ErrNoRows) {
		return PassedDecision{}, false, nil
	}
	if err != nil {
		return PassedDecision{}, false, fmt.Errorf("democracy: passed decision %d: %w", matterID, err)
	}
	return d, true, nil
}

// Expected is 应到 of a step of a matter on a day, from the rosters, for
// the step form to show before anything is typed (democracy.read).
func (s *Service) Expected(ctx context.Context, a *auth.Actor, matterID int64, step int, body string, on day.Day) (Turnout, error) {
	m, err := loadMatter(ctx, s.DB, matterID)
	if err != nil {
		return Turnout{}, err
	}
	if err := a.Decide(auth.PermDemocracyRead, "", m.OrgPath); err != nil {
		return Turnout{}, err
	}
	return expectedAt(ctx, s.DB, Village{ID: m.OrgID, TownID: m.TownID, Name: m.OrgName, Path: m.OrgPath}, step, body, on)
}
