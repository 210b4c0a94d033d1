package org

import (
	"context"

	"dangjian/internal/auth"
)

// Page is everything an organisation's page shows of the organisation
// itself: a town gets its village overview, a village its 两委 and five
// centres, derived from the same posts the page lists.
type Page struct {
	Org       Org
	Ancestors []Org
	Children  []Org // for a town: those that are not villages (the overview lists them)
	Posts     []Post
	Overview  []VillageStats
	Totals    VillageStats
	Committee *Committee
	Centres   []Centre
}

// Page loads an organisation's page in a fixed number of queries.
func (s *Service) Page(ctx context.Context, a *auth.Actor, id int64) (Page, error) {
	o, err := s.Get(ctx, a, id)
	if err != nil {
		return Page{}, err
	}
	pg := Page{Org: o}
	if pg.Ancestors, err = s.Ancestors(ctx, o); err != nil {
		return pg, err
	}
	children, err := s.List(ctx, a, Filter{ParentID: o.ID, Limit: 500})
	if err != nil {
		return pg, err
	}
	if pg.Posts, err = postsOf(ctx, s.DB, []int64{o.ID}); err != nil {
		return pg, err
	}
	switch o.Type {
	case TypeTown:
		if pg.Overview, err = s.TownOverview(ctx, a, o.ID); err != nil {
			return pg, err
		}
		pg.Totals = Totals(pg.Overview)
		for _, c := range children {
			if c.Type != TypeGeneralBranch {
				pg.Children = append(pg.Children, c)
			}
		}
	case TypeGeneralBranch:
		c := deriveCommittee(o, pg.Posts)
		pg.Committee = &c
		pg.Centres = deriveCentres(pg.Posts)
		pg.Children = children
	default:
		pg.Children = children
	}
	return pg, nil
}
