package democracy

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/money"
)

// 一事一议 rules (村民一事一议筹资筹劳管理办法; provinces set their own
// numbers, so each is a named, configurable rule).
const (
	RuleProjectProposersVillagers = "project.proposers_villagers" // ≥ 1/10 of villagers aged 18+
	RuleProjectProposersReps      = "project.proposers_reps"      // ≥ 1/5 of the representatives
	RuleProjectQuorumHouseholds   = "project.quorum_households"   // representatives of ≥ 2/3 of households present
	RuleProjectDecisionHouseholds = "project.decision_households" // > 1/2 of the households represented vote yes
	RuleProjectCapFen             = "project.cap_fen"             // money per person, at most 20 元 a project
	RuleProjectCapLabourDays      = "project.cap_labour_days"     // labour per person, at most 10 days
	RuleProjectNotPassed          = "project.not_passed"          // collections only for a passed project
	RuleProjectVoted              = "project.voted"               // a project is voted on once
	RuleProjectCollection         = "project.collection"          // a household pays what its people owe, within the cap
)

func init() {
	DefaultRules[RuleProjectProposersVillagers] = Share{1, 10, false}
	DefaultRules[RuleProjectProposersReps] = Share{1, 5, false}
	DefaultRules[RuleProjectQuorumHouseholds] = Share{2, 3, false}
	DefaultRules[RuleProjectDecisionHouseholds] = Share{1, 2, true}
	DefaultRules[RuleProjectCapFen] = Share{2000, 0, false}
	DefaultRules[RuleProjectCapLabourDays] = Share{10, 0, false}
	RuleNames = append(RuleNames, RuleProjectProposersVillagers, RuleProjectProposersReps, RuleProjectQuorumHouseholds,
		RuleProjectDecisionHouseholds, RuleProjectCapFen, RuleProjectCapLabourDays)
}

// Who proposes a project.
const (
	ProposerCommittee       = "committee"       // the village committee
	ProposerVillagers       = "villagers"       // villagers aged 18+ by signature
	ProposerRepresentatives = "representatives" // 村民代表 by signature
)

// Project is one 一事一议 project with its vote and accounts.
type Project struct {
	ID                int64            `json:"id"`
	OrgID             int64            `json:"org_id"`
	OrgName           string           `json:"org_name"`
	OrgPath           string           `json:"-"`
	TownID            int64            `json:"town_id"`
	Title             string           `json:"title"`
	Description       string           `json:"description"`
	Proposer          string           `json:"proposer"`
	Proposers         int              `json:"proposers"`
	PerPersonFen      int64            `json:"per_person_fen"`
	LabourDays        int              `json:"labour_days"` // per person
	State             string           `json:"state"`       // proposed, passed, rejected
	VotedOn           day.Day          `json:"voted_on"`
	Body              string           `json:"body,omitempty"`
	Expected          int              `json:"expected"`
	Present           int              `json:"present"`
	Yes               int              `json:"yes"`
	HouseholdsTotal   int              `json:"households_total"`
	HouseholdsPresent int              `json:"households_present"`
	HouseholdsYes     int              `json:"households_yes"`
	Rules             map[string]Share `json:"rules"`
	Collections       []Collection     `json:"collections"`
	CollectedFen      int64            `json:"collected_fen"`
	CollectedDays     int              `json:"collected_days"`
}

// Collection is what one household paid.
type Collection struct {
	ID            int64   `json:"id"`
	HouseholdID   int64   `json:"household_id"`
	HouseholdCode string  `json:"household_code"`
	People        int     `json:"people"`
	AmountFen     int64   `json:"amount_fen"`
	LabourDays    int     `json:"labour_days"`
	PaidOn        day.Day `json:"paid_on"`
}

// NewProject is the input of ProposeProject.
type NewProject struct {
	OrgID        int64
	Title        string
	Description  string
	Proposer     string
	Proposers    int // signatures, when villagers or representatives propose
	PerPersonFen int64
	LabourDays   int
}

// ProposeProject records a proposal (democracy.write over the village):
// by the committee, or by at least 1/10 of villagers 18+ or 1/5 of the
// representatives; money and labour per person within the town's caps.
func (s *Service) ProposeProject(ctx context.Context, a *auth.Actor, in NewProject) (Project, error) {
	f := apperr.Fields{}
	in.Title = apperr.Text(f, "title", in.Title, 200, true)
	in.Description = apperr.Prose(f, "description", in.Description, 20000, false)
	if in.Proposer != ProposerCommittee && in.Proposer != ProposerVillagers && in.Proposer != ProposerRepresentatives {
		f.Add("proposer", "democracy.proposer_unknown", nil)
	}
	if in.PerPersonFen < 0 || in.LabourDays < 0 || (in.PerPersonFen == 0 && in.LabourDays == 0) {
		f.Add("per_person", "democracy.contribution_required", nil)
	}
	if err := f.Err(); err != nil {
		return Project{}, err
	}
	var p Project
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermDemocracyWrite)
		if err != nil {
			return err
		}
		rules, err := townRules(ctx, tx, v.TownID)
		if err != nil {
			return err
		}
		today := day.Today(s.Clock)
		p = Project{OrgID: v.ID, OrgName: v.Name, OrgPath: v.Path, TownID: v.TownID, Title: in.Title, Description: in.Description,
			Proposer: in.Proposer, Proposers: in.Proposers, PerPersonFen: in.PerPersonFen, LabourDays: in.LabourDays,
			State: "proposed", Rules: map[string]Share{}, Collections: []Collection{}}
		switch in.Proposer {
		case ProposerVillagers:
			t, err := villagers(ctx, tx, v, today)
			if err != nil {
				return err
			}
			r := rules.Get(RuleProjectProposersVillagers)
			p.Rules[RuleProjectProposersVillagers] = r
			if err := checkQuorum(RuleProjectProposersVillagers, r, in.Proposers, t.Expected); err != nil {
				return err
			}
		case ProposerRepresentatives:
			reps, err := representativesOn(ctx, tx, v.ID, today)
			if err != nil {
				return err
			}
			r := rules.Get(RuleProjectProposersReps)
			p.Rules[RuleProjectProposersReps] = r
			if err := checkQuorum(RuleProjectProposersReps, r, in.Proposers, len(reps)); err != nil {
				return err
			}
		}
		capFen, capDays := rules.Get(RuleProjectCapFen), rules.Get(RuleProjectCapLabourDays)
		p.Rules[RuleProjectCapFen], p.Rules[RuleProjectCapLabourDays] = capFen, capDays
		if in.PerPersonFen > int64(capFen.Num) {
			return apperr.Rule(RuleProjectCapFen, apperr.Params{"amount": money.Fen(in.PerPersonFen).String(), "cap": money.Fen(int64(capFen.Num)).String()})
		}
		if in.LabourDays > capDays.Num {
			return apperr.Rule(RuleProjectCapLabourDays, apperr.Params{"days": in.LabourDays, "cap": capDays.Num})
		}
		rj, _ := json.Marshal(p.Rules)
		now := s.Clock.Now()
		if err := tx.QueryRowContext(ctx, `INSERT INTO projects(org_id, town_id, title, description, proposer, proposers,
			per_person_fen, labour_days, state, rules_json, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`, v.ID, db.NullID(v.TownID), p.Title,
			p.Description, p.Proposer, p.Proposers, p.PerPersonFen, p.LabourDays, p.State, string(rj), a.UserRef(), now).Scan(&p.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "project.propose", Entity: "project", EntityID: p.ID,
			OrgID: v.ID, After: p})
	})
	return p, err
}

// RepVote is how one representative present voted, for the households
// they represent.
type RepVote struct {
	RepresentativeID int64
	Yes              bool
}

// ProjectVote is the meeting that decided a project.
type ProjectVote struct {
	ProjectID int64
	On        day.Day
	Body      string    // representatives or villagers
	Votes     []RepVote // 村民代表会议: every representative present
	Present   int       // 村民会议: villagers 18+ present
	Yes       int       // 村民会议: yes votes
}

// VoteProject records the decision (democracy.write). A 村民代表会议 needs
// representatives of ≥ 2/3 of the households present and passes by more
// than half of the households they represent; a 村民会议 takes the
// villagers' quorum and majority. Figures short of quorum are refused;
// a vote short of the majority is recorded as rejected.
func (s *Service) VoteProject(ctx context.Context, a *auth.Actor, in ProjectVote) (Project, error) {
	today := day.Today(s.Clock)
	if in.On.IsZero() || in.On.After(today) {
		return Project{}, apperr.Invalid("voted_on", "democracy.date_future", apperr.Params{"today": today.String()})
	}
	if in.Body != BodyRepresentatives && in.Body != BodyVillagers {
		return Project{}, apperr.Invalid("body", "democracy.body_required", nil)
	}
	var p Project
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if p, err = loadProject(ctx, tx, in.ProjectID); err != nil {
			return err
		}
		if err := a.Decide(auth.PermDemocracyRead, auth.PermDemocracyWrite, p.OrgPath); err != nil {
			return err
		}
		if p.State != "proposed" {
			return apperr.Rule(RuleProjectVoted, apperr.Params{"date": p.VotedOn.String()})
		}
		rules, err := townRules(ctx, tx, p.TownID)
		if err != nil {
			return err
		}
		v := Village{ID: p.OrgID, TownID: p.TownID, Name: p.OrgName, Path: p.OrgPath}
		passed := false
		p.Body, p.VotedOn = in.Body, in.On
		if in.Body == BodyRepresentatives {
			reps, err := representativesOn(ctx, tx, v.ID, in.On)
			if err != nil {
				return err
			}
			byID := map[int64]Representative{}
			for _, r := range reps {
				byID[r.ID] = r
				p.HouseholdsTotal += r.Households
			}
			seen := map[int64]bool{}
			p.Expected = len(reps)
			for _, vt := range in.Votes {
				r, ok := byID[vt.RepresentativeID]
				if !ok || seen[r.ID] {
					return apperr.Invalid("votes", "democracy.rep_unknown", nil)
				}
				seen[r.ID] = true
				p.Present++
				p.HouseholdsPresent += r.Households
				if vt.Yes {
					p.Yes++
					p.HouseholdsYes += r.Households
				}
			}
			q, d := rules.Get(RuleProjectQuorumHouseholds), rules.Get(RuleProjectDecisionHouseholds)
			p.Rules[RuleProjectQuorumHouseholds], p.Rules[RuleProjectDecisionHouseholds] = q, d
			if err := checkQuorum(RuleProjectQuorumHouseholds, q, p.HouseholdsPresent, p.HouseholdsTotal); err != nil {
				return err
			}
			passed = d.Met(p.HouseholdsYes, p.HouseholdsPresent)
		} else {
			t, err := villagers(ctx, tx, v, in.On)
			if err != nil {
				return err
			}
			p.Expected, p.Present, p.Yes, p.HouseholdsTotal = t.Expected, in.Present, in.Yes, t.ExpectedHouseholds
			if p.Present > p.Expected || p.Yes > p.Present {
				return apperr.Rule(RulePresentTooMany, apperr.Params{"present": p.Present, "expected": p.Expected})
			}
			q, d := rules.Get(RuleQuorumVillagers), rules.Get(RuleDecisionVillagers)
			p.Rules[RuleQuorumVillagers], p.Rules[RuleDecisionVillagers] = q, d
			if err := checkQuorum(RuleQuorumVillagers, q, p.Present, p.Expected); err != nil {
				return err
			}
			passed = d.Met(p.Yes, p.Present)
		}
		p.State = "rejected"
		if passed {
			p.State = "passed"
		}
		rj, _ := json.Marshal(p.Rules)
		if _, err := tx.ExecContext(ctx, `UPDATE projects SET state = $1, voted_on = $2, body = $3, expected = $4, present = $5,
			yes_votes = $6, households_total = $7, households_present = $8, households_yes = $9, rules_json = $10 WHERE id = $11`,
			p.State, p.VotedOn, p.Body, p.Expected, p.Present, p.Yes, p.HouseholdsTotal, p.HouseholdsPresent, p.HouseholdsYes,
			string(rj), p.ID); err != nil {
			return err
		}
		if err := s.bumpPortal(ctx, tx, p.OrgID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "project.vote", Entity: "project", EntityID: p.ID,
			OrgID: p.OrgID, After: map[string]any{"title": p.Title, "state": p.State, "households_present": p.HouseholdsPresent,
				"households_yes": p.HouseholdsYes, "present": p.Present, "yes": p.Yes}})
	})
	return p, err
}

// NewCollection is one household's payment.
type NewCollection struct {
	ProjectID   int64
	HouseholdID int64
	People      int // the household's people who owe
	AmountFen   int64
	LabourDays  int
	PaidOn      day.Day
}

// RecordCollection records what a household of the village paid for a
// passed project (democracy.write): at most what its people owe (money
// per person × people, labour days per person × people).
func (s *Service) RecordCollection(ctx context.Context, a *auth.Actor, in NewCollection) (Project, error) {
	today := day.Today(s.Clock)
	if in.PaidOn.IsZero() || in.PaidOn.After(today) {
		return Project{}, apperr.Invalid("paid_on", "democracy.date_future", apperr.Params{"today": today.String()})
	}
	if in.People < 1 || in.AmountFen < 0 || in.LabourDays < 0 {
		return Project{}, apperr.Invalid("people", "democracy.households_range", nil)
	}
	var p Project
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if p, err = loadProject(ctx, tx, in.ProjectID); err != nil {
			return err
		}
		if err := a.Decide(auth.PermDemocracyRead, auth.PermDemocracyWrite, p.OrgPath); err != nil {
			return err
		}
		var hpath string
		err = tx.QueryRowContext(ctx, `SELECT o.path FROM households h JOIN orgs o ON o.id = h.org_id WHERE h.id = $1`, in.HouseholdID).Scan(&hpath)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && !db.Under(hpath, p.OrgPath)) {
			return apperr.Invalid("household_id", "error.not_found", nil)
		}
		if err != nil {
			return err
		}
		if p.State != "passed" {
			return apperr.Rule(RuleProjectNotPassed, apperr.Params{"state": p.State})
		}
		owe, oweDays := p.PerPersonFen*int64(in.People), p.LabourDays*in.People
		if in.AmountFen > owe || in.LabourDays > oweDays {
			return apperr.Rule(RuleProjectCollection, apperr.Params{"people": in.People, "owe": money.Fen(owe).String(), "owe_days": oweDays,
				"amount": money.Fen(in.AmountFen).String(), "days": in.LabourDays})
		}
		now := s.Clock.Now()
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO project_collections(project_id, org_id, town_id, household_id, people, amount_fen,
			labour_days, paid_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
			ON CONFLICT (project_id, household_id) DO UPDATE SET people = excluded.people, amount_fen = excluded.amount_fen,
			labour_days = excluded.labour_days, paid_on = excluded.paid_on RETURNING id`, p.ID, p.OrgID, db.NullID(p.TownID),
			in.HouseholdID, in.People, in.AmountFen, in.LabourDays, in.PaidOn, now).Scan(&id); err != nil {
			return err
		}
		if err := s.bumpPortal(ctx, tx, p.OrgID); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "project.collect", Entity: "project", EntityID: p.ID,
			OrgID: p.OrgID, After: map[string]any{"title": p.Title, "household_id": in.HouseholdID, "amount_fen": in.AmountFen,
				"labour_days": in.LabourDays}}); err != nil {
			return err
		}
		p, err = loadProject(ctx, tx, p.ID)
		return err
	})
	return p, err
}

func loadProject(ctx context.Context, q db.Queryer, id int64) (Project, error) {
	var p Project
	var rj string
	err := q.QueryRowContext(ctx, `SELECT p.id, p.org_id, CASE WHEN o.short_name <> '' THEN o.short_name ELSE o.name END, o.path,
		COALESCE(p.town_id, 0), p.title, p.description, p.proposer, p.proposers, p.per_person_fen, p.labour_days, p.state,
		p.voted_on, p.body, p.expected, p.present, p.yes_votes, p.households_total, p.households_present, p.households_yes, p.rules_json
		FROM projects p JOIN orgs o ON o.id = p.org_id WHERE p.id = $1`, id).Scan(&p.ID, &p.OrgID, &p.OrgName, &p.OrgPath,
		&p.TownID, &p.Title, &p.Description, &p.Proposer, &p.Proposers, &p.PerPersonFen, &p.LabourDays, &p.State, &p.VotedOn,
		&p.Body, &p.Expected, &p.Present, &p.Yes, &p.HouseholdsTotal, &p.HouseholdsPresent, &p.HouseholdsYes, &rj)
	if errors.Is(err, sql.ErrNoRows) {
		return p, apperr.NotFound()
	}
	if err != nil {
		return p, fmt.Errorf("democracy: load project %d: %w", id, err)
	}
	p.Rules = map[string]Share{}
	if rj != "" {
		_ = json.Unmarshal([]byte(rj), &p.Rules)
	}
	rows, err := q.QueryContext(ctx, `SELECT c.id, c.household_id, h.code, c.people, c.amount_fen, c.labour_days, c.paid_on
		FROM project_collections c JOIN households h ON h.id = c.household_id WHERE c.project_id = $1 ORDER BY c.project_id, c.id`, id)
	if err != nil {
		return p, err
	}
	p.Collections, err = db.Collect(rows, func(rows *sql.Rows, c *Collection) error {
		return rows.Scan(&c.ID, &c.HouseholdID, &c.HouseholdCode, &c.People, &c.AmountFen, &c.LabourDays, &c.PaidOn)
	})
	for _, c := range p.Collections {
		p.CollectedFen += c.AmountFen
		p.CollectedDays += c.LabourDays
	}
	return p, err
}

// GetProject returns a project with its accounts (democracy.read).
func (s *Service) GetProject(ctx context.Context, a *auth.Actor, id int64) (Project, error) {
	p, err := loadProject(ctx, s.DB, id)
	if err != nil {
		return p, err
	}
	return p, a.Decide(auth.PermDemocracyRead, "", p.OrgPath)
}

// PortalProjects are a village's voted projects with their accounts, for
// the portal (a proposal not yet voted on is not shown).
func (s *Service) PortalProjects(ctx context.Context, orgID int64) ([]Project, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT id FROM projects WHERE org_id = $1 AND state <> 'proposed' ORDER BY org_id DESC, id DESC LIMIT 20`, orgID)
	if err != nil {
		return nil, err
	}
	ids, err := db.Collect(rows, func(rows *sql.Rows, id *int64) error { return rows.Scan(id) })
	if err != nil {
		return nil, err
	}
	out := []Project{}
	for _, id := range ids {
		p, err := loadProject(ctx, s.DB, id)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// ListProjects lists a village's projects, newest first (democracy.read).
func (s *Service) ListProjects(ctx context.Context, a *auth.Actor, orgID int64) ([]Project, error) {
	if _, err := villageFor(ctx, s.DB, a, orgID, ""); err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT id FROM projects WHERE org_id = $1 ORDER BY org_id DESC, id DESC LIMIT 50`, orgID)
	if err != nil {
		return nil, err
	}
	ids, err := db.Collect(rows, func(rows *sql.Rows, id *int64) error { return rows.Scan(id) })
	if err != nil {
		return nil, err
	}
	out := []Project{}
	for _, id := range ids {
		p, err := loadProject(ctx, s.DB, id)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
