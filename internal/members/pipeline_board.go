package members

import (
	"context"
	"fmt"
	"sort"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/org"
)

// Due states of a person's next step on the board.
const (
	DueWaiting = "waiting" // the next step is not possible yet (From is ahead)
	DueNow     = "due"     // possible now, and not late
	DueOverdue = "overdue" // past its deadline (By)
)

// Due is a person's next step: possible from From, expected by By.
type Due struct {
	Member Member  `json:"member"`
	Step   Step    `json:"step"`
	From   day.Day `json:"from"`
	By     day.Day `json:"by,omitzero"`
	State  string  `json:"state"`
}

// dueOf works out the next step of someone in the pipeline, as of today:
//   - applicant without a talk: talk by one month after applying (overdue after);
//   - applicant after the talk: may become an activist now;
//   - activist: may become a 发展对象 one year after becoming an activist;
//   - 发展对象 without a branch meeting: the meeting (after training) is open;
//   - accepted by the meeting: approval by three months after it (overdue after);
//   - 预备党员: 转正 at the end of probation, overdue a month later.
func dueOf(m Member, p Pipeline, today time.Time) Due {
	d := Due{Member: m}
	var from, by time.Time
	switch {
	case m.Status == StatusApplicant && p.TalkOn.IsZero():
		d.Step, from, by = StepTalk, m.AppliedOn.Time(), TalkDeadline(m.AppliedOn.Time())
	case m.Status == StatusApplicant:
		d.Step, from = StepActivist, p.TalkOn.Time()
	case m.Status == StatusActivist:
		d.Step, from = StepCandidate, CandidateFrom(p.ActivistOn.Time())
	case m.Status == StatusCandidate && p.MeetingOn.IsZero():
		d.Step, from = StepAdmit, p.CandidateOn.Time()
	case m.Status == StatusCandidate:
		d.Step, from, by = StepApprove, p.MeetingOn.Time(), addMonths(p.MeetingOn.Time(), ApprovalOverdueMonths)
	case m.Status == StatusProbationary:
		d.Step, from = StepFull, ProbationEnd(m.JoinedOn.Time(), p.ExtensionMonths)
		by = addMonths(from, ProbationGraceMonths)
	}
	d.From, d.By = day.Of(from), day.Of(by)
	switch {
	case !by.IsZero() && today.After(by):
		d.State = DueOverdue
	case today.Before(from):
		d.State = DueWaiting
	default:
		d.State = DueNow
	}
	return d
}

// PipelineStages are the board's columns.
var PipelineStages = []Status{StatusApplicant, StatusActivist, StatusCandidate, StatusProbationary}

// BoardRow counts one sub-organisation's people per stage.
type BoardRow struct {
	OrgID   int64          `json:"org_id"`
	Name    string         `json:"name"`
	Counts  map[Status]int `json:"counts"`
	Overdue int            `json:"overdue"`
}

// Board is the pipeline of a town, village or branch.
type Board struct {
	OrgID   int64          `json:"org_id"`
	OrgName string         `json:"org_name"`
	Today   day.Day        `json:"today"`
	Counts  map[Status]int `json:"counts"`
	Rows    []BoardRow     `json:"rows"`
	Due     []Due          `json:"due"` // overdue first, then due, then the next few waiting
	Waiting int            `json:"waiting"`
	// ByTown is set above a town (a county, a province, several roots):
	// Rows count per town and Due stays empty — pick a town to see who is due.
	ByTown bool `json:"by_town"`
}

// boardWaitingShown caps the "coming up" part of the board.
const boardWaitingShown = 20

// Board reads everyone in the pipeline under an organisation in one query
// and works out counts, per-child rows and due steps in memory: a town
// has a few dozen such people, a county a few thousand.
func (s *Service) Board(ctx context.Context, a *auth.Actor, orgID int64) (Board, error) {
	ar, err := s.areaFor(ctx, a, orgID)
	if err != nil {
		return Board{}, err
	}
	today := db.Day(s.Clock.Now())
	// Lists are [] rather than null in JSON when empty.
	b := Board{OrgID: ar.Root.ID, Today: day.Of(today), Counts: map[Status]int{}, Rows: []BoardRow{}, Due: []Due{}}
	if ar.Root.ID != 0 {
		// The area's place comes from memory without its name, which can change.
		if err := s.DB.QueryRowContext(ctx, `SELECT name FROM orgs WHERE id = $1`, ar.Root.ID).Scan(&b.OrgName); err != nil {
			return Board{}, fmt.Errorf("members: board's organisation: %w", err)
		}
	}
	if ar.aboveTown(a) {
		return s.boardByTown(ctx, ar, b)
	}
	var args db.Args
	where := ar.cond(&args)
	rows, err := s.DB.QueryContext(ctx, `SELECT `+memberColumns+`, COALESCE(m.village_id, 0), `+prefix("p.", pipelineColumns)+
		memberFrom+` LEFT JOIN member_pipeline p ON p.member_id = m.id
		WHERE `+where+` AND m.status IN ('applicant', 'activist', 'candidate', 'probationary') ORDER BY m.id`, args.Values()...)
	if err != nil {
		return b, fmt.Errorf("members: board: %w", err)
	}
	defer rows.Close()
	byChild := map[int64]*BoardRow{}
	var waiting []Due
	for rows.Next() {
		var m Member
		var villageID int64
		var p Pipeline
		err := scanBoth(rows, &m, &villageID, &p)
		if err != nil {
			return b, err
		}
		b.Counts[m.Status]++
		d := dueOf(m, p, today)
		child := m.OrgID
		if ar.Root.Type == org.TypeTown && villageID != 0 {
			child = villageID
		}
		r := byChild[child]
		if r == nil {
			r = &BoardRow{OrgID: child, Counts: map[Status]int{}}
			byChild[child] = r
		}
		r.Counts[m.Status]++
		if d.State == DueWaiting {
			waiting = append(waiting, d)
			continue
		}
		if d.State == DueOverdue {
			r.Overdue++
		}
		b.Due = append(b.Due, d)
	}
	if err := rows.Err(); err != nil {
		return b, err
	}
	sortDue(b.Due)
	sortDue(waiting)
	b.Waiting = len(waiting)
	if len(waiting) > boardWaitingShown {
		waiting = waiting[:boardWaitingShown]
	}
	b.Due = append(b.Due, waiting...)
	if ar.Root.Type == org.TypeTown || ar.Root.Type == org.TypeGeneralBranch {
		b.Rows, err = s.boardRows(ctx, ar.Root.ID, byChild)
	}
	return b, err
}

// boardByTown counts the pipeline per town in one grouped query. Above a
// town the people in the pipeline run to tens of thousands, too many to
// work out each one's due date on every request.
func (s *Service) boardByTown(ctx context.Context, ar area, b Board) (Board, error) {
	b.ByTown = true
	var args db.Args
	var query string
	pipeline := `m.status IN ('applicant', 'activist', 'candidate', 'probationary')`
	if ar.townsWhole {
		// Every root lies above the towns, so a member is in the area
		// exactly when its town is: count per town off the (status,
		// town_id) index first, then keep the towns in scope — a province's
		// 2 million members are never joined row by row.
		query = `SELECT c.town_id, t.name, c.status, c.n FROM (SELECT m.town_id, m.status, COUNT(*) AS n
			FROM members m WHERE ` + pipeline + ` AND m.town_id IS NOT NULL GROUP BY m.town_id, m.status) c
			JOIN orgs t ON t.id = c.town_id WHERE ` + args.Subtree("t.path", ar.paths) + ` ORDER BY 1`
	} else {
		query = `SELECT COALESCE(m.town_id, 0), COALESCE(t.name, ''), m.status, COUNT(*)` + memberFrom + `
			LEFT JOIN orgs t ON t.id = m.town_id WHERE ` + ar.cond(&args) + ` AND ` + pipeline + `
			GROUP BY 1, 2, 3 ORDER BY 1`
	}
	rows, err := s.DB.QueryContext(ctx, query, args.Values()...)
	if err != nil {
		return b, fmt.Errorf("members: board by town: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var town int64
		var name string
		var st Status
		var n int
		if err := rows.Scan(&town, &name, &st, &n); err != nil {
			return b, err
		}
		if len(b.Rows) == 0 || b.Rows[len(b.Rows)-1].OrgID != town {
			b.Rows = append(b.Rows, BoardRow{OrgID: town, Name: name, Counts: map[Status]int{}})
		}
		b.Rows[len(b.Rows)-1].Counts[st] += n
		b.Counts[st] += n
	}
	return b, rows.Err()
}

// boardRows names the children of the root in tree order, with counts.
func (s *Service) boardRows(ctx context.Context, rootID int64, byChild map[int64]*BoardRow) ([]BoardRow, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT id, name FROM orgs WHERE parent_id = $1 AND type IN ('general_branch', 'branch', 'industry')
		ORDER BY sort_order, id`, rootID)
	if err != nil {
		return nil, fmt.Errorf("members: board rows: %w", err)
	}
	defer rows.Close()
	out := []BoardRow{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		r := BoardRow{OrgID: id, Name: name, Counts: map[Status]int{}}
		if c := byChild[id]; c != nil {
			r.Counts, r.Overdue = c.Counts, c.Overdue
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// sortDue puts overdue before due, each by its date, so the most urgent
// comes first.
func sortDue(ds []Due) {
	rank := map[string]int{DueOverdue: 0, DueNow: 1, DueWaiting: 2}
	sort.SliceStable(ds, func(i, j int) bool {
		if rank[ds[i].State] != rank[ds[j].State] {
			return rank[ds[i].State] < rank[ds[j].State]
		}
		return ds[i].key().Before(ds[j].key())
	})
}

func (d Due) key() day.Day {
	if !d.By.IsZero() && d.State != DueWaiting {
		return d.By
	}
	return d.From
}

// scanBoth reads a member, its village and its (possibly absent) pipeline row.
func scanBoth(row interface{ Scan(...any) error }, m *Member, villageID *int64, p *Pipeline) error {
	mr := newMemberRow()
	var pr pipelineRow
	if err := row.Scan(mr.with(append([]any{villageID}, pr.dest()...)...)...); err != nil {
		return err
	}
	*m, *p = mr.m, pr.pipeline()
	return nil
}
