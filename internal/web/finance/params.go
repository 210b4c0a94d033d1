package finance

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// villagePage renders a page about one village (?org_id=), first asking
// which village when the viewer reads several and named none.
func (h *handlers) villagePage(w http.ResponseWriter, r *http.Request, page string,
	load func(r *http.Request, orgID int64) (map[string]any, error)) error {
	orgID := web.QueryInt(r, "org_id")
	if orgID == 0 {
		vs, err := h.Svc.Finance.Villages(r.Context(), web.ActorOf(r))
		if err != nil {
			return err
		}
		if len(vs) != 1 {
			return h.pickVillage(w, r, vs)
		}
		orgID = vs[0].ID
	}
	data, err := load(r, orgID)
	if err != nil {
		return err
	}
	return h.Render(w, r, page, data)
}

// pickVillage lists the villages to choose from, each linking back to the
// page with ?org_id=.
func (h *handlers) pickVillage(w http.ResponseWriter, r *http.Request, vs []finance.Village) error {
	rows := make([]map[string]any, len(vs))
	for i, v := range vs {
		q := url.Values{}
		for k, x := range r.URL.Query() {
			q[k] = x
		}
		q.Set("org_id", strconv.FormatInt(v.ID, 10))
		rows[i] = map[string]any{"Name": v.Name, "Link": r.URL.Path + "?" + q.Encode()}
	}
	return h.Render(w, r, "finance_pick", map[string]any{"Villages": rows})
}

// formYuan reads an amount typed in 元 into 分; a statement balance may
// be negative (an overdrawn account), so a leading minus is kept.
func formYuan(r *http.Request, field string, f apperr.Fields) finance.Fen {
	v := strings.TrimSpace(r.PostFormValue(field))
	if rest, neg := strings.CutPrefix(v, "-"); neg {
		return -web.Yuan(rest, field, f)
	}
	return web.Yuan(v, field, f)
}

// formDay reads a YYYY-MM-DD field.
func formDay(r *http.Request, field string, f apperr.Fields) day.Day {
	d, err := day.Parse(strings.TrimSpace(r.PostFormValue(field)))
	if err != nil {
		f.Add(field, "error.date_format", nil)
	}
	return d
}

// period is ?period=, or this month.
func (h *handlers) period(r *http.Request) string {
	if p := strings.TrimSpace(r.FormValue("period")); p != "" {
		return p
	}
	return finance.PeriodOf(day.Today(h.Svc.Clock))
}

// lastMonth is the month before this one, the one usually closed next.
func (h *handlers) lastMonth() string {
	return finance.PeriodOf(day.Today(h.Svc.Clock).AddMonths(-1))
}

// booksLink is the books page of a village.
func booksLink(orgID int64) string { return "/finance/books?org_id=" + strconv.FormatInt(orgID, 10) }

// idOf reads the record id of a page action: the path's {id}.
func idOf(r *http.Request) (int64, error) { return web.PathID(r, "id") }

// statementsJSON is both statements of a month.
type statementsJSON struct {
	BalanceSheet    finance.BalanceSheet    `json:"balance_sheet"`
	IncomeStatement finance.IncomeStatement `json:"income_statement"`
}

// statements reads both statements of ?period= for page and API.
func (h *handlers) statements(r *http.Request, orgID int64) (statementsJSON, error) {
	a := web.ActorOf(r)
	bs, err := h.Svc.Finance.BalanceSheet(r.Context(), a, orgID, r.FormValue("period"))
	if err != nil {
		return statementsJSON{}, err
	}
	is, err := h.Svc.Finance.IncomeStatement(r.Context(), a, orgID, r.FormValue("period"))
	return statementsJSON{bs, is}, err
}

// townPath is the path of the actor's binding on a town, "" without one.
func townPath(a *auth.Actor, townID int64) string {
	for _, b := range a.Bindings {
		if b.OrgID == townID {
			return b.OrgPath
		}
	}
	return ""
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// writeJSON writes a use case's result with status, or returns its error.
func writeJSON[T any](w http.ResponseWriter, status int, v T, err error) error {
	if err != nil {
		return err
	}
	web.WriteJSON(w, status, v)
	return nil
}
