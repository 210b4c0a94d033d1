package finance

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// countRecord records what was found of one item (value in 元).
func (h *handlers) countRecord(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	qty, qerr := strconv.ParseInt(strings.TrimSpace(r.PostFormValue("found_qty")), 10, 64)
	if qerr != nil {
		qty = -1 // the use case refuses it, once it has decided the actor's scope
	}
	in := finance.CountResult{FoundQty: qty, FoundValue: formYuan(r, "found_value", f), Note: r.PostFormValue("note")}
	var l finance.CountLine
	if err = f.Err(); err == nil {
		l, err = h.Svc.Finance.RecordCount(r.Context(), web.ActorOf(r), id, in)
	}
	return h.FormDone(w, r, err, "finance_count", h.lineForm, countLink(l.CountID), "flash.finance_count_recorded")
}
