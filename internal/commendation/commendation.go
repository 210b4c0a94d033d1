package commendation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/disclosure"
	"dangjian/internal/org"
)

// Start begins a general branch's commendation of a year
// (commendation.manage over it): the members are counted and the quota
// fixed from that count. One a general branch a year.
func (s *Service) Start(ctx context.Context, a *auth.Actor, orgID int64, year int) (Sheet, error) {
	today := day.Today(s.Clock)
	if year < 2000 || year > today.Year() {
		return Sheet{}, apperr.Invalid("year", "commendation.year_range", apperr.Params{"min": 2000, "max": today.Year()})
	}
	var id int64
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var o struct {
			typ        org.Type
			name, path string
			town       int64
		}
		err := tx.QueryRowContext(ctx, `SELECT type, name, path, COALESCE(town_id, 0) FROM orgs WHERE id = $1`, orgID).
			Scan(&o.typ, &o.name, &o.path, &o.town)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.NotFound()
		}
		if err != nil {
			return err
		}
		if err := a.Decide(auth.PermCommendRead, auth.PermCommendManage, o.path); err != nil {
			return err
		}
		if o.typ != org.TypeGeneralBranch {
			return apperr.Rule("commendation.general_branch_only", apperr.Params{"name": o.name})
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM members WHERE village_id = $1 AND status IN ('probationary', 'full')`,
			orgID).Scan(&n); err != nil {
			return err
		}
		now := s.Clock.Now()
		err = tx.QueryRowContext(ctx, `INSERT INTO commendations(org_id, town_id, year, members_n, quota, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id, year) DO NOTHING RETURNING id`,
			orgID, db.NullID(o.town), year, n, Quota(n), now).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.Conflict("commendation.duplicate", apperr.Params{"name": o.name, "year": year})
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "commendation.start", Entity: "commendation",
			EntityID: id, OrgID: orgID, After: map[string]any{"year": year, "members": n, "quota": Quota(n)}})
	})
	if err != nil {
		return Sheet{}, err
	}
	return s.Get(ctx, a, id)
}

const commendationColumns = `c.id, c.org_id, o.name, o.path, COALESCE(c.town_id, 0), c.year, c.members_n, c.quota, c.step,
	COALESCE(c.disclosure_item, 0)`

const commendationFrom = ` FROM commendations c JOIN orgs o ON o.id = c.org_id`

func scanCommendation(row interface{ Scan(...any) error }) (Commendation, error) {
	var c Commendation
	err := row.Scan(&c.ID, &c.OrgID, &c.OrgName, &c.OrgPath, &c.TownID, &c.Year, &c.MembersN, &c.Quota, &c.Step, &c.DisclosureItem)
	return c, err
}

// load reads a commendation and decides the actor's scope on its branch.
func load(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Commendation, error) {
	c, err := scanCommendation(q.QueryRowContext(ctx, `SELECT `+commendationColumns+commendationFrom+` WHERE c.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, apperr.NotFound()
	}
	if err != nil {
		return c, fmt.Errorf("commendation: load %d: %w", id, err)
	}
	return c, a.Decide(auth.PermCommendRead, change, c.OrgPath)
}

// Get returns a commendation with its steps and candidates
// (commendation.read over the general branch).
func (s *Service) Get(ctx context.Context, a *auth.Actor, id int64) (Sheet, error) {
	var sh Sheet
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		c, err := load(ctx, tx, a, id, "")
		if err != nil {
			return err
		}
		sh, err = s.sheet(ctx, tx, c)
		return err
	})
	return sh, err
}

func (s *Service) sheet(ctx context.Context, q db.Queryer, c Commendation) (Sheet, error) {
	sh := Sheet{Commendation: c, Steps: []StepRecord{}, Publishing: s.Drafter != nil}
	steps, err := stepsOf(ctx, q, c.ID)
	if err != nil {
		return sh, err
	}
	sh.Steps = steps
	sh.Candidates, err = candidates(ctx, q, c, steps)
	return sh, err
}

func stepsOf(ctx context.Context, q db.Queryer, id int64) ([]StepRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT s.step, s.held_on, s.expected, s.present, s.note, v.member_id, m.name, o.name, v.votes
		FROM commendation_steps s JOIN commendation_votes v ON v.step_id = s.id JOIN members m ON m.id = v.member_id
		JOIN orgs o ON o.id = m.org_id WHERE s.commendation_id = $1 ORDER BY s.step, v.votes DESC, m.name, m.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []StepRecord{}
	for rows.Next() {
		var r StepRecord
		var p Passed
		if err := rows.Scan(&r.Step, &r.HeldOn, &r.Expected, &r.Present, &r.Note, &p.MemberID, &p.Name, &p.BranchName, &p.Votes); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Step != r.Step {
			r.Passed = []Passed{}
			out = append(out, r)
		}
		last := &out[len(out)-1]
		last.Passed = append(last.Passed, p)
	}
	return out, rows.Err()
}

// candidates lists the general branch's members with why any is not
// eligible in the commendation's year and the last step each passed.
func candidates(ctx context.Context, q db.Queryer, c Commendation, steps []StepRecord) ([]Candidate, error) {
	start, end := day.New(c.Year, 1, 1), day.New(c.Year, 12, 31)
	rows, err := q.QueryContext(ctx, `SELECT m.id, m.name, o.name,
		EXISTS (SELECT 1 FROM member_evaluations e WHERE e.member_id = m.id AND e.year = $2 AND e.grade = 'unqualified'),
		EXISTS (SELECT 1 FROM member_discipline d WHERE d.member_id = m.id AND d.decided_on <= $4 AND d.until_on >= $3)
		FROM members m JOIN orgs o ON o.id = m.org_id
		WHERE m.village_id = $1 AND m.status IN ('probationary', 'full') ORDER BY o.sort_order, o.id, m.name, m.id`,
		c.OrgID, c.Year, start, end)
	if err != nil {
		return nil, err
	}
	reached := map[int64]Step{}
	for _, st := range steps {
		for _, p := range st.Passed {
			reached[p.MemberID] = st.Step
		}
	}
	return db.Collect(rows, func(r *sql.Rows, cd *Candidate) error {
		var unqualified, disciplined bool
		if err := r.Scan(&cd.MemberID, &cd.Name, &cd.BranchName, &unqualified, &disciplined); err != nil {
			return err
		}
		cd.Eligible = !unqualified && !disciplined
		switch {
		case unqualified:
			cd.Reason = "unqualified"
		case disciplined:
			cd.Reason = "discipline"
		}
		cd.Reached = reached[cd.MemberID]
		return nil
	})
}

// Filter selects the commendations for List.
type Filter = db.YearList

// List lists the commendations in the actor's scope, newest year first.
func (s *Service) List(ctx context.Context, a *auth.Actor, f Filter) ([]Commendation, error) {
	var args db.Args
	scope := args.Subtree("o.path", a.Scope(auth.PermCommendRead))
	rows, err := s.DB.QueryContext(ctx, `SELECT `+commendationColumns+commendationFrom+` WHERE `+f.Query(&args, "c", "commendations", scope), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("commendation: list: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, c *Commendation) error {
		var err error
		*c, err = scanCommendation(r)
		return err
	})
}

// Vote is one member on a step's list with the votes for them.
type Vote struct {
	MemberID int64 `json:"member_id"`
	Votes    int   `json:"votes"`
}

// StepInput is one step's meeting and its list.
type StepInput struct {
	Step     Step
	HeldOn   day.Day
	Expected int
	Present  int
	Note     string
	Votes    []Vote
}

// RecordStep records the next step of a commendation
// (commendation.manage): its meeting and who passed it with their votes.
// The rules, in order: commendation.step_order (the steps one after the
// other, none skipped or repeated), commendation.date_order,
// commendation.quorum, commendation.quota (steps 2–4), the list's members
// of the general branch, commendation.ineligible,
// commendation.not_passed (only those who passed the step before) and
// commendation.majority. The fourth step's list is the result, filed with
// 党务公开 when a Drafter is configured.
func (s *Service) RecordStep(ctx context.Context, a *auth.Actor, id int64, in StepInput) (Sheet, error) {
	f := apperr.Fields{}
	today := day.Today(s.Clock)
	if !in.Step.Valid() {
		f.Add("step", "commendation.step_unknown", nil)
	}
	if in.HeldOn.IsZero() {
		f.Add("held_on", "error.date_required", nil)
	} else if in.HeldOn.After(today) {
		f.Add("held_on", "commendation.date_future", apperr.Params{"today": today})
	}
	if in.Expected < 1 {
		f.Add("expected", "commendation.expected_required", nil)
	}
	if in.Present < 0 || in.Present > in.Expected {
		f.Add("present", "commendation.present_range", apperr.Params{"expected": in.Expected})
	}
	in.Note = apperr.Prose(f, "note", in.Note, 2000, false)
	if len(in.Votes) == 0 {
		f.Add("votes", "commendation.list_empty", nil)
	}
	if err := f.Err(); err != nil {
		return Sheet{}, err
	}
	var sh Sheet
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		c, err := load(ctx, tx, a, id, auth.PermCommendManage)
		if err != nil {
			return err
		}
		steps, err := stepsOf(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		cands, err := candidates(ctx, tx, c, steps)
		if err != nil {
			return err
		}
		if err := CheckStep(c, steps, cands, in); err != nil {
			return err
		}
		var stepID int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO commendation_steps(commendation_id, step, held_on, expected, present, note)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, c.ID, in.Step, in.HeldOn, in.Expected, in.Present, in.Note).Scan(&stepID); err != nil {
			return err
		}
		for _, v := range in.Votes {
			if _, err := tx.ExecContext(ctx, `INSERT INTO commendation_votes(step_id, member_id, votes) VALUES ($1, $2, $3)`,
				stepID, v.MemberID, v.Votes); err != nil {
				return err
			}
		}
		c.Step = in.Step
		if _, err := tx.ExecContext(ctx, `UPDATE commendations SET step = $1 WHERE id = $2`, in.Step, c.ID); err != nil {
			return err
		}
		if sh, err = s.sheet(ctx, tx, c); err != nil {
			return err
		}
		after := map[string]any{"step": in.Step, "held_on": in.HeldOn, "expected": in.Expected, "present": in.Present,
			"listed": len(in.Votes), "quota": c.Quota}
		if c.Done() && s.Drafter != nil {
			item, err := s.Drafter.Draft(ctx, tx, a, resultDraft(sh))
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE commendations SET disclosure_item = $1 WHERE id = $2`, item, c.ID); err != nil {
				return err
			}
			sh.Commendation.DisclosureItem = item
			after["disclosure_item"] = item
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "commendation.step", Entity: "commendation",
			EntityID: c.ID, OrgID: c.OrgID, After: after})
	})
	return sh, err
}

// CheckStep applies the rules of a step to a commendation's record so far.
func CheckStep(c Commendation, steps []StepRecord, cands []Candidate, in StepInput) error {
	if c.Done() {
		return apperr.Rule("commendation.finished", apperr.Params{"year": c.Year})
	}
	if in.Step != c.Next() {
		return apperr.Rule("commendation.step_order", apperr.Params{"step": stepKey(in.Step), "next": stepKey(c.Next())})
	}
	if len(steps) > 0 {
		if prev := steps[len(steps)-1]; in.HeldOn.Before(prev.HeldOn) {
			return apperr.Rule("commendation.date_order", apperr.Params{"date": prev.HeldOn, "step": stepKey(prev.Step)})
		}
	}
	if in.Present*2 <= in.Expected {
		return apperr.Rule("commendation.quorum", apperr.Params{"present": in.Present, "expected": in.Expected})
	}
	if in.Step >= StepBranchRecommend && len(in.Votes) > c.Quota {
		return apperr.Rule("commendation.quota", apperr.Params{"members": c.MembersN, "quota": c.Quota, "listed": len(in.Votes)})
	}
	byID := map[int64]Candidate{}
	for _, cd := range cands {
		byID[cd.MemberID] = cd
	}
	var ineligible, notPassed, short []string
	seen := map[int64]bool{}
	for _, v := range in.Votes {
		cd, ok := byID[v.MemberID]
		if !ok || seen[v.MemberID] {
			// Another village's member answers like a made-up id.
			return apperr.Invalid("votes", "commendation.not_member", apperr.Params{"id": v.MemberID})
		}
		seen[v.MemberID] = true
		if v.Votes < 0 || v.Votes > in.Present {
			return apperr.Invalid("votes", "commendation.votes_range", apperr.Params{"name": cd.Name, "present": in.Present})
		}
		switch {
		case !cd.Eligible:
			ineligible = append(ineligible, cd.Name)
		case in.Step > StepBranchReview && cd.Reached != in.Step-1:
			notPassed = append(notPassed, cd.Name)
		case v.Votes*2 <= in.Present:
			short = append(short, cd.Name+"（"+strconv.Itoa(v.Votes)+" 票）")
		}
	}
	if len(ineligible) > 0 {
		return apperr.Rule("commendation.ineligible", apperr.Params{"names": strings.Join(ineligible, "、"), "year": c.Year})
	}
	if len(notPassed) > 0 {
		return apperr.Rule("commendation.not_passed", apperr.Params{"names": strings.Join(notPassed, "、"), "step": stepKey(in.Step - 1)})
	}
	if len(short) > 0 {
		return apperr.Rule("commendation.majority", apperr.Params{"names": strings.Join(short, "、"), "present": in.Present})
	}
	return nil
}

// stepKey names a step in a message.
func stepKey(s Step) any { return i18nKey("commendation.step." + strconv.Itoa(int(s))) }

// resultDraft is the 党务公开 item of a finished commendation.
func resultDraft(sh Sheet) disclosure.Draft {
	c := sh.Commendation
	last := sh.Steps[len(sh.Steps)-1]
	var b strings.Builder
	fmt.Fprintf(&b, "%d 年度%s优秀共产党员评选结果公示\n\n", c.Year, c.OrgName)
	fmt.Fprintf(&b, "党员 %d 人，表彰名额最多 %d 人。经支部会议民主评议、支部推荐、党总支审核，%s召开党总支全体党员大会民主评选（应到 %d 人，实到 %d 人），以下 %d 名同志当选：\n\n",
		c.MembersN, c.Quota, last.HeldOn, last.Expected, last.Present, len(last.Passed))
	b.WriteString("姓名 | 所在支部 | 得票\n")
	for _, p := range last.Passed {
		fmt.Fprintf(&b, "%s | %s | %d\n", p.Name, p.BranchName, p.Votes)
	}
	return disclosure.Draft{OrgID: c.OrgID, Category: disclosure.Party, Period: strconv.Itoa(c.Year),
		Title: fmt.Sprintf("%d 年度优秀共产党员评选结果", c.Year), Body: strings.TrimSpace(b.String()),
		Source: "commendation:" + strconv.FormatInt(c.ID, 10)}
}
