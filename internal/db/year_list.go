package db

import (
	"strconv"
	"strings"
)

// YearList selects a list of yearly records (a credibility survey, a
// commendation, an assessment round) shown newest year first and paged by
// the last id of the previous page.
type YearList struct {
	Year  int   // 0: every year
	After int64 // keyset: the last id of the previous page
	Limit int
}

// Query is the rest of the list's query after WHERE: scope (the caller's
// own condition) and the filter's conditions on table, aliased as alias
// in the FROM, then the order and the limit (50 unless asked, at most 200).
func (f YearList) Query(args *Args, alias, table, scope string) string {
	where := []string{scope}
	if f.Year != 0 {
		where = append(where, alias+".year = "+args.Add(f.Year))
	}
	if f.After != 0 {
		p := args.Add(f.After)
		year := `(SELECT year FROM ` + table + ` WHERE id = ` + p + `)`
		where = append(where, `(`+alias+`.year < `+year+` OR (`+alias+`.year = `+year+` AND `+alias+`.id < `+p+`))`)
	}
	return strings.Join(where, " AND ") + ` ORDER BY ` + alias + `.year DESC, ` + alias + `.id DESC LIMIT ` +
		strconv.Itoa(Limit(f.Limit, 50, 200))
}
