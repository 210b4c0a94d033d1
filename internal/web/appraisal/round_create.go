package appraisal

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/appraisal"
	"dangjian/internal/web"
)

// roundCreate opens a village's round of a year.
func (h *handlers) roundCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := appraisal.NewRound{OrgID: int64(web.FormInt(r, "org_id", f)), Year: web.FormInt(r, "year", f),
		HeldOn: web.FormDay(r, "held_on", f), Weights: map[appraisal.Group]int{},
		Cuts: appraisal.Cuts{Excellent: web.FormInt(r, "cut_excellent", f), Competent: web.FormInt(r, "cut_competent", f),
			Basic: web.FormInt(r, "cut_basic", f)}}
	for _, g := range appraisal.Groups {
		in.Weights[g] = web.FormInt(r, "weight_"+string(g), f)
	}
	var sh appraisal.Sheet
	err := f.Err()
	if err == nil {
		sh, err = h.Svc.Assess.Open(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "appraisal_list", h.listData, showPath(sh.Round.ID), "flash.appraisal_opened")
}
