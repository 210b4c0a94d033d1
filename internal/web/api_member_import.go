package web

import (
	"io"
	"net/http"

	"dangjian/internal/i18n"
	"dangjian/internal/members"
)

// apiMemberImportStart takes the .xlsx file as the request body.
func (s *Server) apiMemberImportStart(w http.ResponseWriter, r *http.Request) error {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 21<<20))
	if err != nil {
		return err
	}
	name := r.URL.Query().Get("file_name")
	if name == "" {
		name = "roster.xlsx"
	}
	job, err := s.svc.Members.StartImport(r.Context(), actorOf(r), queryInt(r, "org_id"), name, data)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusAccepted, importJSON(langOf(r), job))
	return nil
}

func (s *Server) apiMemberImportShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	job, err := s.svc.Members.Import(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, importJSON(langOf(r), job))
	return nil
}

// importJSON is a job with its errors translated for the reader.
func importJSON(lang i18n.Lang, j members.ImportJob) map[string]any {
	errs := make([]map[string]any, 0, len(j.Errors))
	for _, e := range j.Errors {
		errs = append(errs, map[string]any{"row": e.Row, "column": e.ColumnName(lang), "field": e.Column,
			"code": e.Key, "message": e.Message(lang)})
	}
	return map[string]any{"id": j.ID, "org_id": j.OrgID, "file_name": j.FileName, "state": j.State,
		"total_rows": j.Total, "done_rows": j.Done, "percent": j.Percent(), "inserted": j.Inserted,
		"error_count": j.ErrorRows, "errors": errs}
}
