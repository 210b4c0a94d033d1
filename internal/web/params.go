package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/money"
	"dangjian/internal/org"
)

// PathID reads a numeric path value; anything else is "not found", since
// no record has such an id.
func PathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.NotFound()
	}
	return id, nil
}

// Query reads a parameter of the address only: nothing is parsed for an
// address without a query, which keeps a cached public page's hit cheap.
func Query(r *http.Request, name string) string {
	if r.URL.RawQuery == "" {
		return ""
	}
	return r.URL.Query().Get(name)
}

// QueryInt reads an optional numeric query or form value; a malformed one
// counts as absent.

func QueryInt(r *http.Request, name string) int64 {
	v, _ := strconv.ParseInt(strings.TrimSpace(r.FormValue(name)), 10, 64)
	return v
}

// FormDate reads a YYYY-MM-DD field into f's problems when malformed.
func FormDate(r *http.Request, name string, f apperr.Fields) time.Time {
	s := strings.TrimSpace(r.FormValue(name))
	if s == "" {
		return time.Time{}
	}
	t, err := db.ParseDay(s)
	if err != nil {
		f.Add(name, "error.date_format", nil)
		return time.Time{}
	}
	return t
}

// FormInt reads a whole number from a form field into f's problems when
// malformed; empty is zero.
func FormInt(r *http.Request, name string, f apperr.Fields) int {
	s := strings.TrimSpace(r.PostFormValue(name))
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		f.Add(name, "error.number", nil)
	}
	return n
}

// FormDay reads a YYYY-MM-DD field as a calendar day into f's problems
// when malformed; empty is the zero day.
func FormDay(r *http.Request, name string, f apperr.Fields) day.Day {
	s := strings.TrimSpace(r.PostFormValue(name))
	if s == "" {
		return day.Day{}
	}
	d, err := day.Parse(s)
	if err != nil {
		f.Add(name, "error.date_format", nil)
	}
	return d
}

// Town is the town a page is about: ?town_id=, else the user's first
// town, else, for a user bound above the towns (a county), the first town
// they may read; 0 when they see none. Whether they may read the town
// named is the use case's decision, as always.
func (h Handlers) Town(r *http.Request) (int64, error) {
	if id := QueryInt(r, "town_id"); id != 0 {
		return id, nil
	}
	a := ActorOf(r)
	if towns := a.TownIDs(); len(towns) > 0 {
		return towns[0], nil
	}
	towns, err := h.Svc.Org.List(r.Context(), a, org.Filter{Type: org.TypeTown, Limit: 1})
	if err != nil || len(towns) == 0 {
		return 0, err
	}
	return towns[0].ID, nil
}

// YearList reads a yearly list's filter (?year=, ?after=) with the page
// size a page or the API chose.
func YearList(r *http.Request, limit int) db.YearList {
	return db.YearList{Year: int(QueryInt(r, "year")), After: QueryInt(r, "after"), Limit: limit}
}

// Yuan reads an amount typed in 元 ("5000", "5,000.50", "0.5 元") into 分;
// a malformed one goes into f under field. Empty is zero.
func Yuan(v, field string, f apperr.Fields) money.Fen {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	fen, ok := money.ParseYuan(v)
	if !ok {
		f.Add(field, "money.format", nil)
	}
	return fen
}

// FormYuan reads a posted amount in 元 (see Yuan).
func FormYuan(r *http.Request, field string, f apperr.Fields) money.Fen {
	return Yuan(r.PostFormValue(field), field, f)
}
