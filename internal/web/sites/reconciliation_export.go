package sites

import (
	"bytes"
	"net/http"

	"dangjian/internal/web"
)

// reconciliationExport sends the reconciliation as .xlsx, for the page
// and the API alike.
func (h *handlers) reconciliationExport(w http.ResponseWriter, r *http.Request) error {
	rc, err := h.reconciliation(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := rc.WriteXLSX(&buf); err != nil {
		return err
	}
	return web.SendXLSX(w, "阵地建设补助对账-"+rc.On.String()+".xlsx", buf.Bytes())
}
