package web

import (
	"bytes"
	"net/http"
	"strconv"
)

// memberReportExport sends the development report as an .xlsx file, for
// the page and the API alike.
func (s *Server) memberReportExport(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.svc.Members.DevelopmentReport(r.Context(), actorOf(r), reportFilter(r))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := rep.WriteXLSX(&buf); err != nil {
		return err
	}
	return sendXLSX(w, "发展党员工作情况统计-"+strconv.Itoa(rep.Year)+".xlsx", buf.Bytes())
}
