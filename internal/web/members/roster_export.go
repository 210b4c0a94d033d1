package members

import (
	"bytes"
	"dangjian/internal/web"
	"net/http"
	"strconv"
	"time"
)

// rosterExport sends the filtered roster as an .xlsx file, for pages and
// the API alike; full=1 asks for full id numbers, which the use case
// allows only with people.reveal and logs.
func (h *handlers) rosterExport(w http.ResponseWriter, r *http.Request) error {
	f := memberFilter(r)
	var buf bytes.Buffer
	if err := h.svc.Members.Export(r.Context(), web.ActorOf(r), f, r.FormValue("full") == "1", &buf); err != nil {
		return err
	}
	name := "党员名册-" + h.svc.Clock.Now().In(time.UTC).Format("20060102") + ".xlsx"
	return sendXLSX(w, name, buf.Bytes())
}

// sendXLSX writes a workbook as a download.
func sendXLSX(w http.ResponseWriter, name string, b []byte) error {
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="roster.xlsx"; filename*=UTF-8''`+urlPathEscape(name))
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Header().Set("Cache-Control", "no-store")
	_, err := w.Write(b)
	return err
}
