package members

import (
	"net/http"

	"dangjian/internal/i18n"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) apiMemberImportShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	job, err := h.Svc.Members.Import(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, importJSON(web.LangOf(r), job))
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
