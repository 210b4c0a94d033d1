package members

import (
	"bytes"
	"dangjian/internal/web"
	"net/http"
	"time"
)

// rosterExport sends the filtered roster as an .xlsx file, for pages and
// the API alike; full=1 asks for full id numbers, which the use case
// allows only with people.reveal and logs.
func (h *handlers) rosterExport(w http.ResponseWriter, r *http.Request) error {
	f := memberFilter(r)
	var buf bytes.Buffer
	if err := h.Svc.Members.Export(r.Context(), web.ActorOf(r), f, r.FormValue("full") == "1", &buf); err != nil {
		return err
	}
	name := "党员名册-" + h.Svc.Clock.Now().In(time.UTC).Format("20060102") + ".xlsx"
	return web.SendXLSX(w, name, buf.Bytes())
}
