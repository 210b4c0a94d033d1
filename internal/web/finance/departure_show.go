package finance

import (
	"net/http"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/finance"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// departureShow is the 离任审计 of a cadre of a village over a term: the
// choice of cadre and term, then the report, printable on A4.
func (h *handlers) departureShow(w http.ResponseWriter, r *http.Request) error {
	return h.villagePage(w, r, "finance_departure", func(r *http.Request, orgID int64) (map[string]any, error) {
		cadres, err := h.Svc.Finance.Cadres(r.Context(), web.ActorOf(r), orgID)
		if err != nil {
			return nil, err
		}
		data := map[string]any{"OrgID": orgID, "Cadres": cadres, "From": r.FormValue("from"), "To": r.FormValue("to"),
			"UserID": web.QueryInt(r, "user_id")}
		if web.QueryInt(r, "user_id") == 0 {
			return data, nil
		}
		da, err := h.departure(r, orgID)
		if err != nil {
			return nil, err
		}
		data["A"] = da
		return data, nil
	})
}

// departure reads ?user_id=, ?from= and ?to= (default: the start of the
// year to today) and builds the report.
func (h *handlers) departure(r *http.Request, orgID int64) (finance.DepartureAudit, error) {
	today := day.Today(h.Svc.Clock)
	from, err1 := day.Parse(strings.TrimSpace(r.FormValue("from")))
	to, err2 := day.Parse(strings.TrimSpace(r.FormValue("to")))
	if err1 != nil || err2 != nil {
		return finance.DepartureAudit{}, apperr.Invalid("from", "error.date_format", nil)
	}
	if from.IsZero() {
		from = day.New(today.Year(), 1, 1)
	}
	if to.IsZero() {
		to = today
	}
	return h.Svc.Finance.DepartureAudit(r.Context(), web.ActorOf(r), orgID, web.QueryInt(r, "user_id"), from, to)
}

// departureXLSX is the same report as a workbook.
func (h *handlers) departureXLSX(w http.ResponseWriter, r *http.Request) error {
	da, err := h.departure(r, web.QueryInt(r, "org_id"))
	if err != nil {
		return err
	}
	lang := web.LangOf(r)
	b, err := finance.DepartureAuditXLSX(da,
		func(s string) string { return i18n.T(lang, "finance.status."+s, nil) },
		func(s string) string { return i18n.T(lang, "finance.part."+s, nil) },
		func(s string) string { return i18n.T(lang, "finance.count_state."+s, nil) })
	if err != nil {
		return err
	}
	return web.SendXLSX(w, "离任审计-"+da.Cadre+".xlsx", b)
}
