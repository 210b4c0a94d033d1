package members

import (
	"bytes"
	"dangjian/internal/web"
	"net/http"
	"strconv"
)

// memberReportExport sends the development report as an .xlsx file, for
// the page and the API alike.
func (h *handlers) memberReportExport(w http.ResponseWriter, r *http.Request) error {
	rep, err := h.Svc.Members.DevelopmentReport(r.Context(), web.ActorOf(r), reportFilter(r))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := rep.WriteXLSX(&buf); err != nil {
		return err
	}
	return web.SendXLSX(w, "发展党员工作情况统计-"+strconv.Itoa(rep.Year)+".xlsx", buf.Bytes())
}
