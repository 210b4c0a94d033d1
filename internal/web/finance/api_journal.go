package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiJournal(w http.ResponseWriter, r *http.Request) error {
	limit, err := web.Limit(r)
	if err != nil {
		return err
	}
	vs, err := h.Svc.Finance.Journal(r.Context(), web.ActorOf(r), finance.JournalFilter{OrgID: web.QueryInt(r, "org_id"),
		Period: r.FormValue("period"), After: web.QueryInt(r, "after"), Limit: limit})
	if err != nil {
		return err
	}
	return web.WriteList(w, vs, limit, func(i int) int64 { return vs[i].Number })
}
