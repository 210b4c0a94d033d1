package org

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// VillageCentres is one village with its five centres as they stand today.
type VillageCentres struct {
	Village Org      `json:"village"`
	Centres []Centre `json:"centres"`
}

// TownCentres lists the centres of every village in the actor's scope, a
// page of villages at a time, in two queries whatever the page size: the
// villages, then all their posts with current holders.
func (s *Service) TownCentres(ctx context.Context, a *auth.Actor, f VillageFilter) ([]VillageCentres, error) {
	vs, byOrg, err := s.villagePosts(ctx, a, f)
	if err != nil {
		return nil, err
	}
	out := make([]VillageCentres, len(vs))
	for i, v := range vs {
		out[i] = VillageCentres{Village: v, Centres: deriveCentres(byOrg[v.ID])}
	}
	return out, nil
}

// CentreKindOf finds a centre by code.
func CentreKindOf(code string) (CentreKind, bool) {
	for _, k := range CentreKinds {
		if k.Code == code {
			return k, true
		}
	}
	return CentreKind{}, false
}

// Posts lists every post code that can fill one of the centre's seats.
func (k CentreKind) Posts() []string {
	out := slices.Clone(k.Director)
	for _, d := range k.Deputies {
		out = append(out, d...)
	}
	return out
}

// PostTerm is one term of a post with the post's code, for histories that
// span several posts.
type PostTerm struct {
	PostCode string `json:"post_code"`
	Term
}

// CentreHistory lists every term of the posts that can lead a village's
// centre, newest first: who led it and when, as the post history tells.
func (s *Service) CentreHistory(ctx context.Context, a *auth.Actor, villageID int64, k CentreKind) ([]PostTerm, error) {
	o, err := s.Get(ctx, a, villageID)
	if err != nil {
		return nil, err
	}
	if o.Type != TypeGeneralBranch {
		return nil, villageOnly(o)
	}
	var args db.Args
	rows, err := s.DB.QueryContext(ctx, `SELECT p.code, `+termColumns+` FROM post_terms t JOIN posts p ON p.id = t.post_id
		WHERE t.org_id = `+args.Add(o.ID)+` AND p.code IN (`+db.InList(&args, k.Posts())+`)
		ORDER BY t.started_on DESC, t.id DESC`, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("org: centre history: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, pt *PostTerm) error {
		return r.Scan(&pt.PostCode, &pt.ID, &pt.PostID, &pt.HolderName, &pt.ResidentID, &pt.StartedOn, &pt.EndedOn, &pt.Note)
	})
}
