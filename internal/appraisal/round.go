package appraisal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/org"
)

// NewRound opens a round; zero weights and cuts take the defaults.
type NewRound struct {
	OrgID   int64
	Year    int
	HeldOn  day.Day
	Weights map[Group]int
	Cuts    Cuts
}

// CheckWeights is the rule appraisal.weights: every group's weight is
// 0–100 and together they make 100.
func CheckWeights(w map[Group]int) error {
	sum, bad := 0, false
	for g, v := range w {
		bad = bad || !g.Valid() || v < 0 || v > 100
		sum += v
	}
	if bad || sum != 100 {
		return apperr.Rule("appraisal.weights", apperr.Params{"sum": sum})
	}
	return nil
}

// CheckCuts is the rule appraisal.cuts: 0 < 基本称职 < 称职 < 优秀 ≤ 100.
func CheckCuts(c Cuts) error {
	if c.Basic <= 0 || c.Competent <= c.Basic || c.Excellent <= c.Competent || c.Excellent > 100 {
		return apperr.Rule("appraisal.cuts", apperr.Params{"excellent": c.Excellent, "competent": c.Competent, "basic": c.Basic})
	}
	return nil
}

// Open opens a village's round of a year (appraisal.manage over the
// village): the cadres are the 两委 as they stand, each person once. One
// round a village a year.
func (s *Service) Open(ctx context.Context, a *auth.Actor, in NewRound) (Sheet, error) {
	today := day.Today(s.Clock)
	f := apperr.Fields{}
	if in.Year < 2000 || in.Year > today.Year() {
		f.Add("year", "appraisal.year_range", apperr.Params{"min": 2000, "max": today.Year()})
	}
	if in.HeldOn.IsZero() {
		in.HeldOn = today
	}
	if in.HeldOn.After(today) {
		f.Add("held_on", "appraisal.date_future", apperr.Params{"today": today})
	}
	if err := f.Err(); err != nil {
		return Sheet{}, err
	}
	if in.Weights == nil {
		in.Weights = DefaultWeights
	}
	if in.Cuts == (Cuts{}) {
		in.Cuts = DefaultCuts
	}
	if err := CheckWeights(in.Weights); err != nil {
		return Sheet{}, err
	}
	if err := CheckCuts(in.Cuts); err != nil {
		return Sheet{}, err
	}
	var id int64
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var v struct {
			typ        org.Type
			name, path string
			town       int64
		}
		err := tx.QueryRowContext(ctx, `SELECT type, name, path, COALESCE(town_id, 0) FROM orgs WHERE id = $1`, in.OrgID).
			Scan(&v.typ, &v.name, &v.path, &v.town)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.NotFound()
		}
		if err != nil {
			return err
		}
		if err := a.Decide(auth.PermAppraisalRead, auth.PermAppraisalManage, v.path); err != nil {
			return err
		}
		if v.typ != org.TypeGeneralBranch {
			return apperr.Rule("appraisal.village_only", apperr.Params{"name": v.name})
		}
		committee, err := s.Org.Committee(ctx, nil, in.OrgID) // scope decided above
		if err != nil {
			return err
		}
		if len(committee.Members) == 0 {
			return apperr.Rule("appraisal.no_committee", apperr.Params{"name": v.name})
		}
		now := s.Clock.Now()
		w := in.Weights
		err = tx.QueryRowContext(ctx, `INSERT INTO appraisal_rounds(org_id, town_id, year, held_on, weight_member, weight_rep,
			weight_town, cut_excellent, cut_competent, cut_basic, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (org_id, year) DO NOTHING RETURNING id`,
			in.OrgID, db.NullID(v.town), in.Year, in.HeldOn, w[GroupMember], w[GroupRepresentative], w[GroupTown],
			in.Cuts.Excellent, in.Cuts.Competent, in.Cuts.Basic, now).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.Conflict("appraisal.duplicate", apperr.Params{"name": v.name, "year": in.Year})
		}
		if err != nil {
			return err
		}
		for i, m := range committee.Members {
			if _, err := tx.ExecContext(ctx, `INSERT INTO appraisal_cadres(round_id, name, resident_id, posts, village, sort_order)
				VALUES ($1, $2, $3, $4, $5, $6)`, id, m.HolderName, db.NullID(m.ResidentID), strings.Join(m.Posts, ","),
				onVillageCommittee(m.Posts), i); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "appraisal.open", Entity: "appraisal", EntityID: id,
			OrgID: in.OrgID, After: map[string]any{"year": in.Year, "held_on": in.HeldOn, "cadres": len(committee.Members),
				"weights": w, "cuts": in.Cuts}})
	})
	if err != nil {
		return Sheet{}, err
	}
	return s.Get(ctx, a, id)
}

// onVillageCommittee reports whether any of the posts is on the village
// committee (村民委员会).
func onVillageCommittee(posts []string) bool {
	for _, k := range org.VillagePosts {
		if k.Body == org.BodyVillage && slices.Contains(posts, k.Code) {
			return true
		}
	}
	return false
}

const roundColumns = `r.id, r.org_id, o.name, o.path, COALESCE(r.town_id, 0), r.year, r.held_on, r.weight_member, r.weight_rep,
	r.weight_town, r.cut_excellent, r.cut_competent, r.cut_basic`

const roundFrom = ` FROM appraisal_rounds r JOIN orgs o ON o.id = r.org_id`

func scanRound(row interface{ Scan(...any) error }) (Round, error) {
	var r Round
	var wm, wr, wt int
	err := row.Scan(&r.ID, &r.OrgID, &r.OrgName, &r.OrgPath, &r.TownID, &r.Year, &r.HeldOn, &wm, &wr, &wt,
		&r.Cuts.Excellent, &r.Cuts.Competent, &r.Cuts.Basic)
	r.Weights = map[Group]int{GroupMember: wm, GroupRepresentative: wr, GroupTown: wt}
	return r, err
}

// loadRound reads a round and decides the actor's scope on its village.
func loadRound(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Round, error) {
	r, err := scanRound(q.QueryRowContext(ctx, `SELECT `+roundColumns+roundFrom+` WHERE r.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, apperr.NotFound()
	}
	if err != nil {
		return r, fmt.Errorf("appraisal: load round %d: %w", id, err)
	}
	return r, a.Decide(auth.PermAppraisalRead, change, r.OrgPath)
}

// Get returns a round with every cadre's result by rank (appraisal.read
// over the village).
func (s *Service) Get(ctx context.Context, a *auth.Actor, id int64) (Sheet, error) {
	var sh Sheet
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		r, err := loadRound(ctx, tx, a, id, "")
		if err != nil {
			return err
		}
		sh, err = sheetOf(ctx, tx, r)
		return err
	})
	return sh, err
}

// sheetOf computes a round's results, with the removal flag against the
// village's round of the year before.
func sheetOf(ctx context.Context, q db.Queryer, r Round) (Sheet, error) {
	results, err := resultsOf(ctx, q, r)
	if err != nil {
		return Sheet{}, err
	}
	prev, err := scanRound(q.QueryRowContext(ctx, `SELECT `+roundColumns+roundFrom+
		` WHERE r.org_id = $1 AND r.year < $2 ORDER BY r.year DESC LIMIT 1`, r.OrgID, r.Year))
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Sheet{}, err
	}
	if err == nil {
		before, err := resultsOf(ctx, q, prev)
		if err != nil {
			return Sheet{}, err
		}
		for i := range results {
			for j := range before {
				if sameCadre(results[i].Cadre, before[j].Cadre) {
					results[i].PrevYear, results[i].PrevGrade = prev.Year, before[j].Grade
					results[i].Removal = CheckRemoval(results[i], &before[j], r.Year, prev.Year)
				}
			}
		}
	}
	return Sheet{Round: r, Results: results}, nil
}

// resultsOf reads a round's cadres and tallies, scored and ranked.
func resultsOf(ctx context.Context, q db.Queryer, r Round) ([]Result, error) {
	cadres, err := cadresOf(ctx, q, `c.round_id = $1`, r.ID)
	if err != nil {
		return nil, err
	}
	results := make([]Result, len(cadres))
	at := map[int64]int{}
	for i, c := range cadres {
		results[i] = Result{Cadre: c, Tallies: []Tally{}}
		at[c.ID] = i
	}
	rows, err := q.QueryContext(ctx, `SELECT b.cadre_id, b.grp, b.ballots, s.quality, s.area, s.total
		FROM appraisal_cadres c JOIN appraisal_ballots b ON b.cadre_id = c.id
		JOIN appraisal_sums s ON s.cadre_id = b.cadre_id AND s.grp = b.grp
		WHERE c.round_id = $1 ORDER BY b.cadre_id, b.grp, s.quality, s.area`, r.ID)
	if err != nil {
		return nil, fmt.Errorf("appraisal: tallies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var cid int64
		var g Group
		var n, total int
		var qu Quality
		var ar Area
		if err := rows.Scan(&cid, &g, &n, &qu, &ar, &total); err != nil {
			return nil, err
		}
		res := &results[at[cid]]
		if k := len(res.Tallies); k == 0 || res.Tallies[k-1].Group != g {
			res.Tallies = append(res.Tallies, Tally{Group: g, Ballots: n, Sums: map[string]int{}})
		}
		res.Tallies[len(res.Tallies)-1].Sums[Criterion{qu, ar}.Key()] = total
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range results {
		sortTallies(results[i].Tallies)
		scoreOf(r, &results[i])
	}
	rank(results)
	return results, nil
}

// sortTallies puts tallies in the order of Groups.
func sortTallies(ts []Tally) {
	slices.SortFunc(ts, func(a, b Tally) int { return slices.Index(Groups, a.Group) - slices.Index(Groups, b.Group) })
}

const cadreColumns = `c.id, c.round_id, c.name, COALESCE(c.resident_id, 0), c.posts, c.village, c.duty_report, c.duty_on,
	c.integrity_report, c.integrity_on`

func cadresOf(ctx context.Context, q db.Queryer, where string, args ...any) ([]Cadre, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+cadreColumns+` FROM appraisal_cadres c WHERE `+where+
		` ORDER BY c.round_id, c.sort_order, c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("appraisal: cadres: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, c *Cadre) error {
		var posts string
		if err := r.Scan(&c.ID, &c.RoundID, &c.Name, &c.ResidentID, &posts, &c.Village, &c.DutyReport, &c.DutyOn,
			&c.IntegrityReport, &c.IntegrityOn); err != nil {
			return err
		}
		c.Posts = strings.Split(posts, ",")
		return nil
	})
}

// Filter selects the rounds for List.
type Filter = db.YearList

// List lists the rounds in the actor's scope, newest year first.
func (s *Service) List(ctx context.Context, a *auth.Actor, f Filter) ([]Round, error) {
	var args db.Args
	scope := args.Subtree("o.path", a.Scope(auth.PermAppraisalRead))
	rows, err := s.DB.QueryContext(ctx, `SELECT `+roundColumns+roundFrom+` WHERE `+f.Query(&args, "r", "appraisal_rounds", scope), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("appraisal: list: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, x *Round) error {
		var err error
		*x, err = scanRound(r)
		return err
	})
}
