package org

import (
	"context"

	"dangjian/internal/auth"
)

// CentreKind is one of the five centres every village sets up (五个中心),
// with the posts whose holders lead it ex officio (兼任), per the plan.
// A seat lists its candidate posts in order: "党总支副书记或村委会副主任"
// is held by the deputy secretary, or by the deputy director when there
// is no deputy secretary.
type CentreKind struct {
	Code     string
	Director []string
	Deputies [][]string
}

// CentreKinds are the five centres in the plan's order.
var CentreKinds = []CentreKind{
	{Code: "education", Director: []string{"secretary"},
		Deputies: [][]string{{"deputy_secretary", "director"}}},
	{Code: "technology", Director: []string{"director"},
		Deputies: [][]string{{"agri_tech"}, {"forest_ranger"}, {"vet"}}},
	{Code: "mediation", Director: []string{"director"},
		Deputies: [][]string{{"stability_deputy"}, {"mediator"}, {"militia_deputy"}}},
	{Code: "culture", Director: []string{"deputy_secretary", "deputy_director"},
		Deputies: [][]string{{"youth_secretary"}, {"women_director"}}},
	{Code: "service", Director: []string{"deputy_director"},
		Deputies: [][]string{{"land_officer"}, {"family_planning"}}},
}

// Centre is one centre's leadership as it stands today.
type Centre struct {
	Code     string       `json:"code"`
	Director CentreSeat   `json:"director"`
	Deputies []CentreSeat `json:"deputies"`
}

// CentreSeat is a director's or deputy's seat: which post fills it and
// who holds that post. With every candidate post vacant the seat is vacant.
type CentreSeat struct {
	Candidates []string `json:"candidates"`
	PostID     int64    `json:"post_id,omitempty"`
	PostCode   string   `json:"post_code,omitempty"`
	Holder     *Term    `json:"holder,omitempty"`
}

// Vacant reports a seat no candidate post can fill.
func (c CentreSeat) Vacant() bool { return c.Holder == nil }

// deriveCentres fills the five centres from a village's posts.
func deriveCentres(posts []Post) []Centre {
	byCode := map[string]Post{}
	for _, p := range posts {
		byCode[p.Code] = p
	}
	seat := func(candidates []string) CentreSeat {
		s := CentreSeat{Candidates: candidates}
		for _, code := range candidates {
			if p, ok := byCode[code]; ok && p.Holder != nil {
				s.PostID, s.PostCode, s.Holder = p.ID, p.Code, p.Holder
				return s
			}
		}
		if p, ok := byCode[candidates[0]]; ok {
			s.PostID, s.PostCode = p.ID, p.Code
		}
		return s
	}
	out := make([]Centre, len(CentreKinds))
	for i, k := range CentreKinds {
		c := Centre{Code: k.Code, Director: seat(k.Director), Deputies: make([]CentreSeat, len(k.Deputies))}
		for j, d := range k.Deputies {
			c.Deputies[j] = seat(d)
		}
		out[i] = c
	}
	return out
}

// Centres returns a village's five centres with their leadership, derived
// from the current post holders: change a holder and the centre follows.
func (s *Service) Centres(ctx context.Context, a *auth.Actor, orgID int64) ([]Centre, error) {
	o, err := s.Get(ctx, a, orgID)
	if err != nil {
		return nil, err
	}
	if o.Type != TypeGeneralBranch {
		return nil, villageOnly(o)
	}
	posts, err := postsOf(ctx, s.DB, []int64{o.ID})
	if err != nil {
		return nil, err
	}
	return deriveCentres(posts), nil
}
