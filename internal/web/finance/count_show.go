package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// countShow is a campaign's report, printable on A4: every item counted,
// the discrepancies and their resolutions, and while it is open the forms
// to record, resolve and close.
func (h *handlers) countShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.countForm(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "finance_count", data)
}

// countForm is the report again after its close form.
func (h *handlers) countForm(r *http.Request) (map[string]any, error) {
	id, err := idOf(r)
	if err != nil {
		return nil, err
	}
	return h.countData(r, id)
}

// lineForm is the report again after a line's form, which names its
// campaign in ?count_id= and itself in ?line=.
func (h *handlers) lineForm(r *http.Request) (map[string]any, error) {
	return h.countData(r, web.QueryInt(r, "count_id"))
}

func (h *handlers) countData(r *http.Request, id int64) (map[string]any, error) {
	c, err := h.Svc.Finance.CountReport(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	var gaps []finance.CountLine
	for _, l := range c.Lines {
		if l.Discrepancy {
			gaps = append(gaps, l)
		}
	}
	return map[string]any{"C": c, "Gaps": gaps, "Line": web.QueryInt(r, "line")}, nil
}
