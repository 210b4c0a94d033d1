package members

import (
	"io"
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// rosterImportStart stores the uploaded file as an import job and sends
// the browser to the job's page, which refreshes until the job is done.
// (The CSRF check has already parsed the multipart body.)
func (h *handlers) rosterImportStart(w http.ResponseWriter, r *http.Request) error {
	data, name, err := uploadedFile(r, "file")
	var job members.ImportJob
	if err == nil {
		job, err = h.Svc.Members.StartImport(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), name, data)
	}
	return h.FormDone(w, r, err, "roster_import", h.rosterImportData,
		"/member-imports/"+strconv.FormatInt(job.ID, 10), "")
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
