package survey

import (
	"context"
	"database/sql"
	"errors"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// Results returns a closed survey's results (survey.read over the
// village). While it is open only the counts of answers are known: a
// result read between two answers would tell what the second one said.
func (s *Service) Results(ctx context.Context, a *auth.Actor, id int64) (Results, error) {
	var res Results
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		sv, err := loadSurvey(ctx, tx, a, id, "")
		if err != nil {
			return err
		}
		res, err = s.resultsIn(ctx, tx, sv)
		if err != nil {
			return err
		}
		fus, err := followupsOf(ctx, tx, id)
		if err != nil {
			return err
		}
		for i := range res.Subjects {
			for _, fu := range fus {
				if fu.SubjectID == res.Subjects[i].ID {
					res.Subjects[i].Followups = append(res.Subjects[i].Followups, fu)
				}
			}
		}
		return nil
	})
	return res, err
}

func followupsOf(ctx context.Context, q db.Queryer, surveyID int64) ([]Followup, error) {
	rows, err := q.QueryContext(ctx, `SELECT f.id, f.subject_id, f.action, f.note, f.decided_on FROM survey_followups f
		JOIN survey_subjects s ON s.id = f.subject_id WHERE s.survey_id = $1 ORDER BY f.subject_id, f.id`, surveyID)
	if err != nil {
		return nil, err
	}
	return db.Collect(rows, func(r *sql.Rows, f *Followup) error {
		return r.Scan(&f.ID, &f.SubjectID, &f.Action, &f.Note, &f.DecidedOn)
	})
}

// NewFollowup is the input of RecordFollowup.
type NewFollowup struct {
	SubjectID int64
	Action    Action
	Note      string
	DecidedOn day.Day
}

// RecordFollowup records what 甄别 decided about a subject flagged below
// the threshold of a closed survey (survey.manage): kept after review,
// adjusted, replaced, or referred for 违法乱纪.
func (s *Service) RecordFollowup(ctx context.Context, a *auth.Actor, in NewFollowup) (Followup, error) {
	f := apperr.Fields{}
	today := day.Today(s.Clock)
	if !validAction(in.Action) {
		f.Add("action", "survey.action_unknown", nil)
	}
	in.Note = apperr.Prose(f, "note", in.Note, 2000, true)
	if in.DecidedOn.IsZero() {
		in.DecidedOn = today
	}
	if in.DecidedOn.After(today) {
		f.Add("decided_on", "survey.date_future", apperr.Params{"today": today})
	}
	if err := f.Err(); err != nil {
		return Followup{}, err
	}
	var out Followup
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var surveyID int64
		err := tx.QueryRowContext(ctx, `SELECT survey_id FROM survey_subjects WHERE id = $1`, in.SubjectID).Scan(&surveyID)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.NotFound()
		}
		if err != nil {
			return err
		}
		sv, err := loadSurvey(ctx, tx, a, surveyID, auth.PermSurveyManage)
		if err != nil {
			return err
		}
		res, err := s.resultsIn(ctx, tx, sv)
		if err != nil {
			return err
		}
		var subject *SubjectResult
		for i := range res.Subjects {
			if res.Subjects[i].ID == in.SubjectID {
				subject = &res.Subjects[i]
			}
		}
		if subject == nil || !subject.Flagged {
			score := ""
			if subject != nil && subject.Scored {
				score = subject.Score.String()
			}
			return apperr.Rule("survey.not_flagged", apperr.Params{"score": score, "threshold": sv.Threshold})
		}
		out = Followup{SubjectID: in.SubjectID, Action: in.Action, Note: in.Note, DecidedOn: in.DecidedOn}
		now := s.Clock.Now()
		if err := tx.QueryRowContext(ctx, `INSERT INTO survey_followups(subject_id, action, note, decided_on, recorded_by, recorded_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, in.SubjectID, in.Action, in.Note, in.DecidedOn, a.UserRef(), now).
			Scan(&out.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "survey.followup", Entity: "survey",
			EntityID: sv.ID, OrgID: sv.OrgID, After: map[string]any{"title": sv.Title, "subject": subject.Name, "action": in.Action,
				"note": in.Note, "decided_on": in.DecidedOn, "score": subject.Score.String()}})
	})
	return out, err
}

func validAction(a Action) bool {
	for _, x := range Actions {
		if x == a {
			return true
		}
	}
	return false
}

// resultsIn scores a closed survey inside a transaction.
func (s *Service) resultsIn(ctx context.Context, tx *sql.Tx, sv Survey) (Results, error) {
	if !sv.Closed() {
		return Results{}, apperr.Rule("survey.results_after_close", apperr.Params{"answered": sv.Answered})
	}
	sh, err := loadSheet(ctx, tx, sv)
	if err != nil {
		return Results{}, err
	}
	tallies, err := talliesOf(ctx, tx, sv.ID)
	if err != nil {
		return Results{}, err
	}
	return computeResults(sv, sh.Groups, sh.Subjects, tallies), nil
}

func talliesOf(ctx context.Context, q db.Queryer, surveyID int64) (map[tallyKey]int, error) {
	tallies := map[tallyKey]int{}
	rows, err := q.QueryContext(ctx, `SELECT t.group_id, t.subject_id, t.rating, SUM(t.n) FROM survey_tallies t
		JOIN survey_groups g ON g.id = t.group_id WHERE g.survey_id = $1 GROUP BY t.group_id, t.subject_id, t.rating`, surveyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k tallyKey
		var n int
		if err := rows.Scan(&k.group, &k.subject, &k.rating, &n); err != nil {
			return nil, err
		}
		tallies[k] = n
	}
	return tallies, rows.Err()
}
