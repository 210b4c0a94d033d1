package members

import (
	"dangjian/internal/web"
	"net/http"
)

// rosterImportShow is an import job's progress and, when it fails, the
// table of bad rows. Until the job finishes the page asks the browser to
// reload itself every two seconds (a Refresh header and a meta tag, no
// script); job state lives in the database, so any server can answer.
func (h *handlers) rosterImportShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	job, err := h.Svc.Members.Import(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	if !job.Finished() {
		w.Header().Set("Refresh", "2")
	}
	return h.Render(w, r, "roster_import_job", map[string]any{"Job": job})
}
