package members

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
)

// importRun is one pass over a roster file inside the import's bulk
// transaction. Rows are read one at a time, checked as the add form checks
// them, and written in batches of importBatch, so memory holds one batch
// and the look-up hashes seen so far, not the file's rows. From the first
// bad row on nothing more is written, but every row is still checked, so
// the report lists every problem; the caller then rolls everything back.
type importRun struct {
	s        *Service
	ctx      context.Context
	tx       *sql.Tx
	id       int64
	now      time.Time
	today    time.Time
	places   map[string]place
	under    func(path string) bool
	board    *importProgress
	ins      *inserter
	firstRow map[string]int // look-up hash → first line with that number
	batch    []prepared
	errs     []RowError
	total    int
	inserted int
}

func (s *Service) newImportRun(ctx context.Context, tx *sql.Tx, id, orgID int64, board *importProgress) (*importRun, error) {
	root, err := placeOf(ctx, tx, orgID)
	if err != nil {
		return nil, err
	}
	places, err := placesUnder(ctx, tx, root)
	if err != nil {
		return nil, err
	}
	now := s.Clock.Now()
	return &importRun{s: s, ctx: ctx, tx: tx, id: id, now: now, today: db.Day(now), places: places,
		// The job runs without its starter's session: people are linked
		// to residents registered under the organisation the file is for,
		// which the starter was allowed to write to.
		under: func(path string) bool { return db.Under(path, root.Path) },
		board: board, firstRow: map[string]int{}, ins: newInserter(tx)}, nil
}

// readAll reads the file while the rows are checked and written: the
// workbook's XML is parsed in a goroutine of its own, a batch ahead, so
// parsing and writing share the machine's cores.
func (r *importRun) readAll(data []byte) error {
	defer r.ins.close()
	ctx, cancel := context.WithCancel(r.ctx)
	defer cancel()
	rows := make(chan rosterRow, importBatch)
	var fileErrs []RowError
	var readErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(rows)
		fileErrs, readErr = eachRosterRow(data, r.board.setTotal, func(row rosterRow) error {
			select {
			case rows <- row:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var err error
	for row := range rows {
		if err == nil {
			err = r.add(row)
		}
		if err != nil {
			cancel() // stop the reader; drain what it already sent
		}
	}
	wg.Wait()
	switch {
	case err != nil:
		return err
	case readErr != nil:
		return readErr
	case len(fileErrs) > 0:
		r.errs = fileErrs
		return nil
	}
	if err := r.flush(); err != nil || len(r.errs) > 0 {
		return err
	}
	// The whole file's difference to the report's tallies, in one go.
	return r.ins.tallies.write(r.ctx, r.tx)
}

// add checks one row and writes the batch once it is full.
func (r *importRun) add(row rosterRow) error {
	r.total++
	in, f := rowInput(row)
	pre, vf := r.s.validate(in, r.today)
	for k, v := range vf {
		f.Add(k, v.Key, v.Params)
	}
	name := row.Values["org_id"]
	if pl, ok := r.places[name]; ok {
		pre.place = pl
	} else if name != "" {
		f.Add("org_id", "excel.unknown_branch", apperr.Params{"name": name})
	} else {
		f.Add("org_id", "error.required", nil)
	}
	if pre.id.Hash != "" {
		if first, dup := r.firstRow[pre.id.Hash]; dup {
			f.Add("id_number", "excel.duplicate_in_file", apperr.Params{"row": first})
		} else {
			r.firstRow[pre.id.Hash] = row.Line
		}
	}
	if len(f) > 0 {
		r.errs = append(r.errs, rowErrors(row.Line, f)...)
	} else {
		pre.line = row.Line
		r.batch = append(r.batch, pre)
	}
	if len(r.batch) >= importBatch {
		return r.flush()
	}
	if r.total%importProgressEvery == 0 {
		r.board.report(r.s, r.id, r.total)
	}
	return nil
}

// flush checks the batch against the roster, under every cipher's hash,
// and writes it while the file has no bad row.
func (r *importRun) flush() error {
	batch := r.batch
	r.batch = r.batch[:0]
	if len(batch) == 0 {
		return nil
	}
	lineOf := map[string]int{}
	for _, pre := range batch {
		for _, h := range pre.id.Lookups {
			lineOf[h] = pre.line
		}
	}
	dups, err := existingHashes(r.ctx, r.tx, lineOf)
	if err != nil {
		return err
	}
	dupLines := map[int]bool{}
	for h := range dups {
		dupLines[lineOf[h]] = true
	}
	for line := range dupLines {
		r.errs = append(r.errs, RowError{Row: line, Column: "id_number", Key: "excel.duplicate_in_db"})
	}
	if len(r.errs) > 0 {
		sortRowErrors(r.errs)
		return nil
	}
	if err := linkResidents(r.ctx, r.tx, r.under, batch); err != nil {
		return err
	}
	if _, err := r.ins.insertAll(r.ctx, batch, EventImported, fmt.Sprintf("import %d", r.id), r.now); err != nil {
		return err
	}
	r.inserted += len(batch)
	r.board.report(r.s, r.id, r.total)
	return nil
}

// importProgressEvery is how many rows pass between progress reports.
const importProgressEvery = 5000

// importProgress is a running job's progress. The rows are written in
// one transaction, so the job's row in the database cannot show them:
// this server keeps the count for anyone who asks it, and writes it to
// the job's row too where other writers are not held up by the import
// (PostgreSQL, several app servers behind it).
type importProgress struct {
	total, done atomic.Int64
}

func (s *Service) progressOf(id int64) *importProgress {
	p, _ := s.running.LoadOrStore(id, &importProgress{})
	return p.(*importProgress)
}

func (p *importProgress) setTotal(n int) { p.total.Store(int64(n)) }

func (p *importProgress) report(s *Service, id int64, done int) {
	p.done.Store(int64(done))
	if p.total.Load() < int64(done) {
		p.total.Store(int64(done))
	}
	if s.DB.OneWriter() {
		return // the write would wait for the import's own transaction
	}
	_, _ = s.DB.ExecContext(context.Background(), `UPDATE member_imports SET total_rows = $1, done_rows = $2, updated_at = $3
		WHERE id = $4`, p.total.Load(), done, s.Clock.Now(), id)
}

// overlay puts a running job's progress, when this server runs it, into j.
func (s *Service) overlay(j *ImportJob) {
	if v, ok := s.running.Load(j.ID); ok {
		p := v.(*importProgress)
		j.Total, j.Done = int(p.total.Load()), int(p.done.Load())
	}
}
