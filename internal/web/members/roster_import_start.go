package members

import (
	"io"
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// rosterImportStart stores the uploaded file as an import job and sends
// the browser to the job's page, which refreshes until the job is done.
// (The CSRF check has already parsed the multipart body.)
func (h *handlers) rosterImportStart(w http.ResponseWriter, r *http.Request) error {
	data, name, err := uploadedFile(r, "file")
	if err == nil {
		var id int64
		job, serr := h.svc.Members.StartImport(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), name, data)
		id, err = job.ID, serr
		if err == nil {
			return h.Redirect(w, r, "/member-imports/"+strconv.FormatInt(id, 10), "")
		}
	}
	d, derr := h.rosterImportData(r)
	if derr != nil {
		return derr
	}
	return h.RenderForm(w, r, "roster_import", d, err)
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
