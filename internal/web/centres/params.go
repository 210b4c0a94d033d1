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

// formYuan reads an amount typed in 元 as 分.
func formYuan(s string, f apperr.Fields, field string) int64 {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 {
		f.Add(field, "centres.amount", nil)
		return 0
	}
	frac += strings.Repeat("0", 2-len(frac))
	y, err1 := strconv.ParseInt(whole, 10, 64)
	c, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || y < 0 || y > 100_000_000 {
		f.Add(field, "centres.amount", nil)
		return 0
	}
	return y*100 + c
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
