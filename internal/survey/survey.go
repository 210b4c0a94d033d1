package survey

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
	"dangjian/internal/org"
)

// NewSurvey is the input of Open.
type NewSurvey struct {
	OrgID     int64
	Year      int
	Title     string
	Threshold int           // 0 means DefaultThreshold
	Weights   map[Group]int // nil means DefaultWeights
	OpenedOn  day.Day       // zero means today
}

// Open opens a survey of a village's 两委 (survey.manage over the
// village): the team and each member holding a party or village post
// today are its subjects; one survey a village a year.
func (s *Service) Open(ctx context.Context, a *auth.Actor, in NewSurvey) (Sheet, error) {
	f := apperr.Fields{}
	today := day.Today(s.Clock)
	in.Title = apperr.Text(f, "title", in.Title, 100, false)
	if in.Year < 2000 || in.Year > today.Year() {
		f.Add("year", "survey.year_range", apperr.Params{"min": 2000, "max": today.Year()})
	}
	if in.OpenedOn.IsZero() {
		in.OpenedOn = today
	}
	if in.OpenedOn.After(today) {
		f.Add("opened_on", "survey.date_future", apperr.Params{"today": today})
	}
	if in.Threshold == 0 {
		in.Threshold = DefaultThreshold
	}
	if in.Threshold < 1 || in.Threshold > 100 {
		f.Add("threshold", "survey.threshold_range", nil)
	}
	if in.Weights == nil {
		in.Weights = DefaultWeights
	}
	if err := f.Err(); err != nil {
		return Sheet{}, err
	}
	if err := CheckWeights(in.Weights); err != nil {
		return Sheet{}, err
	}
	var sh Sheet
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := loadVillage(ctx, tx, a, in.OrgID, auth.PermSurveyManage)
		if err != nil {
			return err
		}
		if v.Type != org.TypeGeneralBranch {
			return apperr.Rule("survey.village_only", apperr.Params{"name": v.Name})
		}
		committee, err := s.Org.Committee(ctx, nil, v.ID) // scope decided above
		if err != nil {
			return err
		}
		if len(committee.Members) == 0 {
			return apperr.Rule("survey.no_committee", apperr.Params{"name": v.Name})
		}
		if in.Title == "" {
			in.Title = strconv.Itoa(in.Year) + " 年" + v.Name + "“两委”班子公信度调查"
		}
		now := s.Clock.Now()
		sv := Survey{OrgID: v.ID, OrgName: v.Name, OrgPath: v.Path, TownID: v.TownID, Year: in.Year, Title: in.Title,
			Threshold: in.Threshold, OpenedOn: in.OpenedOn, CreatedAt: now}
		err = tx.QueryRowContext(ctx, `INSERT INTO surveys(org_id, town_id, year, title, threshold, opened_on, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (org_id, year) DO NOTHING RETURNING id`,
			v.ID, db.NullID(v.TownID), in.Year, in.Title, in.Threshold, in.OpenedOn, now).Scan(&sv.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.Conflict("survey.duplicate", apperr.Params{"name": v.Name, "year": in.Year})
		}
		if err != nil {
			return err
		}
		sh = Sheet{Survey: sv}
		subjects := []Subject{{Kind: SubjectTeam, Name: v.Name + "“两委”班子", Posts: []string{}}}
		for _, m := range committee.Members {
			subjects = append(subjects, Subject{Kind: SubjectPerson, Name: m.HolderName, Posts: m.Posts})
		}
		for i, sub := range subjects {
			if err := tx.QueryRowContext(ctx, `INSERT INTO survey_subjects(survey_id, kind, name, posts, sort_order)
				VALUES ($1, $2, $3, $4, $5) RETURNING id`, sv.ID, sub.Kind, sub.Name, strings.Join(sub.Posts, ","), i).
				Scan(&subjects[i].ID); err != nil {
				return err
			}
		}
		for _, g := range Groups {
			gi := GroupInfo{Group: g, Weight: in.Weights[g]}
			if err := tx.QueryRowContext(ctx, `INSERT INTO survey_groups(survey_id, code, weight) VALUES ($1, $2, $3) RETURNING id`,
				sv.ID, g, gi.Weight).Scan(&gi.ID); err != nil {
				return err
			}
			sh.Groups = append(sh.Groups, gi)
		}
		sh.Subjects = subjects
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "survey.open", Entity: "survey", EntityID: sv.ID,
			OrgID: v.ID, After: map[string]any{"year": in.Year, "title": in.Title, "threshold": in.Threshold,
				"weights": in.Weights, "subjects": len(subjects)}})
	})
	return sh, err
}

// CheckWeights is rule survey.weights: every group has a weight of 0 to
// 100 and together they make 100.
func CheckWeights(w map[Group]int) error {
	sum := 0
	for g, n := range w {
		if !g.Valid() || n < 0 || n > 100 {
			return apperr.Rule("survey.weights", apperr.Params{"sum": sum})
		}
		sum += n
	}
	if sum != 100 {
		return apperr.Rule("survey.weights", apperr.Params{"sum": sum})
	}
	return nil
}

const surveyColumns = `v.id, v.org_id, o.name, o.path, COALESCE(v.town_id, 0), v.year, v.title, v.threshold, v.opened_on,
	v.closed_on, v.created_at,
	(SELECT COALESCE(SUM(g.issued), 0) FROM survey_groups g WHERE g.survey_id = v.id),
	(SELECT COALESCE(SUM(c.n), 0) FROM survey_groups g JOIN survey_answer_counts c ON c.group_id = g.id WHERE g.survey_id = v.id)`

const surveyFrom = ` FROM surveys v JOIN orgs o ON o.id = v.org_id`

func scanSurvey(row interface{ Scan(...any) error }) (Survey, error) {
	var sv Survey
	err := row.Scan(&sv.ID, &sv.OrgID, &sv.OrgName, &sv.OrgPath, &sv.TownID, &sv.Year, &sv.Title, &sv.Threshold,
		&sv.OpenedOn, &sv.ClosedOn, &sv.CreatedAt, &sv.Issued, &sv.Answered)
	return sv, err
}

// loadSurvey loads a survey and decides the actor's scope on its village.
func loadSurvey(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Survey, error) {
	sv, err := scanSurvey(q.QueryRowContext(ctx, `SELECT `+surveyColumns+surveyFrom+` WHERE v.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return sv, apperr.NotFound()
	}
	if err != nil {
		return sv, fmt.Errorf("survey: load %d: %w", id, err)
	}
	return sv, a.Decide(auth.PermSurveyRead, change, sv.OrgPath)
}

// loadSheet reads a survey's groups and subjects.
func loadSheet(ctx context.Context, q db.Queryer, sv Survey) (Sheet, error) {
	sh := Sheet{Survey: sv, Groups: []GroupInfo{}, Subjects: []Subject{}}
	rows, err := q.QueryContext(ctx, `SELECT g.id, g.code, g.weight, g.issued,
		(SELECT COALESCE(SUM(c.n), 0) FROM survey_answer_counts c WHERE c.group_id = g.id)
		FROM survey_groups g WHERE g.survey_id = $1 ORDER BY g.id`, sv.ID)
	if err != nil {
		return sh, err
	}
	sh.Groups, err = db.Collect(rows, func(r *sql.Rows, g *GroupInfo) error {
		return r.Scan(&g.ID, &g.Group, &g.Weight, &g.Issued, &g.Answered)
	})
	if err != nil {
		return sh, err
	}
	sh.Subjects, err = subjectsOf(ctx, q, sv.ID)
	return sh, err
}

func subjectsOf(ctx context.Context, q db.Queryer, surveyID int64) ([]Subject, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, kind, name, posts FROM survey_subjects WHERE survey_id = $1 ORDER BY sort_order`, surveyID)
	if err != nil {
		return nil, err
	}
	return db.Collect(rows, func(r *sql.Rows, s *Subject) error {
		var posts string
		err := r.Scan(&s.ID, &s.Kind, &s.Name, &posts)
		s.Posts = []string{}
		if posts != "" {
			s.Posts = strings.Split(posts, ",")
		}
		return err
	})
}

// Get returns a survey with its groups, subjects and counts (survey.read
// over the village).
func (s *Service) Get(ctx context.Context, a *auth.Actor, id int64) (Sheet, error) {
	var sh Sheet
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		sv, err := loadSurvey(ctx, tx, a, id, "")
		if err != nil {
			return err
		}
		sh, err = loadSheet(ctx, tx, sv)
		return err
	})
	return sh, err
}

// Filter selects the surveys for List.
type Filter = db.YearList

// List lists the surveys in the actor's scope, newest year first.
func (s *Service) List(ctx context.Context, a *auth.Actor, f Filter) ([]Survey, error) {
	var args db.Args
	scope := args.Subtree("o.path", a.Scope(auth.PermSurveyRead))
	rows, err := s.DB.QueryContext(ctx, `SELECT `+surveyColumns+surveyFrom+` WHERE `+f.Query(&args, "v", "surveys", scope), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("survey: list: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, sv *Survey) error {
		var err error
		*sv, err = scanSurvey(r)
		return err
	})
}

// Close ends answering on day on (zero: today; survey.manage); the
// results can be read from then on. Unused codes are deleted: they can no
// longer be used.
func (s *Service) Close(ctx context.Context, a *auth.Actor, id int64, on day.Day) (Survey, error) {
	var sv Survey
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		sv, err = loadSurvey(ctx, tx, a, id, auth.PermSurveyManage)
		if err != nil {
			return err
		}
		if sv.Closed() {
			return apperr.Conflict("survey.closed", apperr.Params{"date": sv.ClosedOn})
		}
		today := day.Today(s.Clock)
		if on.IsZero() {
			on = today
		}
		if on.After(today) || on.Before(sv.OpenedOn) {
			return apperr.Invalid("closed_on", "survey.close_range", apperr.Params{"opened_on": sv.OpenedOn, "today": today})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE surveys SET closed_on = $1 WHERE id = $2`, on, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM survey_codes WHERE group_id IN (SELECT id FROM survey_groups WHERE survey_id = $1)`, id); err != nil {
			return err
		}
		sv.ClosedOn = on
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "survey.close", Entity: "survey",
			EntityID: id, OrgID: sv.OrgID, After: map[string]any{"title": sv.Title, "closed_on": on, "issued": sv.Issued, "answered": sv.Answered}})
	})
	return sv, err
}
