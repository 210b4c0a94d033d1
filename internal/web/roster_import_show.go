package web

import "net/http"

// rosterImportShow is an import job's progress and, when it fails, the
// table of bad rows. Until the job finishes the page asks the browser to
// reload itself every two seconds (a Refresh header and a meta tag, no
// script); job state lives in the database, so any server can answer.
func (s *Server) rosterImportShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	job, err := s.svc.Members.Import(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	if !job.Finished() {
		w.Header().Set("Refresh", "2")
	}
	return s.render(w, r, "roster_import_job", map[string]any{"Job": job})
}
