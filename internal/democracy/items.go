package democracy

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/disclosure"
	"dangjian/internal/i18n"
)

// Item states: draft → (review) published → superseded by a new version;
// published or superseded → archived.
const (
	ItemDraft      = "draft"
	ItemPublished  = "published"
	ItemSuperseded = "superseded"
	ItemArchived   = "archived"
)

// Rules of the 五公开 procedure.
const (
	RuleOwnReview      = "disclosure.own_review"      // the reviewer is not the author
	RuleNotDraft       = "disclosure.not_draft"       // only a draft is reviewed or changed
	RuleNotPublished   = "disclosure.not_published"   // only a published version is superseded
	RuleRevisionExists = "disclosure.revision_exists" // one new version at a time
)

// Item is one 五公开 item: one version of it.
type Item struct {
	ID           int64               `json:"id"`
	OrgID        int64               `json:"org_id"`
	OrgName      string              `json:"org_name"`
	OrgPath      string              `json:"-"`
	TownID       int64               `json:"town_id"`
	Category     disclosure.Category `json:"category"`
	Period       string              `json:"period"`
	Title        string              `json:"title"`
	Body         string              `json:"body"`
	Source       string              `json:"source,omitempty"`
	Version      int                 `json:"version"`
	SupersedesID int64               `json:"supersedes_id,omitempty"`
	ChangeNote   string              `json:"change_note,omitempty"`
	State        string              `json:"state"`
	AuthorID     int64               `json:"-"`
	AuthorName   string              `json:"author_name"`
	ReviewerName string              `json:"reviewer_name,omitempty"`
	ReviewNote   string              `json:"review_note,omitempty"`
	PublishedOn  day.Day             `json:"published_on"`
	ContentHash  string              `json:"content_hash,omitempty"`
	Code         string              `json:"code,omitempty"` // the verification code printed on the notice
	ArchivedOn   day.Day             `json:"archived_on"`
	CreatedAt    time.Time           `json:"created_at"`
}

// Public reports whether the portal shows the item.
func (it Item) Public() bool { return it.State != ItemDraft }

// Rows splits the body into paragraphs and table rows ("a | b | c").
func (it Item) Rows() [][]string {
	var out [][]string
	for _, line := range strings.Split(it.Body, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		cells := strings.Split(line, " | ")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		out = append(out, cells)
	}
	return out
}

var periodRE = regexp.MustCompile(`^(20[0-9]{2})(-(0[1-9]|1[0-2])|-Q[1-4])?$`)

// ValidPeriod reports whether p is "2026", "2026-Q3" or "2026-11".
func ValidPeriod(p string) bool { return periodRE.MatchString(p) }

func validCategory(c disclosure.Category) bool {
	for _, x := range disclosure.Categories {
		if x == c {
			return true
		}
	}
	return false
}

// checkDraft validates a draft's fields.
func checkDraft(d *disclosure.Draft) error {
	f := apperr.Fields{}
	if !validCategory(d.Category) {
		f.Add("category", "disclosure.category_unknown", nil)
	}
	if !ValidPeriod(d.Period) {
		f.Add("period", "disclosure.period_format", nil)
	}
	d.Title = apperr.Text(f, "title", d.Title, 200, true)
	d.Body = apperr.Prose(f, "body", d.Body, 50000, true)
	d.Source = apperr.Text(f, "source", d.Source, 200, false)
	return f.Err()
}

// Draft files another programme's draft in its transaction (the
// disclosure.Drafter of this programme): a draft with the same Source is
// replaced, a published one with the same Source gets a new version.
func (s *Service) Draft(ctx context.Context, tx *sql.Tx, a *auth.Actor, d disclosure.Draft) (int64, error) {
	if err := checkDraft(&d); err != nil {
		return 0, err
	}
	it, err := s.fileItem(ctx, tx, a, d, false)
	return it.ID, err
}

// NewItem is the input of CreateItem.
type NewItem = disclosure.Draft

// CreateItem drafts an item (democracy.write over the village).
func (s *Service) CreateItem(ctx context.Context, a *auth.Actor, in NewItem) (Item, error) {
	if err := checkDraft(&in); err != nil {
		return Item{}, err
	}
	var it Item
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		it, err = s.fileItem(ctx, tx, a, in, false)
		return err
	})
	return it, err
}

// fileItem writes a draft. With system set (the 公开 steps of a matter)
// no earlier version is looked for.
func (s *Service) fileItem(ctx context.Context, tx *sql.Tx, a *auth.Actor, d disclosure.Draft, system bool) (Item, error) {
	v, err := villageFor(ctx, tx, a, d.OrgID, auth.PermDemocracyWrite)
	if err != nil {
		return Item{}, err
	}
	now := s.Clock.Now()
	it := Item{OrgID: v.ID, OrgName: v.Name, OrgPath: v.Path, TownID: v.TownID, Category: d.Category, Period: d.Period,
		Title: d.Title, Body: d.Body, Source: d.Source, Version: 1, State: ItemDraft, AuthorName: a.DisplayName(), CreatedAt: now}
	if a != nil {
		it.AuthorID = a.UserID
	}
	if d.Source != "" && !system {
		prev, found, err := latestBySource(ctx, tx, v.ID, d.Source)
		if err != nil {
			return it, err
		}
		switch {
		case found && prev.State == ItemDraft:
			if _, err := tx.ExecContext(ctx, `UPDATE disclosures SET title = $1, body = $2, period = $3, category = $4 WHERE id = $5`,
				d.Title, d.Body, d.Period, string(d.Category), prev.ID); err != nil {
				return it, err
			}
			prev.Title, prev.Body, prev.Period, prev.Category = d.Title, d.Body, d.Period, d.Category
			return prev, audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "disclosure.redraft", Entity: "disclosure",
				EntityID: prev.ID, OrgID: v.ID, After: prev})
		case found:
			it.Version, it.SupersedesID, it.ChangeNote = prev.Version+1, prev.ID, "来源记录已更新 / the source record changed"
		}
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO disclosures(org_id, town_id, category, period, title, body, source, version,
		supersedes_id, change_note, state, author_id, author_name, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
		it.OrgID, db.NullID(it.TownID), string(it.Category), it.Period, it.Title, it.Body, it.Source, it.Version,
		db.NullID(it.SupersedesID), it.ChangeNote, it.State, db.NullID(it.AuthorID), it.AuthorName, now).Scan(&it.ID); err != nil {
		return it, err
	}
	return it, audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "disclosure.draft", Entity: "disclosure",
		EntityID: it.ID, OrgID: it.OrgID, After: it})
}

func latestBySource(ctx context.Context, q db.Queryer, orgID int64, source string) (Item, bool, error) {
	it, err := scanItem(q.QueryRowContext(ctx, `SELECT `+itemColumns+itemFrom+`
		WHERE d.org_id = $1 AND d.source = $2 AND d.state IN ('draft', 'published') ORDER BY d.id DESC LIMIT 1`, orgID, source))
	if errors.Is(err, sql.ErrNoRows) {
		return it, false, nil
	}
	return it, err == nil, err
}

// ReviseItem drafts a new version of a published item, saying what
// changed (democracy.write). The published version stays as it is until
// the new one is reviewed; then it is marked superseded.
func (s *Service) ReviseItem(ctx context.Context, a *auth.Actor, id int64, title, body, note string) (Item, error) {
	f := apperr.Fields{}
	note = apperr.Text(f, "change_note", note, 500, true)
	if err := f.Err(); err != nil {
		return Item{}, err
	}
	var it Item
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		old, err := itemFor(ctx, tx, a, id, auth.PermDemocracyWrite)
		if err != nil {
			return err
		}
		if old.State != ItemPublished {
			return apperr.Rule(RuleNotPublished, apperr.Params{"state": i18n.Key("disclosure.state." + old.State)})
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM disclosures WHERE supersedes_id = $1 AND state = 'draft'`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return apperr.Rule(RuleRevisionExists, nil)
		}
		d := disclosure.Draft{OrgID: old.OrgID, Category: old.Category, Period: old.Period, Title: title, Body: body}
		if err := checkDraft(&d); err != nil {
			return err
		}
		now := s.Clock.Now()
		it = Item{OrgID: old.OrgID, OrgName: old.OrgName, OrgPath: old.OrgPath, TownID: old.TownID, Category: old.Category,
			Period: old.Period, Title: d.Title, Body: d.Body, Source: old.Source, Version: old.Version + 1, SupersedesID: old.ID,
			ChangeNote: note, State: ItemDraft, AuthorName: a.DisplayName(), CreatedAt: now}
		if a != nil {
			it.AuthorID = a.UserID
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO disclosures(org_id, town_id, category, period, title, body, source, version,
			supersedes_id, change_note, state, author_id, author_name, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
			it.OrgID, db.NullID(it.TownID), string(it.Category), it.Period, it.Title, it.Body, it.Source, it.Version,
			it.SupersedesID, it.ChangeNote, it.State, db.NullID(it.AuthorID), it.AuthorName, now).Scan(&it.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "disclosure.revise", Entity: "disclosure",
			EntityID: it.ID, OrgID: it.OrgID, After: it})
	})
	return it, err
}

// ReviewItem is the 村务监督委员会's review of a draft (democracy.review
// over the village, by someone other than its author): approve publishes
// it today, otherwise it goes back to its author with the note.
func (s *Service) ReviewItem(ctx context.Context, a *auth.Actor, id int64, approve bool, note string) (Item, error) {
	f := apperr.Fields{}
	note = apperr.Prose(f, "review_note", note, 2000, !approve)
	if err := f.Err(); err != nil {
		return Item{}, err
	}
	var it Item
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if it, err = itemFor(ctx, tx, a, id, auth.PermDemocracyReview); err != nil {
			return err
		}
		if it.State != ItemDraft {
			return apperr.Rule(RuleNotDraft, apperr.Params{"state": i18n.Key("disclosure.state." + it.State)})
		}
		if a != nil && it.AuthorID == a.UserID {
			return apperr.Rule(RuleOwnReview, apperr.Params{"author": it.AuthorName})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE disclosures SET reviewer_id = $1, reviewer_name = $2, review_note = $3 WHERE id = $4`,
			a.UserRef(), a.DisplayName(), note, id); err != nil {
			return err
		}
		it.ReviewerName, it.ReviewNote = a.DisplayName(), note
		if approve {
			return s.publish(ctx, tx, a, &it, day.Today(s.Clock))
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "disclosure.return", Entity: "disclosure",
			EntityID: id, OrgID: it.OrgID, After: map[string]any{"title": it.Title, "review_note": note}})
	})
	return it, err
}

// publish makes a draft the published version: its content hash and
// verification code are fixed and recorded in the audit chain, the
// version it supersedes is marked so, and the portal's version moves on.
func (s *Service) publish(ctx context.Context, tx *sql.Tx, a *auth.Actor, it *Item, on day.Day) error {
	now := s.Clock.Now()
	it.PublishedOn, it.State = on, ItemPublished
	it.ContentHash = contentHash(*it)
	it.Code = codeOf(it.ContentHash)
	if _, err := tx.ExecContext(ctx, `UPDATE disclosures SET state = 'published', published_on = $1, published_at = $2,
		content_hash = $3, code = $4 WHERE id = $5`, on, now, it.ContentHash, it.Code, it.ID); err != nil {
		return err
	}
	if it.SupersedesID != 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE disclosures SET state = 'superseded' WHERE id = $1 AND state = 'published'`,
			it.SupersedesID); err != nil {
			return err
		}
	}
	if err := s.bumpPortal(ctx, tx, it.OrgID); err != nil {
		return err
	}
	return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "disclosure.publish", Entity: "disclosure",
		EntityID: it.ID, OrgID: it.OrgID, After: map[string]any{"title": it.Title, "version": it.Version,
			"supersedes_id": it.SupersedesID, "published_on": on, "content_hash": it.ContentHash, "code": it.Code}})
}

// contentHash is the SHA-256 of what a published version says.
func contentHash(it Item) string {
	b, _ := json.Marshal([]any{it.OrgID, string(it.Category), it.Period, it.Title, it.Body, it.Version, it.PublishedOn.String()})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// codeAlphabet leaves out I, L, O and U, so a code read off paper is
// typed back right; NormalizeCode maps the look-alikes.
var codeAlphabet = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// codeOf is the 8-character verification code of a content hash, shown
// as XXXX-XXXX: 40 bits, unique among published versions.
func codeOf(hash string) string {
	b, _ := hex.DecodeString(hash)
	c := codeAlphabet.EncodeToString(b[:5])
	return c[:4] + "-" + c[4:]
}

// NormalizeCode reads a typed code: case, spaces and dashes do not
// matter, O is 0 and I or L is 1.
func NormalizeCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		case r == '-' || r == ' ':
			continue
		}
		b.WriteRune(r)
	}
	c := b.String()
	if len(c) != 8 {
		return c
	}
	return c[:4] + "-" + c[4:]
}

// ArchiveItem archives a published or superseded item (democracy.review):
// it stays on the portal and verifiable, marked archived.
func (s *Service) ArchiveItem(ctx context.Context, a *auth.Actor, id int64) (Item, error) {
	var it Item
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if it, err = itemFor(ctx, tx, a, id, auth.PermDemocracyReview); err != nil {
			return err
		}
		if it.State != ItemPublished && it.State != ItemSuperseded {
			return apperr.Rule(RuleNotPublished, apperr.Params{"state": i18n.Key("disclosure.state." + it.State)})
		}
		it.ArchivedOn, it.State = day.Today(s.Clock), ItemArchived
		if _, err := tx.ExecContext(ctx, `UPDATE disclosures SET state = 'archived', archived_on = $1 WHERE id = $2`, it.ArchivedOn, id); err != nil {
			return err
		}
		if err := s.bumpPortal(ctx, tx, it.OrgID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "disclosure.archive", Entity: "disclosure",
			EntityID: id, OrgID: it.OrgID, After: map[string]any{"title": it.Title, "archived_on": it.ArchivedOn}})
	})
	return it, err
}

const itemColumns = `d.id, d.org_id, CASE WHEN o.short_name <> '' THEN o.short_name ELSE o.name END, o.path, COALESCE(d.town_id, 0),
	d.category, d.period, d.title, d.body, d.source, d.version, COALESCE(d.supersedes_id, 0), d.change_note, d.state,
	COALESCE(d.author_id, 0), d.author_name, d.reviewer_name, d.review_note, d.published_on, d.content_hash,
	COALESCE(d.code, ''), d.archived_on, d.created_at`

const itemFrom = ` FROM disclosures d JOIN orgs o ON o.id = d.org_id`

func scanItem(row interface{ Scan(...any) error }) (Item, error) {
	var it Item
	var cat string
	err := row.Scan(&it.ID, &it.OrgID, &it.OrgName, &it.OrgPath, &it.TownID, &cat, &it.Period, &it.Title, &it.Body,
		&it.Source, &it.Version, &it.SupersedesID, &it.ChangeNote, &it.State, &it.AuthorID, &it.AuthorName,
		&it.ReviewerName, &it.ReviewNote, &it.PublishedOn, &it.ContentHash, &it.Code, &it.ArchivedOn, &it.CreatedAt)
	it.Category, it.CreatedAt = disclosure.Category(cat), it.CreatedAt.UTC()
	return it, err
}

func loadItem(ctx context.Context, q db.Queryer, id int64) (Item, error) {
	it, err := scanItem(q.QueryRowContext(ctx, `SELECT `+itemColumns+itemFrom+` WHERE d.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return it, apperr.NotFound()
	}
	if err != nil {
		return it, fmt.Errorf("democracy: load item %d: %w", id, err)
	}
	return it, nil
}

func itemFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Item, error) {
	it, err := loadItem(ctx, q, id)
	if err != nil {
		return it, err
	}
	return it, a.Decide(auth.PermDemocracyRead, change, it.OrgPath)
}

// GetItem returns an item to a reader of its village.
func (s *Service) GetItem(ctx context.Context, a *auth.Actor, id int64) (Item, error) {
	return itemFor(ctx, s.DB, a, id, "")
}

// ItemFilter selects items for ListItems.
type ItemFilter struct {
	OrgID  int64
	State  string // "" for drafts waiting for review
	Before int64
	Limit  int
}

// ListItems lists items of one state in the actor's scope, newest first.
func (s *Service) ListItems(ctx context.Context, a *auth.Actor, f ItemFilter) ([]Item, error) {
	if f.State == "" {
		f.State = ItemDraft
	}
	var args db.Args
	where := []string{"d.state = " + args.Add(f.State)}
	if f.OrgID != 0 {
		if _, err := villageFor(ctx, s.DB, a, f.OrgID, ""); err != nil {
			return nil, err
		}
		where = append(where, "d.org_id = "+args.Add(f.OrgID))
	} else {
		where = append(where, args.Subtree("o.path", a.Scope(auth.PermDemocracyRead)))
	}
	if f.Before != 0 {
		where = append(where, "d.id < "+args.Add(f.Before))
	}
	return queryItems(ctx, s.DB, strings.Join(where, " AND ")+` ORDER BY d.id DESC LIMIT `+
		strconv.Itoa(db.Limit(f.Limit, 50, 200)), args.Values()...)
}

func queryItems(ctx context.Context, q db.Queryer, whereOrder string, args ...any) ([]Item, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+itemColumns+itemFrom+` WHERE `+whereOrder, args...)
	if err != nil {
		return nil, fmt.Errorf("democracy: items: %w", err)
	}
	return db.Collect(rows, func(rows *sql.Rows, it *Item) error {
		var err error
		*it, err = scanItem(rows)
		return err
	})
}

// RecordPublished enters an item that was already published on the
// village's board, with the day it went up (democracy.review over the
// village): the board's history before the system, or a paper notice
// entered afterwards. It gets its content hash and code like any other.
func (s *Service) RecordPublished(ctx context.Context, a *auth.Actor, d disclosure.Draft, on day.Day) (Item, error) {
	if err := checkDraft(&d); err != nil {
		return Item{}, err
	}
	if today := day.Today(s.Clock); on.IsZero() || on.After(today) {
		return Item{}, apperr.Invalid("published_on", "democracy.date_future", apperr.Params{"today": today.String()})
	}
	var it Item
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, d.OrgID, auth.PermDemocracyReview)
		if err != nil {
			return err
		}
		if it, err = s.fileItem(ctx, tx, nil, d, true); err != nil {
			return err
		}
		it.OrgPath = v.Path
		return s.publish(ctx, tx, a, &it, on)
	})
	return it, err
}
