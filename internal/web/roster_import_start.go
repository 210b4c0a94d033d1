package web

import (
	"io"
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
)

// rosterImportStart stores the uploaded file as an import job and sends
// the browser to the job's page, which refreshes until the job is done.
// (The CSRF check has already parsed the multipart body.)
func (s *Server) rosterImportStart(w http.ResponseWriter, r *http.Request) error {
	data, name, err := uploadedFile(r, "file")
	if err == nil {
		var id int64
		job, serr := s.svc.Members.StartImport(r.Context(), actorOf(r), queryInt(r, "org_id"), name, data)
		id, err = job.ID, serr
		if err == nil {
			return s.redirect(w, r, "/member-imports/"+strconv.FormatInt(id, 10), "")
		}
	}
	d, derr := s.rosterImportData(r)
	if derr != nil {
		return derr
	}
	return s.renderForm(w, r, "roster_import", d, err)
}

// uploadedFile reads one uploaded file of a multipart form.
func uploadedFile(r *http.Request, field string) ([]byte, string, error) {
	file, header, err := r.FormFile(field)
	if err != nil {
		return nil, "", apperr.Invalid(field, "excel.no_file", nil)
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	return data, header.Filename, err
}
