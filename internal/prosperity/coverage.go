package prosperity

import (
	"context"
	"database/sql"
	"fmt"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/people"
)

// MissingHousehold is a household without a 科技明白人.
type MissingHousehold struct {
	ID       int64  `json:"id"`
	Code     string `json:"code"`
	HeadName string `json:"head_name"`
}

// MissingResident is a 青壮年 resident without an applicable skill.
type MissingResident struct {
	ID            int64  `json:"id"`
	Name          string `json:"name"`
	HouseholdCode string `json:"household_code"`
	Age           int    `json:"age"`
}

// VillageCoverage is one village's two targets: households with at least
// one 科技明白人, and young adults (the band of Rules) with at least one
// skill; with those still missing, up to the limit asked for.
type VillageCoverage struct {
	VillageID         int64              `json:"village_id"`
	VillageName       string             `json:"village_name"`
	Households        int                `json:"households"`
	HouseholdsCovered int                `json:"households_covered"`
	Young             int                `json:"young"`
	YoungSkilled      int                `json:"young_skilled"`
	MissingHouseholds []MissingHousehold `json:"missing_households"`
	MissingYoung      []MissingResident  `json:"missing_young"`
}

// Coverage is the targets of a village or a town, per village and in
// total, measured on the clock's today.
type Coverage struct {
	OrgID    int64             `json:"org_id"`
	OrgName  string            `json:"org_name"`
	On       day.Day           `json:"on"`
	YoungMin int               `json:"young_from"`
	YoungMax int               `json:"young_to"`
	Villages []VillageCoverage `json:"villages"`
	Total    VillageCoverage   `json:"total"`
}

// Percent is covered of n in whole percent, rounded down (0 of 0 is 100:
// nothing is missing).
func Percent(covered, n int) int {
	if n == 0 {
		return 100
	}
	return covered * 100 / n
}

// Coverage measures the two targets from the registry over a village or
// a town (people.read), listing up to missingLimit missing households and
// residents per village. Two queries: households, then young residents.
func (s *Service) Coverage(ctx context.Context, a *auth.Actor, orgID int64, missingLimit int) (Coverage, error) {
	o, err := areaFor(ctx, s.DB, a, orgID)
	if err != nil {
		return Coverage{}, err
	}
	today := day.Today(s.Clock)
	c := Coverage{OrgID: o.ID, OrgName: o.Name, On: today, YoungMin: s.Rules.YoungFrom, YoungMax: s.Rules.YoungTo,
		Villages: []VillageCoverage{}}
	var args db.Args
	area := areaCond(&args, o)
	rows, err := s.DB.QueryContext(ctx, `SELECT `+villageOfSQL+`, COALESCE(NULLIF(v.short_name, ''), v.name), h.id, h.code, h.head_name,
		EXISTS (SELECT 1 FROM residents r JOIN resident_skills k ON k.resident_id = r.id
			WHERE r.household_id = h.id AND k.certificate_no <> '')
		FROM households h JOIN orgs o ON o.id = h.org_id JOIN orgs v ON v.id = `+villageOfSQL+`
		WHERE `+area+` ORDER BY v.path, h.code`, args.Values()...)
	if err != nil {
		return c, fmt.Errorf("prosperity: coverage households: %w", err)
	}
	type hrow struct {
		village int64
		name    string
		h       MissingHousehold
		covered bool
	}
	hs, err := db.Collect(rows, func(r *sql.Rows, x *hrow) error {
		return r.Scan(&x.village, &x.name, &x.h.ID, &x.h.Code, &x.h.HeadName, &x.covered)
	})
	if err != nil {
		return c, err
	}
	index := map[int64]int{}
	villageOf := func(id int64, name string) *VillageCoverage {
		i, ok := index[id]
		if !ok {
			i = len(c.Villages)
			index[id] = i
			c.Villages = append(c.Villages, VillageCoverage{VillageID: id, VillageName: name,
				MissingHouseholds: []MissingHousehold{}, MissingYoung: []MissingResident{}})
		}
		return &c.Villages[i]
	}
	for _, x := range hs {
		v := villageOf(x.village, x.name)
		v.Households++
		if x.covered {
			v.HouseholdsCovered++
		} else if len(v.MissingHouseholds) < missingLimit {
			v.MissingHouseholds = append(v.MissingHouseholds, x.h)
		}
	}
	// Aged YoungFrom..YoungTo in full years today: born after today
	// minus (YoungTo+1) years and on or before today minus YoungFrom.
	args = db.Args{}
	area = areaCond(&args, o)
	oldest := args.Add(day.Of(today.Time().AddDate(-s.Rules.YoungTo-1, 0, 0)))
	youngest := args.Add(day.Of(today.Time().AddDate(-s.Rules.YoungFrom, 0, 0)))
	rows, err = s.DB.QueryContext(ctx, `SELECT `+villageOfSQL+`, COALESCE(NULLIF(v.short_name, ''), v.name), r.id, r.name, h.code, r.birth_date,
		EXISTS (SELECT 1 FROM resident_skills k WHERE k.resident_id = r.id)
		FROM residents r JOIN households h ON h.id = r.household_id JOIN orgs o ON o.id = r.org_id
		JOIN orgs v ON v.id = `+villageOfSQL+`
		WHERE `+area+` AND r.birth_date > `+oldest+` AND r.birth_date <= `+youngest+`
		ORDER BY v.path, h.code, r.name, r.id`, args.Values()...)
	if err != nil {
		return c, fmt.Errorf("prosperity: coverage residents: %w", err)
	}
	type rrow struct {
		village int64
		name    string
		r       MissingResident
		born    day.Day
		skilled bool
	}
	rs, err := db.Collect(rows, func(r *sql.Rows, x *rrow) error {
		return r.Scan(&x.village, &x.name, &x.r.ID, &x.r.Name, &x.r.HouseholdCode, &x.born, &x.skilled)
	})
	if err != nil {
		return c, err
	}
	for _, x := range rs {
		v := villageOf(x.village, x.name)
		v.Young++
		if x.skilled {
			v.YoungSkilled++
		} else if len(v.MissingYoung) < missingLimit {
			x.r.Age = people.AgeOn(x.born, today)
			v.MissingYoung = append(v.MissingYoung, x.r)
		}
	}
	c.Total = VillageCoverage{VillageID: o.ID, VillageName: o.Name, MissingHouseholds: []MissingHousehold{}, MissingYoung: []MissingResident{}}
	for _, v := range c.Villages {
		c.Total.Households += v.Households
		c.Total.HouseholdsCovered += v.HouseholdsCovered
		c.Total.Young += v.Young
		c.Total.YoungSkilled += v.YoungSkilled
	}
	return c, nil
}

// areaCond is the condition on orgs o (of a household or resident) that
// keeps a village's or a town's.
func areaCond(args *db.Args, o OrgRef) string {
	if o.Type == "general_branch" {
		return villageOfSQL + ` = ` + args.Add(o.ID)
	}
	return `o.town_id = ` + args.Add(o.ID)
}
