package members

import (
	"bytes"
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// rosterTemplate sends the empty roster workbook to fill in and import.
func (h *handlers) rosterTemplate(w http.ResponseWriter, r *http.Request) error {
	var buf bytes.Buffer
	if err := members.Template(&buf); err != nil {
		return err
	}
	return web.SendXLSX(w, "党员名册导入模板.xlsx", buf.Bytes())
}
