package members

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/org"
)

// Import states. A job moves queued → validating → done, or ends failed
// (the file has bad rows; nothing was written) or error (an internal
// failure; nothing was written either). Rows are checked and written in
// one pass, in one transaction, so "validating" covers both.
const (
	ImportQueued     = "queued"
	ImportValidating = "validating"
	ImportDone       = "done"
	ImportFailed     = "failed"
	ImportError      = "error"
)

const (
	importBatch     = 500      // rows checked against the roster and written at once
	importMaxBytes  = 20 << 20 // 20 MiB: about 200,000 roster rows
	importMaxErrors = 500      // errors kept for the report; the count is exact
)

// ImportJob is one roster import and its progress.
type ImportJob struct {
	ID        int64      `json:"id"`
	OrgID     int64      `json:"org_id"`
	OrgName   string     `json:"org_name"`
	FileName  string     `json:"file_name"`
	State     string     `json:"state"`
	Total     int        `json:"total_rows"`
	Done      int        `json:"done_rows"`
	Inserted  int        `json:"inserted"`
	Errors    []RowError `json:"errors"`
	ErrorRows int        `json:"error_count"`
	UpdatedAt time.Time  `json:"updated_at"`
}

// Finished reports whether the job will change no more.
func (j ImportJob) Finished() bool {
	return j.State == ImportDone || j.State == ImportFailed || j.State == ImportError
}

// Percent is the progress for the page's bar; the last percent is the
// commit.
func (j ImportJob) Percent() int {
	switch {
	case j.Finished():
		return 100
	case j.Total > 0:
		return min(99, 100*j.Done/j.Total)
	}
	return 0
}

// StartImport stores an uploaded roster as a job and starts it in the
// background. The actor must be able to write members under the
// organisation the file is for (a branch, a village or the town).
func (s *Service) StartImport(ctx context.Context, a *auth.Actor, orgID int64, fileName string, data []byte) (ImportJob, error) {
	now := s.Clock.Now()
	var userID int64
	if a != nil {
		userID = a.UserID
	}
	var id int64
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		f := apperr.Fields{}
		pl, _, err := placeFor(ctx, tx, a, f, "org_id", orgID, auth.PermMemberWrite)
		if err != nil {
			return err
		}
		switch {
		case len(data) == 0:
			f.Add("file", "excel.no_file", nil)
		case len(data) > importMaxBytes:
			f.Add("file", "excel.too_big", apperr.Params{"mb": importMaxBytes >> 20})
		}
		if err := f.Err(); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `INSERT INTO member_imports(org_id, town_id, user_id, file_name, file_data, state,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
			pl.ID, db.NullID(pl.TownID), db.NullID(userID), fileName, data, ImportQueued, now).Scan(&id)
	})
	if err != nil {
		return ImportJob{}, err
	}
	s.Background(func() { _ = s.RunImport(context.Background(), id) })
	return s.job(ctx, id)
}

// Import reads a job's progress and report, for anyone who may read
// members where it was started.
func (s *Service) Import(ctx context.Context, a *auth.Actor, id int64) (ImportJob, error) {
	j, err := s.job(ctx, id)
	if err != nil {
		return j, err
	}
	pl, err := placeOf(ctx, s.DB, j.OrgID)
	if err != nil {
		return ImportJob{}, err
	}
	if err := DecideMemberScope(a, auth.PermMemberRead, pl.Path); err != nil {
		return ImportJob{}, err
	}
	s.overlay(&j)
	s.resumeStale(ctx, j)
	return j, nil
}

// importStale is how long a queued or validating job may go without
// progress before whoever looks at it starts it again: the server that
// ran it has stopped. Its file is still in the row, and its rows and its
// end are committed together, so a job still validating wrote nothing
// and starting over is safe.
const importStale = 10 * time.Minute

func (s *Service) resumeStale(ctx context.Context, j ImportJob) {
	if j.State != ImportQueued && j.State != ImportValidating {
		return
	}
	if _, here := s.running.Load(j.ID); here {
		return // this server is running it
	}
	now := s.Clock.Now()
	res, err := s.DB.ExecContext(ctx, `UPDATE member_imports SET state = $1, updated_at = $2
		WHERE id = $3 AND state IN ($4, $5) AND updated_at < $6`,
		ImportQueued, now, j.ID, ImportQueued, ImportValidating, now.Add(-importStale))
	if err != nil {
		return
	}
	if n, _ := res.RowsAffected(); n == 1 {
		s.Background(func() { _ = s.RunImport(context.Background(), j.ID) })
	}
}

func (s *Service) job(ctx context.Context, id int64) (ImportJob, error) {
	var j ImportJob
	var errs string
	err := s.DB.QueryRowContext(ctx, `SELECT i.id, i.org_id, o.name, i.file_name, i.state, i.total_rows, i.done_rows,
		i.inserted, i.errors_json, i.updated_at FROM member_imports i JOIN orgs o ON o.id = i.org_id WHERE i.id = $1`, id).
		Scan(&j.ID, &j.OrgID, &j.OrgName, &j.FileName, &j.State, &j.Total, &j.Done, &j.Inserted, &errs, &j.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return j, apperr.NotFound()
	}
	if err != nil {
		return j, err
	}
	if errs != "" {
		var rep importReport
		if err := json.Unmarshal([]byte(errs), &rep); err != nil {
			return j, err
		}
		j.Errors, j.ErrorRows = rep.Errors, rep.Count
	}
	return j, nil
}

type importReport struct {
	Count  int        `json:"count"`
	Errors []RowError `json:"errors"`
}

// RunImport reads, checks and writes the file in one pass inside one
// transaction with one audit record: when any row is bad, every problem
// is reported and nothing is kept. A job that is not queued (already
// taken) is left alone.
func (s *Service) RunImport(ctx context.Context, id int64) error {
	now := s.Clock.Now()
	res, err := s.DB.ExecContext(ctx, `UPDATE member_imports SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4`,
		ImportValidating, now, id, ImportQueued)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	err = s.runImport(ctx, id)
	if err != nil {
		_, _ = s.DB.ExecContext(ctx, `UPDATE member_imports SET state = $1, file_data = NULL, updated_at = $2 WHERE id = $3`,
			ImportError, s.Clock.Now(), id)
	}
	return err
}

func (s *Service) runImport(ctx context.Context, id int64) error {
	var orgID, userID int64
	var data []byte
	if err := s.DB.QueryRowContext(ctx, `SELECT org_id, COALESCE(user_id, 0), file_data FROM member_imports WHERE id = $1`, id).
		Scan(&orgID, &userID, &data); err != nil {
		return err
	}
	actor, err := s.importActor(ctx, userID)
	if err != nil {
		return err
	}
	board := s.progressOf(id)
	defer s.running.Delete(id)
	var run *importRun
	err = s.DB.BulkTx(ctx, func(tx *sql.Tx) error {
		if run, err = s.newImportRun(ctx, tx, id, orgID, board); err != nil {
			return err
		}
		if err := run.readAll(data); err != nil {
			return err
		}
		if len(run.errs) > 0 {
			return errImportRefused // nothing of the file is kept
		}
		if err := audit.Record(ctx, tx, run.now, actor, audit.Entry{Action: "member.import", Entity: "member_import",
			EntityID: id, OrgID: orgID, After: map[string]any{"rows": run.inserted}}); err != nil {
			return err
		}
		// The job is done in the transaction that wrote its rows: a crash
		// leaves either both or a job still validating, which is started
		// again once stale.
		return finishImport(ctx, tx, run.now, id, ImportDone, run.total, run.inserted, nil)
	})
	switch {
	case errors.Is(err, errImportRefused):
		return finishImport(ctx, s.DB, s.Clock.Now(), id, ImportFailed, run.total, 0, run.errs)
	case db.IsUniqueViolation(err):
		// Someone added one of these people while the file was read.
		return finishImport(ctx, s.DB, s.Clock.Now(), id, ImportFailed, run.total, 0, []RowError{{Row: 1, Column: "id_number", Key: "excel.conflict"}})
	}
	return err
}

// errImportRefused rolls an import back because its file has bad rows.
var errImportRefused = errors.New("members: import refused")

// finishImport records how a job ended and drops its file.
func finishImport(ctx context.Context, q db.Queryer, now time.Time, id int64, state string, total, inserted int, errs []RowError) error {
	report := ""
	if len(errs) > 0 {
		rep := importReport{Count: len(errs), Errors: errs}
		if len(rep.Errors) > importMaxErrors {
			rep.Errors = rep.Errors[:importMaxErrors]
		}
		b, err := json.Marshal(rep)
		if err != nil {
			return err
		}
		report = string(b)
	}
	_, err := q.ExecContext(ctx, `UPDATE member_imports SET state = $1, total_rows = $2, done_rows = $2, inserted = $3,
		errors_json = $4, file_data = NULL, updated_at = $5 WHERE id = $6`, state, total, inserted, report, now, id)
	return err
}

// importActor names the audit actor of a job from its user.
func (s *Service) importActor(ctx context.Context, userID int64) (audit.Actor, error) {
	if userID == 0 {
		return audit.System, nil
	}
	act := audit.Actor{ID: userID}
	err := s.DB.QueryRowContext(ctx, `SELECT username FROM users WHERE id = $1`, userID).Scan(&act.Name)
	return act, err
}

// rowErrors turns a row's field problems into report lines in column order.
func rowErrors(line int, f apperr.Fields) []RowError {
	var out []RowError
	for _, c := range rosterColumns {
		if fe, ok := f[c.Field]; ok {
			out = append(out, RowError{Row: line, Column: c.Field, Key: fe.Key, Params: fe.Params})
		}
	}
	return out
}

// rowInput converts a row's text to an input; what cannot even be read
// (a malformed date, an unknown status word) is a problem of its column.
func rowInput(r rosterRow) (MemberInput, apperr.Fields) {
	f := apperr.Fields{}
	v := r.Values
	in := MemberInput{Name: v["name"], IDNumber: v["id_number"], Phone: v["phone"], Education: v["education"]}
	switch st := v["status"]; st {
	case statusLabels[StatusFull], "正式":
		in.Status = StatusFull
	case statusLabels[StatusProbationary], "预备":
		in.Status = StatusProbationary
	case "":
		f.Add("status", "error.required", nil)
	default:
		f.Add("status", "excel.status_unknown", apperr.Params{"value": st})
	}
	for _, d := range []struct {
		field string
		to    *time.Time
	}{{"joined_on", &in.JoinedOn}, {"full_on", &in.FullOn}, {"applied_on", &in.AppliedOn}} {
		t, ok := parseDate(v[d.field])
		if !ok {
			f.Add(d.field, "excel.date_format", apperr.Params{"value": v[d.field]})
		}
		*d.to = t
	}
	if c := v["category"]; c != "" {
		in.Category = Category("?")
		for k, label := range categoryLabels {
			if c == label || c == string(k) {
				in.Category = k
			}
		}
		if in.Category == "?" {
			f.Add("category", "excel.category_unknown", apperr.Params{"value": c})
			in.Category = ""
		}
	}
	switch v["mobile"] {
	case "是", "Y", "y", "1":
		in.Mobile = true
	case "", "否", "N", "n", "0":
	default:
		f.Add("mobile", "excel.yes_no", apperr.Params{"value": v["mobile"]})
	}
	// An unreadable status stays empty: checkRosterDates then skips the
	// checks that depend on it instead of guessing and misleading.
	return in, f
}

// placesUnder maps the names (full and short) of the organisations with
// members under orgID to their places.
func placesUnder(ctx context.Context, q db.Queryer, root place) (map[string]place, error) {
	var args db.Args
	rows, err := q.QueryContext(ctx, `SELECT o.id, o.name, o.short_name, o.path, o.type, COALESCE(o.town_id, 0),
		COALESCE(p.id, 0), COALESCE(p.type, '') FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id
		WHERE `+args.Subtree("o.path", []string{root.Path})+` AND o.type IN ('branch', 'general_branch', 'industry')`, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("members: places under: %w", err)
	}
	defer rows.Close()
	out := map[string]place{}
	for rows.Next() {
		var p place
		var short, parentType string
		var parentID int64
		if err := rows.Scan(&p.ID, &p.Name, &short, &p.Path, &p.Type, &p.TownID, &parentID, &parentType); err != nil {
			return nil, err
		}
		if p.Type == org.TypeGeneralBranch {
			p.VillageID = p.ID
		} else if org.Type(parentType) == org.TypeGeneralBranch {
			p.VillageID = parentID
		}
		out[p.Name] = p
		if short != "" {
			out[short] = p
		}
	}
	return out, rows.Err()
}

// existingHashes reports which of the hashes are already on the roster,
// asking in chunks so the statement stays small on both databases.
func existingHashes(ctx context.Context, q db.Queryer, hashes map[string]int) (map[string]bool, error) {
	all := make([]string, 0, len(hashes))
	for h := range hashes {
		all = append(all, h)
	}
	found := map[string]bool{}
	for chunk := range slices.Chunk(all, importBatch) {
		var args db.Args
		rows, err := q.QueryContext(ctx, `SELECT id_hash FROM members WHERE id_hash IN (`+db.InList(&args, chunk)+`)`, args.Values()...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var h string
			if err := rows.Scan(&h); err != nil {
				rows.Close()
				return nil, err
			}
			found[h] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return found, nil
}
