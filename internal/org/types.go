// Package org is the organisation tree (镇党委 → 村党总支 → 村民小组党支部,
// industry organisations, 党员活动之家), its posts and their holders with
// terms and history, 两委 membership and 软弱涣散 rectification.
package org

import (
	"slices"

	"dangjian/internal/day"
)

// Type is the kind of an organisation node.
type Type string

const (
	TypeCounty        Type = "county"         // 县委（组织部）
	TypeTown          Type = "town"           // 镇党委
	TypeGeneralBranch Type = "general_branch" // 村(社区)党总支 — one per village
	TypeBranch        Type = "branch"         // 村(居)民小组党支部
	TypeIndustry      Type = "industry"       // 产业/企业/项目/合作组织党组织
	TypeActivityHome  Type = "activity_home"  // 党员活动之家（非公经济组织）
)

// Types lists the node types in tree order.
var Types = []Type{TypeCounty, TypeTown, TypeGeneralBranch, TypeBranch, TypeIndustry, TypeActivityHome}

// Valid reports whether t is a known type.
func (t Type) Valid() bool {
	return slices.Contains(Types, t)
}

// allowedParents says where each type may hang in the tree.
var allowedParents = map[Type][]Type{
	TypeCounty:        {},
	TypeTown:          {TypeCounty},
	TypeGeneralBranch: {TypeTown},
	TypeBranch:        {TypeGeneralBranch},
	TypeIndustry:      {TypeTown, TypeGeneralBranch},
	TypeActivityHome:  {TypeTown, TypeGeneralBranch},
}

// IndustryType is the seed's four kinds of industry party organisation.
type IndustryType string

const (
	IndustryLeadingEnterprise IndustryType = "leading_enterprise" // 龙头企业型
	IndustryCoalMine          IndustryType = "coal_mine"          // 煤矿企业型
	IndustryKeyProject        IndustryType = "key_project"        // 重点项目服务型
	IndustrySpecialty         IndustryType = "specialty"          // 特色产业型
)

// IndustryTypes lists the four kinds in the seed's order.
var IndustryTypes = []IndustryType{IndustryLeadingEnterprise, IndustryCoalMine, IndustryKeyProject, IndustrySpecialty}

// Org is one node of the tree.
type Org struct {
	ID           int64        `json:"id"`
	ParentID     int64        `json:"parent_id,omitempty"`
	TownID       int64        `json:"town_id,omitempty"`
	Type         Type         `json:"type"`
	IndustryType IndustryType `json:"industry_type,omitempty"`
	Name         string       `json:"name"`
	ShortName    string       `json:"short_name,omitempty"`
	Path         string       `json:"-"`
	SortOrder    int          `json:"sort_order"`
	FoundedOn    day.Day      `json:"founded_on,omitzero"`
}

// Label is the short name where there is one: "海丹" rather than
// "海丹村党总支" in tables and menus.
func (o Org) Label() string {
	if o.ShortName != "" {
		return o.ShortName
	}
	return o.Name
}

// Body is which committee a post belongs to; 两委 is party plus village.
type Body string

const (
	BodyParty   Body = "party"   // 党总支（支部）委员会
	BodyVillage Body = "village" // 村民委员会
	BodyStaff   Body = "staff"   // other village posts (农科员, 土管员 …)
)

// PostKind describes one standard post: its code, committee and order.
type PostKind struct {
	Code string
	Body Body
}

// VillagePosts are the posts every 村党总支 has, in display order; the five
// centres derive their leadership from their holders.
var VillagePosts = []PostKind{
	{"secretary", BodyParty}, {"deputy_secretary", BodyParty}, {"party_member_committee", BodyParty},
	{"director", BodyVillage}, {"deputy_director", BodyVillage}, {"women_director", BodyVillage},
	{"agri_tech", BodyStaff}, {"forest_ranger", BodyStaff}, {"vet", BodyStaff},
	{"stability_deputy", BodyStaff}, {"mediator", BodyStaff}, {"militia_deputy", BodyStaff},
	{"youth_secretary", BodyStaff}, {"land_officer", BodyStaff}, {"family_planning", BodyStaff},
}

// BranchPosts are the posts of a 党支部 or industry organisation.
var BranchPosts = []PostKind{{"branch_secretary", BodyParty}, {"branch_committee", BodyParty}}

// PostKindOf finds a standard post by code.
func PostKindOf(code string) (PostKind, bool) {
	for _, list := range [][]PostKind{VillagePosts, BranchPosts} {
		for _, k := range list {
			if k.Code == code {
				return k, true
			}
		}
	}
	return PostKind{}, false
}

// Post is a post of an organisation with its current holder, if any.
type Post struct {
	ID        int64  `json:"id"`
	OrgID     int64  `json:"org_id"`
	Code      string `json:"code"`
	Body      Body   `json:"body"`
	SortOrder int    `json:"sort_order"`
	Holder    *Term  `json:"holder,omitempty"`
}

// Term is one holder's time in a post.
type Term struct {
	ID         int64   `json:"id"`
	PostID     int64   `json:"post_id"`
	HolderName string  `json:"holder_name"`
	ResidentID int64   `json:"resident_id,omitempty"`
	StartedOn  day.Day `json:"started_on"`
	EndedOn    day.Day `json:"ended_on,omitzero"` // the zero Day while the term runs
	Note       string  `json:"note,omitempty"`
}

// ChildTypes are the types that may be created under a node of type t.
func ChildTypes(t Type) []Type {
	var out []Type
	for _, c := range Types {
		for _, p := range allowedParents[c] {
			if p == t {
				out = append(out, c)
			}
		}
	}
	return out
}
