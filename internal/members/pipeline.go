package members

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// RecordStep records one dated step of the pipeline after every gate of
// CheckStep has passed: the person's status and dates, the pipeline
// detail, one history event and one audit record, in one transaction.
func (s *Service) RecordStep(ctx context.Context, a *auth.Actor, id int64, in StepInput) (Member, error) {
	today := db.Day(s.Clock.Now())
	if !in.Step.Valid() {
		return Member{}, apperr.Invalid("step", "pipeline.step_unknown", nil)
	}
	in.Note = strings.TrimSpace(in.Note)
	return s.changeMember(ctx, a, id, "member.step."+string(in.Step), func(tx *sql.Tx, m Member, now time.Time) (change, error) {
		p, _, err := loadPipeline(ctx, tx, id)
		if err != nil {
			return change{}, err
		}
		if err := CheckStep(m, p, in, today); err != nil {
			return change{}, err
		}
		on := db.Day(in.On)
		onDay := day.Of(on)
		status, joined, full, detail := m.Status, m.JoinedOn, m.FullOn, in.Note
		switch in.Step {
		case StepTalk:
			p.TalkOn = onDay
			p.TalkLate = on.After(TalkDeadline(m.AppliedOn.Time()))
			if p.TalkLate {
				detail = "late"
			}
		case StepActivist:
			p.ActivistOn, status = onDay, StatusActivist
		case StepCandidate:
			p.CandidateOn, status = onDay, StatusCandidate
		case StepAdmit:
			p.MeetingOn, p.TrainingDays, p.TrainingHours = onDay, in.TrainingDays, in.TrainingHours
			detail = strconv.Itoa(in.TrainingDays) + "d/" + strconv.Itoa(in.TrainingHours) + "h"
		case StepApprove:
			// 入党时间 is the day the branch meeting accepted them; the
			// approval makes it count.
			p.ApprovedOn, p.ApprovalNote, status, joined = onDay, in.Note, StatusProbationary, p.MeetingOn
			if err := achieveOnJoining(ctx, tx, id, on); err != nil {
				return change{}, err
			}
		case StepFull:
			status, full = StatusFull, onDay
		case StepExtend:
			p.ExtensionMonths, p.ExtendedOn = in.Months, onDay
			detail = strconv.Itoa(in.Months)
			if in.Note != "" {
				detail += ": " + in.Note
			}
		case StepReject:
			p.RejectedOn, p.RejectReason = onDay, in.Note
		}
		if err := savePipeline(ctx, tx, id, p, now); err != nil {
			return change{}, err
		}
		if in.Step == StepReject {
			reason := LeftRejected
			if m.Status == StatusProbationary {
				reason = LeftProbationCancelled
			}
			err = markLeft(ctx, tx, m, reason, on, now)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE members SET status = $1, joined_on = $2, full_on = $3, updated_at = $4
				WHERE id = $5`, string(status), storedDay(joined), storedDay(full), now, id)
		}
		return change{Kind: string(in.Step), On: on, Detail: detail}, err
	})
}

// Detail is everything the member page shows.
type Detail struct {
	Member   Member    `json:"member"`
	Pipeline *Pipeline `json:"pipeline,omitempty"`
	Next     []Step    `json:"next_steps"`
	Due      *Due      `json:"due,omitempty"`
	Events   []Event   `json:"events"`
	Tags     []Tag     `json:"tags"`
}

// Detail reads one member with pipeline, history and 三培养 tags.
func (s *Service) Detail(ctx context.Context, a *auth.Actor, id int64) (Detail, error) {
	m, err := s.Get(ctx, a, id)
	if err != nil {
		return Detail{}, err
	}
	// Lists are [] rather than null in JSON when empty.
	d := Detail{Member: m, Next: []Step{}, Events: []Event{}, Tags: []Tag{}}
	p, ok, err := loadPipeline(ctx, s.DB, id)
	if err != nil {
		return d, err
	}
	if ok {
		d.Pipeline = &p
	}
	if m.Status != StatusLeft {
		d.Next = append(d.Next, nextSteps(m, p)...)
		if m.Status.InPipeline() {
			due := dueOf(m, p, db.Day(s.Clock.Now()))
			d.Due = &due
		}
	}
	events, err := s.History(ctx, a, id)
	if err != nil {
		return d, err
	}
	tags, err := tagsOf(ctx, s.DB, id)
	if err != nil {
		return d, err
	}
	d.Events, d.Tags = append(d.Events, events...), append(d.Tags, tags...)
	return d, nil
}
