package web

import (
	"net/http"
	"net/url"
	"strconv"
)

// SendXLSX writes a workbook as a download named name; old browsers that
// ignore the UTF-8 name get a plain ASCII one.
func SendXLSX(w http.ResponseWriter, name string, b []byte) error {
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="export.xlsx"; filename*=UTF-8''`+url.PathEscape(name))
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Header().Set("Cache-Control", "no-store")
	_, err := w.Write(b)
	return err
}
