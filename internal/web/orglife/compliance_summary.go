package orglife

import (
	"strconv"
	"strings"

	"dangjian/internal/members"
	"dangjian/internal/org"
)

// complianceMark is how one cell, or one branch, stands. "No record yet"
// (nothing has been due since the branch's records began) is not the
// same as "behind" (a period that had to be held was not) and the page
// shows them apart.
type complianceMark string

const (
	markMet      complianceMark = "met"       // every period due was held
	markBehind   complianceMark = "behind"    // at least one period due was not held
	markNoRecord complianceMark = "no_record" // nothing due yet since records began
)

// kindMark is the mark of one kind of meeting over the year.
func kindMark(k members.KindCompliance) complianceMark {
	switch {
	case k.Required == 0:
		return markNoRecord
	case k.Complete():
		return markMet
	}
	return markBehind
}

// branchMark is the branch's mark: behind when any kind is behind, met
// when something was due and all of it was held, else no record yet.
func branchMark(b members.BranchCompliance) complianceMark {
	out := markNoRecord
	for _, k := range b.Kinds {
		switch kindMark(k) {
		case markBehind:
			return markBehind
		case markMet:
			out = markMet
		}
	}
	return out
}

// complianceTotals counts branches by mark.
type complianceTotals struct {
	Met, Behind, NoRecord int
}

func (t *complianceTotals) add(m complianceMark) {
	switch m {
	case markMet:
		t.Met++
	case markBehind:
		t.Behind++
	default:
		t.NoRecord++
	}
}

// Branches is how many branches the totals cover.
func (t complianceTotals) Branches() int { return t.Met + t.Behind + t.NoRecord }

// complianceRow is one branch with its marks, for the page.
type complianceRow struct {
	members.BranchCompliance
	Mark  complianceMark
	Cells []complianceCell
}

type complianceCell struct {
	members.KindCompliance
	Mark complianceMark
}

// complianceGroup is the branches under one village (or directly under a
// town) with their totals.
type complianceGroup struct {
	Name   string
	Rows   []complianceRow
	Totals complianceTotals
}

// complianceTown is one town's villages and its totals, which are the sum
// of its villages'.
type complianceTown struct {
	Name   string
	Groups []*complianceGroup
	Totals complianceTotals
}

// groupCompliance arranges branches (in the order given) by town and by
// the organisation directly above them, counting marks as it goes, so
// the totals are made from exactly the rows shown. names gives the
// towns' and villages' names by id.
func groupCompliance(rows []members.BranchCompliance, names map[int64]org.Org) []*complianceTown {
	var towns []*complianceTown
	townOf, groupOf := map[int64]*complianceTown{}, map[int64]*complianceGroup{}
	for _, b := range rows {
		townID, parentID := placeOf(b.Branch, names)
		t := townOf[townID]
		if t == nil {
			t = &complianceTown{Name: names[townID].Name}
			townOf[townID] = t
			towns = append(towns, t)
		}
		g := groupOf[parentID]
		if g == nil {
			g = &complianceGroup{Name: names[parentID].Name}
			groupOf[parentID] = g
			t.Groups = append(t.Groups, g)
		}
		row := complianceRow{BranchCompliance: b, Mark: branchMark(b)}
		for _, k := range b.Kinds {
			row.Cells = append(row.Cells, complianceCell{KindCompliance: k, Mark: kindMark(k)})
		}
		g.Rows = append(g.Rows, row)
		g.Totals.add(row.Mark)
		t.Totals.add(row.Mark)
	}
	return towns
}

// placeOf finds, on the branch's path, its town and the organisation
// directly above it (a village's general branch, or the town itself for
// an industry organisation under the town).
func placeOf(b members.BranchInfo, names map[int64]org.Org) (townID, parentID int64) {
	ids := pathIDs(b.Path)
	if len(ids) >= 2 {
		parentID = ids[len(ids)-2]
	}
	for _, id := range ids {
		if names[id].Type == org.TypeTown {
			townID = id
		}
	}
	if townID == 0 {
		townID = b.TownID
	}
	return townID, parentID
}

// pathIDs splits "/1/2/17/" into 1, 2, 17.
func pathIDs(path string) []int64 {
	var out []int64
	for _, part := range strings.Split(strings.Trim(path, "/"), "/") {
		if id, err := strconv.ParseInt(part, 10, 64); err == nil {
			out = append(out, id)
		}
	}
	return out
}

// aboveBranches is a made-up organisation whose path holds every
// organisation above the given branches, so that one call of
// org.Service.Ancestors names them all.
func aboveBranches(rows []members.BranchCompliance) org.Org {
	seen := map[int64]bool{}
	var b strings.Builder
	b.WriteByte('/')
	for _, r := range rows {
		ids := pathIDs(r.Branch.Path)
		for _, id := range ids[:max(len(ids)-1, 0)] {
			if !seen[id] {
				seen[id] = true
				b.WriteString(strconv.FormatInt(id, 10) + "/")
			}
		}
	}
	return org.Org{Path: b.String()}
}
