package members

import (
	"bytes"
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

// Import states. A job moves queued → validating → inserting → done, or
// ends failed (the file has bad rows; nothing was written) or error (an
// internal failure; nothing was written either).
const (
	ImportQueued     = "queued"
	ImportValidating = "validating"
	ImportInserting  = "inserting"
	ImportDone       = "done"
	ImportFailed     = "failed"
	ImportError      = "error"
)

const (
	importBatch     = 500      // rows between progress updates
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

// Percent is the progress for the page's bar: reading and validating is
// the first 80%, inserting the rest.
func (j ImportJob) Percent() int {
	switch {
	case j.Finished():
		return 100
	case j.State == ImportInserting:
		return 80
	case j.Total > 0:
		return 80 * j.Done / j.Total
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
	s.resumeStale(ctx, j)
	return j, nil
}

// importStale is how long a queued or validating job may go without
// progress before whoever looks at it starts it again: the server that
// ran it has stopped. Its file is still in the row, and nothing was
// written before the insert, so starting over is safe. A job that was
// inserting is left alone (its transaction either committed or not).
const importStale = 10 * time.Minute

func (s *Service) resumeStale(ctx context.Context, j ImportJob) {
	if j.State != ImportQueued && j.State != ImportValidating {
		return
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

// RunImport validates the whole file and, only when every row is good,
// inserts every row in one transaction with one audit record. Progress is
// written to the job row as it goes, so any server can show it. A job
// that is not queued (already taken) is left alone.
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
	progress := func(state string, total, done int) {
		_, _ = s.DB.ExecContext(ctx, `UPDATE member_imports SET state = $1, total_rows = $2, done_rows = $3, updated_at = $4
			WHERE id = $5`, state, total, done, s.Clock.Now(), id)
	}
	rows, errs, err := readRoster(bytes.NewReader(data), func(n int) { progress(ImportValidating, 0, 0) })
	if err != nil {
		return err
	}
	var valid []prepared
	if len(errs) == 0 {
		valid, errs, err = s.validateRoster(ctx, orgID, rows, func(done int) { progress(ImportValidating, len(rows), done) })
		if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return s.finishImport(ctx, id, ImportFailed, len(rows), 0, errs)
	}
	progress(ImportInserting, len(rows), len(rows))
	actor, err := s.importActor(ctx, userID)
	if err != nil {
		return err
	}
	now := s.Clock.Now()
	err = s.DB.Tx(ctx, func(tx *sql.Tx) error {
		// The job runs without its starter's session: people are linked
		// to residents registered under the organisation the file is for,
		// which the starter was allowed to write to.
		root, err := placeOf(ctx, tx, orgID)
		if err != nil {
			return err
		}
		under := func(path string) bool { return db.Under(path, root.Path) }
		if err := linkResidents(ctx, tx, under, valid); err != nil {
			return err
		}
		if _, err := insertAll(ctx, tx, valid, EventImported, fmt.Sprintf("import %d", id), now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, actor, audit.Entry{Action: "member.import", Entity: "member_import",
			EntityID: id, OrgID: orgID, After: map[string]any{"rows": len(valid)}})
	})
	if db.IsUniqueViolation(err) {
		// Someone added one of these people while the file was checked.
		return s.finishImport(ctx, id, ImportFailed, len(rows), 0, []RowError{{Row: 1, Column: "id_number", Key: "excel.conflict"}})
	}
	if err != nil {
		return err
	}
	return s.finishImport(ctx, id, ImportDone, len(rows), len(valid), nil)
}

func (s *Service) finishImport(ctx context.Context, id int64, state string, total, inserted int, errs []RowError) error {
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
	_, err := s.DB.ExecContext(ctx, `UPDATE member_imports SET state = $1, total_rows = $2, done_rows = $2, inserted = $3,
		errors_json = $4, file_data = NULL, updated_at = $5 WHERE id = $6`, state, total, inserted, report, s.Clock.Now(), id)
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

// validateRoster checks every row: each field as the add form does, the
// branch by name under the job's organisation, duplicates within the file
// and against the roster. It returns every problem, not just the first.
func (s *Service) validateRoster(ctx context.Context, orgID int64, rows []rosterRow, progress func(int)) ([]prepared, []RowError, error) {
	places, err := s.placesUnder(ctx, orgID)
	if err != nil {
		return nil, nil, err
	}
	today := db.Day(s.Clock.Now())
	var errs []RowError
	out := make([]prepared, 0, len(rows))
	firstRow := map[string]int{} // id hash → first row with it
	for i, r := range rows {
		in, f := rowInput(r)
		pre, vf := s.validate(in, today)
		for k, v := range vf {
			f.Add(k, v.Key, v.Params)
		}
		name := r.Values["org_id"]
		if pl, ok := places[name]; ok {
			pre.place = pl
		} else if name != "" {
			f.Add("org_id", "excel.unknown_branch", apperr.Params{"name": name})
		} else {
			f.Add("org_id", "error.required", nil)
		}
		if pre.id.Hash != "" {
			if first, dup := firstRow[pre.id.Hash]; dup {
				f.Add("id_number", "excel.duplicate_in_file", apperr.Params{"row": first})
			} else {
				firstRow[pre.id.Hash] = r.Line
			}
		}
		errs = append(errs, rowErrors(r.Line, f)...)
		out = append(out, pre)
		if progress != nil && (i+1)%importBatch == 0 {
			progress(i + 1)
		}
	}
	// A number on the roster is found under any cipher's hash, so a row is
	// a duplicate while `reseal` is still moving the roster too.
	lineOf := map[string]int{}
	for _, pre := range out {
		if line, ok := firstRow[pre.id.Hash]; ok {
			for _, h := range pre.id.Lookups {
				lineOf[h] = line
			}
		}
	}
	dups, err := existingHashes(ctx, s.DB, lineOf)
	if err != nil {
		return nil, nil, err
	}
	dupLines := map[int]bool{}
	for h := range dups {
		dupLines[lineOf[h]] = true
	}
	for line := range dupLines {
		errs = append(errs, RowError{Row: line, Column: "id_number", Key: "excel.duplicate_in_db"})
	}
	sortRowErrors(errs)
	return out, errs, nil
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
func (s *Service) placesUnder(ctx context.Context, orgID int64) (map[string]place, error) {
	root, err := placeOf(ctx, s.DB, orgID)
	if err != nil {
		return nil, err
	}
	var args db.Args
	rows, err := s.DB.QueryContext(ctx, `SELECT o.id, o.name, o.short_name, o.path, o.type, COALESCE(o.town_id, 0),
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
