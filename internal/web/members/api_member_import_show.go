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

// importJobJSON is an import job as the API shows it, its errors
// translated for the reader.
type importJobJSON struct {
	ID         int64             `json:"id"`
	OrgID      int64             `json:"org_id"`
	FileName   string            `json:"file_name"`
	State      string            `json:"state"`
	TotalRows  int               `json:"total_rows"`
	DoneRows   int               `json:"done_rows"`
	Percent    int               `json:"percent"`
	Inserted   int               `json:"inserted"`
	ErrorCount int               `json:"error_count"`
	Errors     []importErrorJSON `json:"errors"`
}

// importErrorJSON is one problem of a row: where, which rule, and why in
// the reader's language.
type importErrorJSON struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// importJSON is a job with its errors translated for the reader.
func importJSON(lang i18n.Lang, j members.ImportJob) importJobJSON {
	errs := make([]importErrorJSON, 0, len(j.Errors))
	for _, e := range j.Errors {
		errs = append(errs, importErrorJSON{Row: e.Row, Column: e.ColumnName(lang), Field: e.Column,
			Code: e.Key, Message: e.Message(lang)})
	}
	return importJobJSON{ID: j.ID, OrgID: j.OrgID, FileName: j.FileName, State: j.State,
		TotalRows: j.Total, DoneRows: j.Done, Percent: j.Percent(), Inserted: j.Inserted,
		ErrorCount: j.ErrorRows, Errors: errs}
}
