package centres

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/web"
)

// jsonDay reads a day of a JSON body into f's problems when malformed.
func jsonDay(f apperr.Fields, name, s string) day.Day {
	if s == "" {
		return day.Day{}
	}
	d, err := day.Parse(s)
	if err != nil {
		f.Add(name, "error.date_format", nil)
	}
	return d
}

// yuan shows 分 as 元 with two decimals.
func yuan(fen int64) string {
	return strconv.FormatInt(fen/100, 10) + "." + strconv.FormatInt(fen%100/10, 10) + strconv.FormatInt(fen%10, 10)
}

// yearParam reads ?year=, defaulting to this year.
func (h *handlers) yearParam(r *http.Request) int {
	if y := web.QueryInt(r, "year"); y > 1900 && y < 3000 {
		return int(y)
	}
	return h.Svc.Clock.Now().Year()
}

// idPath is a path with an id.
func idPath(prefix string, id int64, rest ...string) string {
	return prefix + strconv.FormatInt(id, 10) + strings.Join(rest, "")
}

// today is the server's current day, for form defaults.
func (h *handlers) today() string { return day.Today(h.Svc.Clock).String() }

// todayDay is the server's current day.
func (h *handlers) todayDay() day.Day { return day.Today(h.Svc.Clock) }
