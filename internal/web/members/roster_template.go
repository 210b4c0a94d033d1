package members

import (
	"bytes"
	"net/http"
	"net/url"

	"dangjian/internal/members"
)

// rosterTemplate sends the empty roster workbook to fill in and import.
func (h *handlers) rosterTemplate(w http.ResponseWriter, r *http.Request) error {
	var buf bytes.Buffer
	if err := members.Template(&buf); err != nil {
		return err
	}
	return sendXLSX(w, "党员名册导入模板.xlsx", buf.Bytes())
}

func urlPathEscape(s string) string { return url.PathEscape(s) }
