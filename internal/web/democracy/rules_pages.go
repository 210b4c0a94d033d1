package democracy

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/democracy"
	"dangjian/internal/web"
)

// ruleRow is one named rule as the rules page shows it.
type ruleRow struct {
	Name    string
	Share   bool
	Value   democracy.Share
	Default democracy.Share
}

// ruleList shows the values in force in the user's town, with a form per
// rule for those who may set them (democracy.rules).
func (h *handlers) ruleList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.ruleData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "rule_list", data)
}

func (h *handlers) ruleData(r *http.Request) (map[string]any, error) {
	a := web.ActorOf(r)
	town, err := h.Town(r)
	if err != nil {
		return nil, err
	}
	if town == 0 {
		return nil, apperr.NotFound()
	}
	rules, err := h.Svc.Democracy.TownRules(r.Context(), a, town)
	if err != nil {
		return nil, err
	}
	rows := make([]ruleRow, 0, len(democracy.RuleNames))
	for _, n := range democracy.RuleNames {
		rows = append(rows, ruleRow{Name: n, Share: democracy.IsShare(n), Value: rules.Get(n), Default: democracy.DefaultRules[n]})
	}
	return map[string]any{"Rules": rows, "TownID": town}, nil
}

// ruleSet sets one rule's value for the town.
func (h *handlers) ruleSet(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	town := web.QueryInt(r, "town_id")
	v := democracy.Share{Num: formInt(r, "num", f), Den: formInt(r, "den", f), Strict: r.PostFormValue("strict") == "1"}
	err := f.Err()
	if err == nil {
		err = h.Svc.Democracy.SetRule(r.Context(), web.ActorOf(r), town, r.PostFormValue("rule"), v)
	}
	return h.FormDone(w, r, err, "rule_list", h.ruleData, "/democracy-rules?town_id="+strconv.FormatInt(town, 10), "flash.feedback_done")
}
