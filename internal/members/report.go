package members

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/people"
)

// The development report (发展党员工作情况统计). The seed's 十六字方针
// (坚持标准、保证质量、改善结构、慎重发展) and its focus groups are
// reported on, not enforced: the report shows, per village and for the
// whole area, who stands where in the pipeline, who was admitted and who
// became 正式 in a year, and the members' structure by focus group, sex
// and age (改善结构).

// ReportFilter selects the report's area and year.
type ReportFilter struct {
	OrgID int64 // the subtree to report on; 0 is the actor's whole scope
	Year  int   // 0 is the current year
}

// ReportCategories are the report's focus-group columns: the seed's
// groups in order, then 其他 for members not in any.
var ReportCategories = append(append([]Category{}, Categories...), "other")

// AgeBands are the report's age columns: ≤35, 36–45, 46–60, >60.
var AgeBands = []string{"le35", "36_45", "46_60", "gt60"}

// ageBandLimits are the highest age of each band but the last.
var ageBandLimits = [...]int{35, 45, 60}

// ageBand is the index in AgeBands of an age.
func ageBand(age int) int {
	for i, top := range ageBandLimits {
		if age <= top {
			return i
		}
	}
	return len(ageBandLimits)
}

// Breakdown is a group of people by focus group, sex and age band.
type Breakdown struct {
	Total      int   `json:"total"`
	Women      int   `json:"women"`
	Categories []int `json:"categories"` // in ReportCategories order
	Ages       []int `json:"ages"`       // in AgeBands order
}

func newBreakdown() Breakdown {
	return Breakdown{Categories: make([]int, len(ReportCategories)), Ages: make([]int, len(AgeBands))}
}

// add counts n people of a category (empty: none), sex and age band.
func (b *Breakdown) add(c Category, sex string, band, n int) {
	b.Total += n
	if sex == "F" {
		b.Women += n
	}
	b.Categories[categoryColumn(c)] += n
	b.Ages[band] += n
}

// categoryColumn is a category's index in ReportCategories: its focus
// group's, or the last (其他) for none or any other.
func categoryColumn(c Category) int {
	if i := slices.Index(Categories, c); i >= 0 {
		return i
	}
	return len(ReportCategories) - 1
}

func (b *Breakdown) merge(o Breakdown) {
	b.Total += o.Total
	b.Women += o.Women
	for i, n := range o.Categories {
		b.Categories[i] += n
	}
	for i, n := range o.Ages {
		b.Ages[i] += n
	}
}

// WomenShare is the women's share as a percentage with one decimal, or
// "—" when there is nobody to share.
func (b Breakdown) WomenShare() string {
	if b.Total == 0 {
		return "—"
	}
	return strconv.FormatFloat(float64(b.Women)*100/float64(b.Total), 'f', 1, 64) + "%"
}

// StageCounts are the people at each pipeline stage now.
type StageCounts struct {
	Applicants   int `json:"applicants"`
	Activists    int `json:"activists"`
	Candidates   int `json:"candidates"`
	Probationary int `json:"probationary"`
	Full         int `json:"full"`
}

func (s *StageCounts) add(st Status, n int) {
	switch st {
	case StatusApplicant:
		s.Applicants += n
	case StatusActivist:
		s.Activists += n
	case StatusCandidate:
		s.Candidates += n
	case StatusProbationary:
		s.Probationary += n
	case StatusFull:
		s.Full += n
	}
}

// ReportRow is one village of the report (one town when the report is
// ByTown), or the whole area's total.
type ReportRow struct {
	// VillageID is the village, or the town when the report is ByTown;
	// 0: organisations outside any village (镇直).
	VillageID  int64       `json:"village_id"`
	Name       string      `json:"name"`
	Stages     StageCounts `json:"stages"`
	Admitted   Breakdown   `json:"admitted"`    // became 预备党员 in the year; ages at admission
	BecameFull int         `json:"became_full"` // became 正式党员 in the year
	Members    Breakdown   `json:"members"`     // 正式+预备 now; ages at the end of the year
}

// DevReport is the development report of an area and a year.
type DevReport struct {
	OrgID      int64       `json:"org_id"`
	Year       int         `json:"year"`
	On         time.Time   `json:"on"` // the day the counts of "now" are taken
	Categories []Category  `json:"categories"`
	AgeBands   []string    `json:"age_bands"`
	Rows       []ReportRow `json:"rows"`
	Total      ReportRow   `json:"total"`
	// ByTown is set when the area is whole towns (a county, a province):
	// the rows are towns, counted from the per-town tallies.
	ByTown bool `json:"by_town"`
}

// DevelopmentReport counts the report over the area the actor may read.
// Over whole towns (a county, a province) it adds up the per-town tallies
// (tallies.go); otherwise it runs four grouped queries whatever the number
// of villages, each over the index range of the area's level (see
// area.cond).
//
// The members' ages are counted at the end of the report's year (31
// December, as the annual 党内统计 counts them): year − birth year.
// Ages at admission are exact on the day of admission.
func (s *Service) DevelopmentReport(ctx context.Context, a *auth.Actor, f ReportFilter) (DevReport, error) {
	today := db.Day(s.Clock.Now())
	if f.Year == 0 {
		f.Year = today.Year()
	}
	fields := apperr.Fields{}
	YearField(fields, "year", f.Year, 2000, today.Year())
	if err := fields.Err(); err != nil {
		return DevReport{}, err
	}
	ar, err := s.areaFor(ctx, a, f.OrgID)
	if err != nil {
		return DevReport{}, err
	}
	rep := DevReport{OrgID: f.OrgID, Year: f.Year, On: today, Categories: ReportCategories, AgeBands: AgeBands}
	rows := reportRows{}
	if ar.aboveTown(a) && ar.townsWhole {
		rep.ByTown = true
		if err := reportByTown(ctx, s.DB, ar, rows, f.Year); err != nil {
			return DevReport{}, err
		}
		rep.Rows, rep.Total = rows.sorted()
		return rep, nil
	}
	from, to := time.Date(f.Year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(f.Year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := reportStages(ctx, s.DB, ar, rows); err != nil {
		return DevReport{}, err
	}
	if err := reportAdmitted(ctx, s.DB, ar, rows, from, to); err != nil {
		return DevReport{}, err
	}
	if err := reportBecameFull(ctx, s.DB, ar, rows, from, to); err != nil {
		return DevReport{}, err
	}
	if err := reportStructure(ctx, s.DB, ar, rows, f.Year); err != nil {
		return DevReport{}, err
	}
	rep.Rows, rep.Total = rows.sorted()
	return rep, nil
}

// reportRows collects the villages' rows as the queries find them.
type reportRows map[int64]*ReportRow

func (rs reportRows) row(villageID int64, name string) *ReportRow {
	r := rs[villageID]
	if r == nil {
		r = &ReportRow{VillageID: villageID, Name: name, Admitted: newBreakdown(), Members: newBreakdown()}
		rs[villageID] = r
	}
	return r
}

// sorted lists the villages in creation order (the seed's order), the
// organisations outside any village last, and adds up the total.
func (rs reportRows) sorted() ([]ReportRow, ReportRow) {
	out := make([]ReportRow, 0, len(rs))
	total := ReportRow{Admitted: newBreakdown(), Members: newBreakdown()}
	for _, r := range rs {
		out = append(out, *r)
		st := &total.Stages
		st.Applicants += r.Stages.Applicants
		st.Activists += r.Stages.Activists
		st.Candidates += r.Stages.Candidates
		st.Probationary += r.Stages.Probationary
		st.Full += r.Stages.Full
		total.Admitted.merge(r.Admitted)
		total.BecameFull += r.BecameFull
		total.Members.merge(r.Members)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].VillageID, out[j].VillageID
		if (a == 0) != (b == 0) {
			return b == 0
		}
		return a < b
	})
	return out, total
}

// reportFrom joins each member's village for its name; the village is
// kept on the member row, so the grouping needs no walk of the tree.
const reportFrom = memberFrom + ` LEFT JOIN orgs v ON v.id = m.village_id`

// reportVillage are the first two columns of every report query.
const reportVillage = `COALESCE(m.village_id, 0), COALESCE(v.name, '')`

func reportStages(ctx context.Context, d db.Queryer, ar area, rows reportRows) error {
	var args db.Args
	q := `SELECT ` + reportVillage + `, m.status, COUNT(*)` + reportFrom + ` WHERE ` + ar.cond(&args) +
		` AND m.status IN ('applicant', 'activist', 'candidate', 'probationary', 'full') GROUP BY 1, 2, 3`
	return eachRow(ctx, d, q, args, func(sc func(...any) error) error {
		var id int64
		var name string
		var st Status
		var n int
		if err := sc(&id, &name, &st, &n); err != nil {
			return err
		}
		rows.row(id, name).Stages.add(st, n)
		return nil
	})
}

// reportAdmitted counts admissions as 预备党员 in [from, to). Age at
// admission needs date arithmetic on two columns, which the two databases
// spell differently; the query groups by both dates instead and the bands
// are worked out here. A year's admissions are few next to the roster.
func reportAdmitted(ctx context.Context, d db.Queryer, ar area, rows reportRows, from, to time.Time) error {
	var args db.Args
	q := `SELECT ` + reportVillage + `, m.category, m.sex, m.birth_date, m.joined_on, COUNT(*)` + reportFrom +
		` WHERE ` + ar.cond(&args) + ` AND m.joined_on >= ` + args.Add(from) + ` AND m.joined_on < ` + args.Add(to) +
		` GROUP BY 1, 2, 3, 4, 5, 6`
	return eachRow(ctx, d, q, args, func(sc func(...any) error) error {
		var id int64
		var name, sex string
		var c Category
		var birth, joined day.Day
		var n int
		if err := sc(&id, &name, &c, &sex, &birth, &joined, &n); err != nil {
			return err
		}
		rows.row(id, name).Admitted.add(c, sex, ageBand(people.AgeOn(birth, joined)), n)
		return nil
	})
}

func reportBecameFull(ctx context.Context, d db.Queryer, ar area, rows reportRows, from, to time.Time) error {
	var args db.Args
	q := `SELECT ` + reportVillage + `, COUNT(*)` + reportFrom + ` WHERE ` + ar.cond(&args) +
		` AND m.full_on >= ` + args.Add(from) + ` AND m.full_on < ` + args.Add(to) + ` GROUP BY 1, 2`
	return eachRow(ctx, d, q, args, func(sc func(...any) error) error {
		var id int64
		var name string
		var n int
		if err := sc(&id, &name, &n); err != nil {
			return err
		}
		rows.row(id, name).BecameFull += n
		return nil
	})
}

// reportStructure counts the party members (正式+预备) now, with their
// ages at the end of the year: age ≤ top ⇔ born on or after 1 January of
// year − top, so the database groups by band itself.
func reportStructure(ctx context.Context, d db.Queryer, ar area, rows reportRows, year int) error {
	var args db.Args
	cond := ar.cond(&args)
	band := `CASE`
	for i, top := range ageBandLimits {
		band += ` WHEN m.birth_date >= ` + args.Add(time.Date(year-top, 1, 1, 0, 0, 0, 0, time.UTC)) + ` THEN ` + strconv.Itoa(i)
	}
	band += ` ELSE ` + strconv.Itoa(len(ageBandLimits)) + ` END`
	q := `SELECT ` + reportVillage + `, m.category, m.sex, ` + band + `, COUNT(*)` + reportFrom + ` WHERE ` + cond +
		` AND m.status IN ('probationary', 'full') GROUP BY 1, 2, 3, 4, 5`
	return eachRow(ctx, d, q, args, func(sc func(...any) error) error {
		var id int64
		var name, sex string
		var c Category
		var b, n int
		if err := sc(&id, &name, &c, &sex, &b, &n); err != nil {
			return err
		}
		rows.row(id, name).Members.add(c, sex, b, n)
		return nil
	})
}

// reportByTown reads the report of an area of whole towns from the
// tallies: the rows of the towns in scope (joined on the organisations'
// path range, as the board's per-town count is; the type spares a look-up
// in the tallies for each village and branch) holding the "now" counts,
// the year's admissions and 转正, and the members' birth years, whose age
// band at the end of the year is worked out here. The rows are handed
// over as they are stored: adding them up in the database took it twice
// as long as reading them (1,400 towns, 40,000 rows).
func reportByTown(ctx context.Context, d db.Queryer, ar area, rows reportRows, year int) error {
	var args db.Args
	q := `SELECT c.town_id, t.name, c.kind, c.year, c.key, c.n FROM member_tallies c JOIN orgs t ON t.id = c.town_id
		WHERE ` + args.Subtree("t.path", ar.paths) + ` AND t.type = 'town' AND (c.kind IN ('` + tallyStatus + `', '` + tallyMembers + `') AND c.year = 0
		OR c.kind IN ('` + tallyAdmitted + `', '` + tallyBecameFull + `') AND c.year = ` + args.Add(year) + `
		OR c.kind = '` + tallyMembersBorn + `')`
	return eachRow(ctx, d, q, args, func(sc func(...any) error) error {
		var town int64
		var name, kind, key string
		var y, n int
		if err := sc(&town, &name, &kind, &y, &key, &n); err != nil {
			return err
		}
		r := rows.row(town, name)
		switch kind {
		case tallyStatus:
			r.Stages.add(Status(key), n)
		case tallyAdmitted:
			r.Admitted.addKey(key, n)
		case tallyBecameFull:
			r.BecameFull += n
		case tallyMembers:
			r.Members.addKey(key, n)
		case tallyMembersBorn:
			r.Members.Ages[ageBand(year-y)] += n
		}
		return nil
	})
}

// addKey adds n to the count a tally's key names: total, women,
// cat:<category> (other when not one of the focus groups) or age:<band>.
func (b *Breakdown) addKey(key string, n int) {
	switch {
	case key == "total":
		b.Total += n
	case key == "women":
		b.Women += n
	case strings.HasPrefix(key, "cat:"):
		b.Categories[categoryColumn(Category(strings.TrimPrefix(key, "cat:")))] += n
	case strings.HasPrefix(key, "age:"):
		if i := slices.Index(AgeBands, strings.TrimPrefix(key, "age:")); i >= 0 {
			b.Ages[i] += n
		}
	}
}

// eachRow runs a query and hands each row's Scan to fn.
func eachRow(ctx context.Context, d db.Queryer, q string, args db.Args, fn func(func(...any) error) error) error {
	rs, err := d.QueryContext(ctx, q, args.Values()...)
	if err != nil {
		return err
	}
	defer rs.Close()
	for rs.Next() {
		if err := fn(rs.Scan); err != nil {
			return err
		}
	}
	return rs.Err()
}

// YearField checks a year lies within [min, max]: the one year rule of
// the development report and of organisational life's yearly records.
func YearField(f apperr.Fields, field string, year, min, max int) {
	if year < min || year > max {
		f.Add(field, "activity.year_range", apperr.Params{"min": min, "max": max})
	}
}
