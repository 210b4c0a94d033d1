package commendation

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
)

// showPath is a commendation's page.
func showPath(id int64) string { return "/commendations/" + strconv.FormatInt(id, 10) }

// formInt reads a whole number; empty is zero.
func formInt(r *http.Request, field string, f apperr.Fields) int {
	v := strings.TrimSpace(r.PostFormValue(field))
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		f.Add(field, "error.number", nil)
	}
	return n
}

// formDay reads a date field; empty is the zero day.
func formDay(r *http.Request, field string, f apperr.Fields) day.Day {
	v := strings.TrimSpace(r.PostFormValue(field))
	if v == "" {
		return day.Day{}
	}
	d, err := day.Parse(v)
	if err != nil {
		f.Add(field, "error.date_format", nil)
	}
	return d
}
