package appraisal

import (
	"net/http"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/appraisal"
	"dangjian/internal/web"
)

// tallyCreate enters one rater group's counted totals for one cadre from
// the round page's form: the ballots and a sum per criterion (sum_de.party …).
func (h *handlers) tallyCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	cadre := int64(web.FormInt(r, "cadre_id", f))
	t := appraisal.Tally{RoundID: id, Group: appraisal.Group(r.PostFormValue("group")), Ballots: web.FormInt(r, "ballots", f),
		Sums: map[string]int{}}
	for _, c := range appraisal.Criteria() {
		if strings.TrimSpace(r.PostFormValue("sum_"+c.Key())) != "" {
			t.Sums[c.Key()] = web.FormInt(r, "sum_"+c.Key(), f)
		}
	}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Assess.Record(r.Context(), web.ActorOf(r), cadre, t)
	}
	return h.FormDone(w, r, err, "appraisal_show", h.showData, showPath(id), "flash.appraisal_tally")
}
