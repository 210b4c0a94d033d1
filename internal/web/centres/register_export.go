package centres

import (
	"bytes"
	"net/http"

	"dangjian/internal/web"
)

// registerExport sends a register as a workbook headed by who exported it
// and when; pages and the API alike. Every person in it is logged as read.
func (h *handlers) registerExport(w http.ResponseWriter, r *http.Request) error {
	f, err := registerFilter(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := h.Svc.Centres.ExportRegister(r.Context(), web.ActorOf(r), f, &buf); err != nil {
		return err
	}
	name := map[string]string{"key": "重点人群", "vulnerable": "弱势群体"}[f.Register] + "-" +
		h.Svc.Clock.Now().UTC().Format("20060102") + ".xlsx"
	return web.SendXLSX(w, name, buf.Bytes())
}
