package members

import (
	"io"
	"net/http"

	"dangjian/internal/web"
)

// apiMemberImportStart takes the .xlsx file as the request body.
func (h *handlers) apiMemberImportStart(w http.ResponseWriter, r *http.Request) error {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 21<<20))
	if err != nil {
		return err
	}
	name := r.URL.Query().Get("file_name")
	if name == "" {
		name = "roster.xlsx"
	}
	job, err := h.Svc.Members.StartImport(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), name, data)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusAccepted, importJSON(web.LangOf(r), job))
	return nil
}
