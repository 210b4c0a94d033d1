package sites

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// rateSet changes one line of the town's subsidy schedule.
func (h *handlers) rateSet(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	rate := sites.Rate{Level: sites.Level(r.PostFormValue("level")), Kind: sites.Kind(r.PostFormValue("kind")),
		Amount: web.FormYuan(r, "amount", f)}
	err := f.Err()
	if err == nil {
		_, err = h.Svc.Sites.SetRate(r.Context(), web.ActorOf(r), web.QueryInt(r, "town_id"), rate)
	}
	return h.FormDone(w, r, err, "site_list", h.listData, "/sites", "flash.site_rate")
}
