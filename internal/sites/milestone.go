package sites

import (
	"context"
	"database/sql"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/files"
)

// NewMilestone is a dated step of a site's construction.
type NewMilestone struct {
	SiteID int64
	OnDate day.Day
	Stage  Stage
	Title  string
	Note   string
	// Photos of the step, checked and shrunk by files.Prepare.
	Photos []files.Upload
}

// MilestonePhotos is the owner kind of a milestone's photos.
const MilestonePhotos = "site_milestone"

// Rules of a site's dates.
const (
	RuleStartedTwice      = "site.started_twice"      // a site starts once
	RuleCompleteUnstarted = "site.complete_unstarted" // completion needs a start on or before it
	RuleAcceptIncomplete  = "site.accept_incomplete"  // acceptance needs completion on or before it
)

// AddMilestone records a dated step (sites.write). A started milestone
// sets the site's start, a completed one its completion: completion
// needs a start on or before it; nothing after acceptance.
func (s *Service) AddMilestone(ctx context.Context, a *auth.Actor, in NewMilestone) (Milestone, error) {
	var m Milestone
	today := day.Today(s.Clock)
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		x, err := siteFor(ctx, tx, a, in.SiteID, auth.PermSitesWrite)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		dateField(f, "on_date", in.OnDate, today)
		if in.Stage != StageNone && in.Stage != StageStarted && in.Stage != StageCompleted {
			f.Add("stage", "site.stage_unknown", nil)
		}
		in.Title = apperr.Text(f, "title", in.Title, 100, true)
		in.Note = apperr.Prose(f, "note", in.Note, 1000, false)
		if err := f.Err(); err != nil {
			return err
		}
		if !x.AcceptedOn.IsZero() {
			return apperr.Conflict("site.accepted_closed", apperr.Params{"name": x.OrgName, "on": x.AcceptedOn.String()})
		}
		switch in.Stage {
		case StageStarted:
			if !x.StartedOn.IsZero() {
				return apperr.Rule(RuleStartedTwice, apperr.Params{"name": x.OrgName, "on": x.StartedOn.String()})
			}
			if _, err := tx.ExecContext(ctx, `UPDATE sites SET started_on = $1 WHERE id = $2`, in.OnDate, x.ID); err != nil {
				return err
			}
		case StageCompleted:
			if x.StartedOn.IsZero() || in.OnDate.Before(x.StartedOn) {
				return apperr.Rule(RuleCompleteUnstarted, apperr.Params{"name": x.OrgName, "on": in.OnDate.String(),
					"started": x.StartedOn.String()})
			}
			if _, err := tx.ExecContext(ctx, `UPDATE sites SET completed_on = $1 WHERE id = $2`, in.OnDate, x.ID); err != nil {
				return err
			}
		}
		m = Milestone{SiteID: x.ID, OrgName: x.OrgName, OnDate: in.OnDate, Stage: in.Stage, Title: in.Title, Note: in.Note}
		if err := tx.QueryRowContext(ctx, `INSERT INTO site_milestones(site_id, on_date, stage, title, note, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, x.ID, in.OnDate, in.Stage, in.Title, in.Note, s.Clock.Now()).Scan(&m.ID); err != nil {
			return err
		}
		if m.Photos, err = files.Add(ctx, tx, s.Clock.Now(), a, MilestonePhotos, m.ID, x.OrgID, in.Photos); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "site.milestone", Entity: "site_milestone",
			EntityID: m.ID, OrgID: x.OrgID, After: m})
	})
	return m, err
}

// Accept records the acceptance of a completed site (sites.manage): on a
// day not before its completion and not in the future.
func (s *Service) Accept(ctx context.Context, a *auth.Actor, siteID int64, on day.Day, note string) (Site, error) {
	var x Site
	today := day.Today(s.Clock)
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		before, err := siteFor(ctx, tx, a, siteID, auth.PermSitesManage)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		dateField(f, "accepted_on", on, today)
		note = apperr.Prose(f, "note", note, 1000, false)
		if err := f.Err(); err != nil {
			return err
		}
		if !before.AcceptedOn.IsZero() {
			return apperr.Conflict("site.accepted_closed", apperr.Params{"name": before.OrgName, "on": before.AcceptedOn.String()})
		}
		if before.CompletedOn.IsZero() || on.Before(before.CompletedOn) {
			return apperr.Rule(RuleAcceptIncomplete, apperr.Params{"name": before.OrgName, "on": on.String(),
				"completed": before.CompletedOn.String()})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sites SET accepted_on = $1, accepted_by = $2, acceptance_note = $3 WHERE id = $4`,
			on, a.DisplayName(), note, siteID); err != nil {
			return err
		}
		if x, err = loadSite(ctx, tx, siteID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "site.accept", Entity: "site",
			EntityID: x.ID, OrgID: x.OrgID, Before: before, After: x})
	})
	return x, err
}

// MilestonePhoto is one photo of a milestone with its bytes, for whoever
// may read the site.
func (s *Service) MilestonePhoto(ctx context.Context, a *auth.Actor, fileID int64) (files.File, []byte, error) {
	f, data, err := files.Load(ctx, s.DB, fileID, MilestonePhotos)
	if err != nil {
		return f, nil, err
	}
	var siteID int64
	if err := s.DB.QueryRowContext(ctx, `SELECT site_id FROM site_milestones WHERE id = $1`, f.OwnerID).Scan(&siteID); err != nil {
		return f, nil, fmt.Errorf("sites: photo's milestone: %w", err)
	}
	if _, err := siteFor(ctx, s.DB, a, siteID, ""); err != nil {
		return f, nil, err
	}
	return f, data, nil
}
