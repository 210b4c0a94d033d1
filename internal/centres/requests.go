package centres

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/org"
)

// RequestKinds are what villagers ask the 为民服务中心 to handle for them.
var RequestKinds = []string{"certificate", "social_security", "medical_insurance", "subsidy", "household", "other"}

// Request stages: filed → accepted → handled → closed.
const (
	StageFiled    = "filed"
	StageAccepted = "accepted"
	StageHandled  = "handled"
	StageClosed   = "closed"
)

// nextStage is the one step each stage may take; closing is also allowed
// from any open stage (a request withdrawn or refused), with a note.
var nextStage = map[string]string{StageFiled: StageAccepted, StageAccepted: StageHandled, StageHandled: StageClosed}

// Request is one 民事代办 request.
type Request struct {
	ID         int64         `json:"id"`
	OrgID      int64         `json:"org_id"`
	Village    string        `json:"village"`
	OrgPath    string        `json:"-"`
	Via        string        `json:"via"` // portal or office
	Kind       string        `json:"kind"`
	Applicant  string        `json:"applicant"`
	Phone      string        `json:"phone,omitempty"`
	Details    string        `json:"details"`
	Stage      string        `json:"stage"`
	FiledAt    time.Time     `json:"filed_at"`
	Deadline   day.Day       `json:"deadline"`
	Due        Due           `json:"due"`
	Notes      []RequestNote `json:"notes"`
	ClosedAt   *time.Time    `json:"closed_at,omitempty"`
	AcceptedAt *time.Time    `json:"accepted_at,omitempty"`
}

// RequestNote is what staff told the villager at a step.
type RequestNote struct {
	At     time.Time `json:"at"`
	Stage  string    `json:"stage"`
	Author string    `json:"author"`
	Note   string    `json:"note"`
}

// Closed reports a closed request.
func (r Request) Closed() bool { return r.Stage == StageClosed }

// NewRequest is a request as a villager files it.
type NewRequest struct {
	OrgID     int64
	Kind      string
	Applicant string
	Phone     string
	Details   string
	// FiledOn is, at the office, the day a request taken down on paper was
	// made (not after today); empty is now. The portal always files now.
	FiledOn day.Day
}

// Tracking codes: 12 characters of a 32-letter alphabet without 0/O and
// 1/I (5 random bits each, 60 in all), shown as XXXX-XXXX-XXXX. Only
// their SHA-256 is kept.
const codeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

const codeLength = 12

// newCode draws a tracking code from crypto/rand.
func newCode() string {
	b := make([]byte, codeLength)
	if _, err := rand.Read(b); err != nil {
		panic(err) // the system's randomness is gone; nothing is safe
	}
	out := make([]byte, 0, codeLength+2)
	for i, c := range b {
		if i > 0 && i%4 == 0 {
			out = append(out, '-')
		}
		out = append(out, codeAlphabet[c&31])
	}
	return string(out)
}

// NormalizeCode reads a code as typed: case, spaces and hyphens do not matter.
func NormalizeCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r != ' ' && r != '-' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func codeHash(code string) string {
	sum := sha256.Sum256([]byte(NormalizeCode(code)))
	return hex.EncodeToString(sum[:])
}

// portalActor is how the audit log names a villager filing on the portal.
var portalActor = audit.Actor{Name: "portal"}

// FileOnline files a request from the public portal, without an account:
// at most FileLimit from one address within FileWindow. It returns the
// tracking code, shown to the villager once.
func (s *Service) FileOnline(ctx context.Context, addr string, in NewRequest) (Request, string, error) {
	now := s.Clock.Now()
	if err := auth.CheckAttempts(ctx, s.DB, "file:"+addr, s.Rules.FileLimit, s.Rules.FileWindow, now); err != nil {
		return Request{}, "", err
	}
	in.FiledOn = day.Day{}
	return s.file(ctx, nil, "portal", addr, in)
}

// FileAtOffice files a request a villager makes at the centre
// (centres.write over the village); the villager takes the code home.
// The nil actor (the demo loader) files at the office too.
func (s *Service) FileAtOffice(ctx context.Context, a *auth.Actor, in NewRequest) (Request, string, error) {
	return s.file(ctx, a, "office", "", in)
}

func (s *Service) file(ctx context.Context, a *auth.Actor, via, addr string, in NewRequest) (Request, string, error) {
	var r Request
	code := newCode()
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		f := apperr.Fields{}
		var v place
		var err error
		if via == "office" {
			v, err = villageFor(ctx, tx, a, in.OrgID, auth.PermCentresRead, auth.PermCentresWrite)
		} else {
			v, err = loadPlace(ctx, tx, in.OrgID)
			if apperr.KindOf(err) == apperr.KindNotFound || (err == nil && v.Type != org.TypeGeneralBranch) {
				f.Add("org_id", "centres.village_unknown", nil)
				err = nil
			}
		}
		if apperr.KindOf(err) == apperr.KindInvalid {
			f.Add("org_id", "centres.village_unknown", nil)
		} else if err != nil {
			return err
		}
		if !slices.Contains(RequestKinds, in.Kind) {
			f.Add("kind", "centres.choose", nil)
		}
		in.Applicant = apperr.Text(f, "applicant", in.Applicant, 50, true)
		in.Phone = apperr.Phone(f, "phone", in.Phone)
		in.Details = apperr.Prose(f, "details", in.Details, 2000, true)
		if err := f.Err(); err != nil {
			return err
		}
		now := s.Clock.Now()
		if !in.FiledOn.IsZero() {
			if err := notFuture("filed_on", in.FiledOn, day.Of(now)); err != nil {
				return err
			}
			if in.FiledOn.Before(day.Of(now)) {
				now = in.FiledOn.Time().Add(9 * time.Hour)
			}
		}
		r = Request{OrgID: v.ID, Village: v.Name, Via: via, Kind: in.Kind, Applicant: in.Applicant, Phone: in.Phone,
			Details: in.Details, Stage: StageFiled, FiledAt: now, Deadline: day.Of(now).AddDays(s.Rules.RequestDays),
			Notes: []RequestNote{}}
		if err := tx.QueryRowContext(ctx, `INSERT INTO centre_requests(town_id, org_id, code_hash, via, kind, applicant, phone,
			details, state, stage, filed_at, deadline) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $11) RETURNING id`,
			db.NullID(v.TownID), v.ID, codeHash(code), via, r.Kind, r.Applicant, r.Phone, r.Details, r.Stage, now,
			r.Deadline).Scan(&r.ID); err != nil {
			return err
		}
		r.Due = s.Judge(r.Deadline, false, s.today())
		if addr != "" {
			if err := auth.RecordAttempt(ctx, tx, "file:"+addr, now); err != nil {
				return err
			}
		}
		who := a.Audit()
		if via == "portal" {
			who = portalActor
		}
		return audit.Record(ctx, tx, s.Clock.Now(), who, audit.Entry{Action: "request.file", Entity: "centre_request", EntityID: r.ID,
			OrgID: v.ID, After: map[string]any{"via": via, "kind": r.Kind, "applicant": r.Applicant, "deadline": r.Deadline}})
	})
	if err != nil {
		return Request{}, "", err
	}
	return r, code, nil
}

// Tracked is what a villager sees of a request by its code: no phone,
// no staff names beyond what the notes say.
type Tracked struct {
	Village  string        `json:"village"`
	Kind     string        `json:"kind"`
	Stage    string        `json:"stage"`
	FiledAt  time.Time     `json:"filed_at"`
	Deadline day.Day       `json:"deadline"`
	Due      Due           `json:"due"`
	Notes    []RequestNote `json:"notes"`
}

// Track finds a request by its code for anyone who has it. Wrong codes
// count against the address (TrackLimit within TrackWindow, the login
// throttle's table); past the limit every lookup from it is refused, the
// right code too, so codes cannot be guessed by trying.
func (s *Service) Track(ctx context.Context, addr, code string) (Tracked, error) {
	now := s.Clock.Now()
	key := "track:" + addr
	if err := auth.CheckAttempts(ctx, s.DB, key, s.Rules.TrackLimit, s.Rules.TrackWindow, now); err != nil {
		return Tracked{}, err
	}
	var id int64
	err := s.DB.QueryRowContext(ctx, `SELECT id FROM centre_requests WHERE code_hash = $1`, codeHash(code)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) || len(NormalizeCode(code)) != codeLength {
		if err := s.DB.Tx(ctx, func(tx *sql.Tx) error { return auth.RecordAttempt(ctx, tx, key, now) }); err != nil {
			return Tracked{}, err
		}
		return Tracked{}, apperr.Invalid("code", "request.code_unknown", nil)
	}
	if err != nil {
		return Tracked{}, fmt.Errorf("centres: track: %w", err)
	}
	r, err := s.loadRequest(ctx, s.DB, id)
	if err != nil {
		return Tracked{}, err
	}
	return Tracked{Village: r.Village, Kind: r.Kind, Stage: r.Stage, FiledAt: r.FiledAt, Deadline: r.Deadline,
		Due: r.Due, Notes: r.Notes}, nil
}

const requestColumns = `q.id, q.org_id, CASE WHEN o.short_name <> '' THEN o.short_name ELSE o.name END, o.path, q.via, q.kind,
	q.applicant, q.phone, q.details, q.stage, q.filed_at, q.deadline, q.accepted_at, q.closed_at`

func (s *Service) scanRequest(row interface{ Scan(...any) error }, today day.Day) (Request, error) {
	var r Request
	var accepted, closed sql.NullTime
	err := row.Scan(&r.ID, &r.OrgID, &r.Village, &r.OrgPath, &r.Via, &r.Kind, &r.Applicant, &r.Phone, &r.Details, &r.Stage,
		&r.FiledAt, &r.Deadline, &accepted, &closed)
	r.FiledAt = r.FiledAt.UTC()
	if accepted.Valid {
		t := accepted.Time.UTC()
		r.AcceptedAt = &t
	}
	if closed.Valid {
		t := closed.Time.UTC()
		r.ClosedAt = &t
	}
	r.Due = s.Judge(r.Deadline, r.Closed(), today)
	r.Notes = []RequestNote{}
	return r, err
}

func (s *Service) loadRequest(ctx context.Context, q db.Queryer, id int64) (Request, error) {
	r, err := s.scanRequest(q.QueryRowContext(ctx, `SELECT `+requestColumns+` FROM centre_requests q JOIN orgs o ON o.id = q.org_id
		WHERE q.id = $1`, id), s.today())
	if errors.Is(err, sql.ErrNoRows) {
		return r, apperr.NotFound()
	}
	if err != nil {
		return r, fmt.Errorf("centres: load request %d: %w", id, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT at, stage, author, note FROM centre_request_notes WHERE request_id = $1 ORDER BY id`, id)
	if err != nil {
		return r, err
	}
	r.Notes, err = db.Collect(rows, func(rs *sql.Rows, n *RequestNote) error {
		err := rs.Scan(&n.At, &n.Stage, &n.Author, &n.Note)
		n.At = n.At.UTC()
		return err
	})
	return r, err
}

// GetRequest returns a request to a reader of the village's centres.
func (s *Service) GetRequest(ctx context.Context, a *auth.Actor, id int64) (Request, error) {
	r, err := s.loadRequest(ctx, s.DB, id)
	if err != nil {
		return r, err
	}
	if err := a.Decide(auth.PermCentresRead, "", r.OrgPath); err != nil {
		return Request{}, err
	}
	return r, nil
}

// Advance moves a request one step (filed → accepted → handled → closed)
// or closes it from any open stage, with a note the villager reads by
// code (rule request.stage names the allowed steps). Closing before
// handling needs the note, saying why.
func (s *Service) Advance(ctx context.Context, a *auth.Actor, id int64, to, note string) (Request, error) {
	var r Request
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = s.loadRequest(ctx, tx, id); err != nil {
			return err
		}
		if err := a.Decide(auth.PermCentresRead, auth.PermCentresWrite, r.OrgPath); err != nil {
			return err
		}
		f := apperr.Fields{}
		early := to == StageClosed && r.Stage != StageHandled
		note = apperr.Prose(f, "note", note, 2000, early)
		if err := f.Err(); err != nil {
			return err
		}
		if r.Closed() || (nextStage[r.Stage] != to && to != StageClosed) {
			return apperr.Rule("request.stage", apperr.Params{"stage": i18nStage(r.Stage), "to": i18nStage(to)})
		}
		now := s.Clock.Now()
		state := "open"
		col := map[string]string{StageAccepted: "accepted_at", StageHandled: "handled_at", StageClosed: "closed_at"}[to]
		if to == StageClosed {
			state = "closed"
			r.ClosedAt = &now
		}
		if to == StageAccepted {
			r.AcceptedAt = &now
		}
		if _, err := tx.ExecContext(ctx, `UPDATE centre_requests SET stage = $1, state = $2, `+col+` = $3 WHERE id = $4`,
			to, state, now, r.ID); err != nil {
			return err
		}
		if note == "" {
			note = "—"
		}
		n := RequestNote{At: now, Stage: to, Author: a.DisplayName(), Note: note}
		if _, err := tx.ExecContext(ctx, `INSERT INTO centre_request_notes(request_id, at, stage, author, note) VALUES ($1, $2, $3, $4, $5)`,
			r.ID, n.At, n.Stage, n.Author, n.Note); err != nil {
			return err
		}
		before := r.Stage
		r.Stage = to
		r.Notes = append(r.Notes, n)
		r.Due = s.Judge(r.Deadline, r.Closed(), day.Of(now))
		return s.record(ctx, tx, a, "request."+to, "centre_request", r.ID, r.OrgID,
			map[string]any{"stage": before}, map[string]any{"stage": to, "note": note})
	})
	return r, err
}

func i18nStage(s string) any { return msgKey("request.stage." + s) }

// RequestFilter selects requests: open ones by deadline (the overdue
// first) or closed ones, in a village, a town or the actor's scope.
type RequestFilter struct {
	OrgID  int64
	Closed bool
	After  int64
	Limit  int
}

// ListRequests lists requests in the actor's centres.read scope.
func (s *Service) ListRequests(ctx context.Context, a *auth.Actor, f RequestFilter) ([]Request, error) {
	ar, err := areaFor(ctx, s.DB, a, auth.PermCentresRead, f.OrgID)
	if err != nil {
		return nil, err
	}
	var args db.Args
	state := "open"
	if f.Closed {
		state = "closed"
	}
	where := []string{ar.cond(&args, "q"), "q.state = " + args.Add(state)}
	if f.After != 0 {
		p := args.Add(f.After)
		where = append(where, `(q.deadline > (SELECT deadline FROM centre_requests WHERE id = `+p+`)
			OR (q.deadline = (SELECT deadline FROM centre_requests WHERE id = `+p+`) AND q.id > `+p+`))`)
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+requestColumns+` FROM centre_requests q JOIN orgs o ON o.id = q.org_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY q.deadline, q.id LIMIT `+strconv.Itoa(db.Limit(f.Limit, 50, 200)),
		args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("centres: list requests: %w", err)
	}
	today := s.today()
	return db.Collect(rows, func(r *sql.Rows, q *Request) error {
		var err error
		*q, err = s.scanRequest(r, today)
		return err
	})
}

// PortalVillage is a village a villager may file with.
type PortalVillage struct {
	ID   int64
	Name string
}

// PortalVillages lists every village for the portal's form, in the
// towns' order; it is public, as the villages' names are.
func (s *Service) PortalVillages(ctx context.Context) ([]PortalVillage, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT o.id, CASE WHEN o.short_name <> '' THEN o.short_name ELSE o.name END
		FROM orgs o WHERE o.type = 'general_branch' ORDER BY o.town_id, o.sort_order, o.id LIMIT 2000`)
	if err != nil {
		return nil, fmt.Errorf("centres: portal villages: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, v *PortalVillage) error { return r.Scan(&v.ID, &v.Name) })
}
