package org

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// Committee is a village's 两委: the party committee (党总支委员会) and
// the village committee (村民委员会), derived from the current holders of
// the village's posts and never stored a second time.
type Committee struct {
	Org     Org         `json:"org"`
	Party   []Post      `json:"party"`   // posts of the party body, held or vacant
	Village []Post      `json:"village"` // posts of the village body, held or vacant
	Vacant  []Post      `json:"vacant"`  // party and village posts without a holder
	Dual    []DualRole  `json:"dual"`    // people who sit on both committees
	Members []Committer `json:"members"` // each person once, with every 两委 post they hold
}

// Committer is one person on the 两委 with the posts they hold there.
type Committer struct {
	HolderName string   `json:"holder_name"`
	ResidentID int64    `json:"resident_id,omitempty"`
	Posts      []string `json:"posts"` // post codes, party posts first
}

// DualRole is someone holding posts in both bodies, such as the
// secretary who is also the director (书记、主任"一肩挑").
type DualRole struct {
	Committer
	Party   []string `json:"party"`
	Village []string `json:"village"`
}

// OneShoulder reports the 一肩挑 case: the secretary is also the director.
func (d DualRole) OneShoulder() bool {
	return has(d.Party, "secretary") && has(d.Village, "director")
}

func has(list []string, s string) bool {
	return slices.Contains(list, s)
}

// personKey identifies a holder: by resident record when the post is
// linked to one, otherwise by the name as entered. Two different people
// of the same name in one village's 两委 would need resident links to be
// told apart, which is what the resident_id column is for.
func personKey(t *Term) string {
	if t.ResidentID != 0 {
		return "r" + strconv.FormatInt(t.ResidentID, 10)
	}
	return "n" + strings.TrimSpace(t.HolderName)
}

// deriveCommittee builds a village's 两委 from its posts (as Posts loads
// them, in display order).
func deriveCommittee(o Org, posts []Post) Committee {
	c := Committee{Org: o, Party: []Post{}, Village: []Post{}, Vacant: []Post{}, Dual: []DualRole{}, Members: []Committer{}}
	type person struct {
		Committer
		party, village []string
	}
	byKey := map[string]*person{}
	var order []string
	for _, p := range posts {
		if p.OrgID != o.ID || (p.Body != BodyParty && p.Body != BodyVillage) {
			continue
		}
		if p.Body == BodyParty {
			c.Party = append(c.Party, p)
		} else {
			c.Village = append(c.Village, p)
		}
		if p.Holder == nil {
			c.Vacant = append(c.Vacant, p)
			continue
		}
		k := personKey(p.Holder)
		m := byKey[k]
		if m == nil {
			m = &person{Committer: Committer{HolderName: p.Holder.HolderName, ResidentID: p.Holder.ResidentID}}
			byKey[k] = m
			order = append(order, k)
		}
		m.Posts = append(m.Posts, p.Code)
		if p.Body == BodyParty {
			m.party = append(m.party, p.Code)
		} else {
			m.village = append(m.village, p.Code)
		}
	}
	for _, k := range order {
		m := byKey[k]
		c.Members = append(c.Members, m.Committer)
		if len(m.party) > 0 && len(m.village) > 0 {
			c.Dual = append(c.Dual, DualRole{Committer: m.Committer, Party: m.party, Village: m.village})
		}
	}
	return c
}

// Committee returns one village's 两委.
func (s *Service) Committee(ctx context.Context, a *auth.Actor, orgID int64) (Committee, error) {
	o, err := s.Get(ctx, a, orgID)
	if err != nil {
		return Committee{}, err
	}
	if o.Type != TypeGeneralBranch {
		return Committee{}, villageOnly(o)
	}
	posts, err := postsOf(ctx, s.DB, []int64{o.ID})
	if err != nil {
		return Committee{}, err
	}
	return deriveCommittee(o, posts), nil
}

// villageOnly refuses 两委 and centres of anything but a village.
func villageOnly(o Org) error {
	return apperr.Rule("org.village_only", apperr.Params{"org": o.Name, "type": typeKey(o.Type)})
}

// VillageFilter selects villages for the town-wide tables.
type VillageFilter struct {
	TownID  int64
	AfterID int64 // keyset on the village id
	Limit   int
}

// villages lists the general branches in the actor's scope, in id order
// (the order the tree was built in: the town's own order of villages).
func (s *Service) villages(ctx context.Context, a *auth.Actor, f VillageFilter) ([]Org, error) {
	limit := db.Limit(f.Limit, 100, 200)
	return s.List(ctx, a, Filter{Type: TypeGeneralBranch, TownID: f.TownID, AfterID: f.AfterID, Limit: limit})
}

// villagePosts lists a page of villages in scope and all their posts with
// current holders, by village, in two queries whatever the page size.
func (s *Service) villagePosts(ctx context.Context, a *auth.Actor, f VillageFilter) ([]Org, map[int64][]Post, error) {
	vs, err := s.villages(ctx, a, f)
	if err != nil || len(vs) == 0 {
		return []Org{}, nil, err
	}
	ids := make([]int64, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	posts, err := postsOf(ctx, s.DB, ids)
	if err != nil {
		return nil, nil, err
	}
	byOrg := map[int64][]Post{}
	for _, p := range posts {
		byOrg[p.OrgID] = append(byOrg[p.OrgID], p)
	}
	return vs, byOrg, nil
}

// Committees lists the 两委 of every village in the actor's scope, a page
// at a time, in two queries whatever the page size: the villages, then
// all their posts with current holders.
func (s *Service) Committees(ctx context.Context, a *auth.Actor, f VillageFilter) ([]Committee, error) {
	vs, byOrg, err := s.villagePosts(ctx, a, f)
	if err != nil {
		return nil, err
	}
	out := make([]Committee, len(vs))
	for i, v := range vs {
		out[i] = deriveCommittee(v, byOrg[v.ID])
	}
	return out, nil
}
