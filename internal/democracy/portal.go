package democracy

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/disclosure"
)

// Late is one village's category without a publication within the
// schedule: the overdue board.
type Late struct {
	OrgID    int64               `json:"org_id"`
	OrgName  string              `json:"org_name"`
	Category disclosure.Category `json:"category"`
	Last     day.Day             `json:"last"` // the last publication, zero when none
	Due      day.Day             `json:"due"`
	DaysLate int                 `json:"days_late"`
}

// Overdue lists, for the villages in the actor's scope, each category not
// published within its schedule (schedule.finance months for 财务公开,
// schedule.general for the others), the longest late first. A category
// never published is due its schedule's months after 1 January.
func (s *Service) Overdue(ctx context.Context, a *auth.Actor) ([]Late, error) {
	var args db.Args
	rows, err := s.DB.QueryContext(ctx, `SELECT o.id, CASE WHEN o.short_name <> '' THEN o.short_name ELSE o.name END,
		COALESCE(o.town_id, 0), d.category, MAX(d.published_on)
		FROM orgs o LEFT JOIN disclosures d ON d.org_id = o.id AND d.state <> 'draft'
		WHERE o.type = 'general_branch' AND `+args.Subtree("o.path", a.Scope(auth.PermDemocracyRead))+`
		GROUP BY o.id, o.short_name, o.name, o.town_id, d.category`, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("democracy: overdue: %w", err)
	}
	type key struct {
		org int64
		cat disclosure.Category
	}
	last := map[key]day.Day{}
	names := map[int64]string{}
	towns := map[int64]int64{}
	var order []int64
	for rows.Next() {
		var id, town int64
		var name string
		var cat sql.NullString
		var on day.Day
		if err := rows.Scan(&id, &name, &town, &cat, &on); err != nil {
			rows.Close()
			return nil, err
		}
		if _, seen := names[id]; !seen {
			order = append(order, id)
		}
		names[id], towns[id] = name, town
		if cat.Valid {
			last[key{id, disclosure.Category(cat.String)}] = on
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	today := day.Today(s.Clock)
	rules := map[int64]Rules{}
	out := []Late{}
	for _, id := range order {
		r, ok := rules[towns[id]]
		if !ok {
			if r, err = townRules(ctx, s.DB, towns[id]); err != nil {
				return nil, err
			}
			rules[towns[id]] = r
		}
		for _, c := range disclosure.Categories {
			months := r.Get(RuleScheduleGeneral).Num
			if c == disclosure.Finance {
				months = r.Get(RuleScheduleFinance).Num
			}
			l := last[key{id, c}]
			from := l
			if from.IsZero() {
				from = day.New(today.Year(), time.January, 1)
			}
			due := from.AddMonths(months)
			if due.Before(today) {
				out = append(out, Late{OrgID: id, OrgName: names[id], Category: c, Last: l, Due: due, DaysLate: due.DaysUntil(today)})
			}
		}
	}
	sortLate(out)
	return out, nil
}

func sortLate(l []Late) {
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && l[j].DaysLate > l[j-1].DaysLate; j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
}

// PortalVillage is a village as the portal's index lists it.
type PortalVillage struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	TownName string `json:"town_name"`
}

// PortalVillages lists every village, by town: the portal is public.
func (s *Service) PortalVillages(ctx context.Context) ([]PortalVillage, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT o.id, CASE WHEN o.short_name <> '' THEN o.short_name ELSE o.name END,
		COALESCE(CASE WHEN t.short_name <> '' THEN t.short_name ELSE t.name END, '')
		FROM orgs o LEFT JOIN orgs t ON t.id = o.town_id
		WHERE o.type = 'general_branch' ORDER BY o.type, o.town_id, o.sort_order, o.id LIMIT 2000`)
	if err != nil {
		return nil, err
	}
	return db.Collect(rows, func(rows *sql.Rows, v *PortalVillage) error { return rows.Scan(&v.ID, &v.Name, &v.TownName) })
}

// PortalVillage is one village by id for the portal, NotFound for
// anything else.
func (s *Service) PortalVillage(ctx context.Context, id int64) (Village, error) {
	return loadVillage(ctx, s.DB, id)
}

// PortalFilter selects a village's public items.
type PortalFilter struct {
	OrgID    int64
	Category disclosure.Category // "" for all
	Period   string              // a prefix: "2026" also finds "2026-11" and "2026-Q3"
	Limit    int
}

// PortalItems lists a village's published, superseded and archived items,
// latest publication first.
func (s *Service) PortalItems(ctx context.Context, f PortalFilter) ([]Item, error) {
	var args db.Args
	where := []string{"d.org_id = " + args.Add(f.OrgID), "d.published_on IS NOT NULL"}
	if f.Category != "" {
		where = append(where, "d.category = "+args.Add(string(f.Category)))
	}
	if f.Period != "" {
		where = append(where, "d.period >= "+args.Add(f.Period)+" AND d.period < "+args.Add(f.Period+"~"))
	}
	return queryItems(ctx, s.DB, strings.Join(where, " AND ")+` ORDER BY d.org_id DESC, d.published_on DESC, d.id DESC LIMIT `+
		strconv.Itoa(db.Limit(f.Limit, 100, 2000)), args.Values()...)
}

// PortalItem is one public item with every version of it, newest first;
// a draft is NotFound.
func (s *Service) PortalItem(ctx context.Context, id int64) (Item, []Item, error) {
	it, err := loadItem(ctx, s.DB, id)
	if err != nil {
		return it, nil, err
	}
	if !it.Public() {
		return Item{}, nil, apperr.NotFound()
	}
	versions, err := s.versions(ctx, it)
	return it, versions, err
}

// versions walks the chain of versions an item belongs to.
func (s *Service) versions(ctx context.Context, it Item) ([]Item, error) {
	all, err := queryItems(ctx, s.DB, `d.org_id = $1 AND d.published_on IS NOT NULL AND d.category = $2 AND d.period = $3
		ORDER BY d.org_id DESC, d.published_on DESC, d.id DESC LIMIT 200`, it.OrgID, string(it.Category), it.Period)
	if err != nil {
		return nil, err
	}
	byID := map[int64]Item{}
	next := map[int64]int64{} // id → the version superseding it
	for _, x := range all {
		byID[x.ID] = x
		if x.SupersedesID != 0 {
			next[x.SupersedesID] = x.ID
		}
	}
	head := it.ID
	for next[head] != 0 {
		head = next[head]
	}
	var out []Item
	for id := head; id != 0; id = byID[id].SupersedesID {
		x, ok := byID[id]
		if !ok {
			break
		}
		out = append(out, x)
	}
	return out, nil
}

// Verification is what /portal/verify says about a code.
type Verification struct {
	Code    string `json:"code"`
	Found   bool   `json:"found"`
	Item    Item   `json:"item"`
	Current Item   `json:"current"` // the version in force; the same as Item unless superseded
}

// Superseded reports whether a newer version replaced the one verified.
func (v Verification) Superseded() bool { return v.Found && v.Current.ID != v.Item.ID }

// Verify looks a printed code up among published versions.
func (s *Service) Verify(ctx context.Context, code string) (Verification, error) {
	v := Verification{Code: NormalizeCode(code)}
	if len(v.Code) != 9 {
		return v, nil
	}
	list, err := queryItems(ctx, s.DB, `d.code = $1`, v.Code)
	if err != nil || len(list) == 0 {
		return v, err
	}
	v.Found, v.Item = true, list[0]
	versions, err := s.versions(ctx, v.Item)
	if err != nil {
		return v, err
	}
	v.Current = v.Item
	if len(versions) > 0 {
		v.Current = versions[0]
	}
	return v, nil
}

// Feedback states.
const (
	FeedbackPending = "pending" // waiting for moderation
	FeedbackShown   = "shown"
	FeedbackHidden  = "hidden"
)

// RuleFeedbackRate is the per-address limit on the portal's feedback form.
const RuleFeedbackRate = "feedback.rate"

// Feedback is a villager's message from the portal with the village's reply.
type Feedback struct {
	ID        int64      `json:"id"`
	OrgID     int64      `json:"org_id"`
	OrgName   string     `json:"org_name"`
	OrgPath   string     `json:"-"`
	ItemID    int64      `json:"item_id,omitempty"`
	Name      string     `json:"name,omitempty"`
	Body      string     `json:"body"`
	State     string     `json:"state"`
	CreatedAt time.Time  `json:"created_at"`
	Reply     string     `json:"reply,omitempty"`
	RepliedAt *time.Time `json:"replied_at,omitempty"`
	// Days is how many days the reply took, or has waited so far.
	Days    int  `json:"days"`
	Overdue bool `json:"overdue"` // no reply within feedback.reply_days
}

// NewFeedback is what the portal's form sends.
type NewFeedback struct {
	OrgID  int64
	ItemID int64
	Name   string
	Body   string
	Addr   string // the sender's address; only its hash is kept
}

// SubmitFeedback takes a villager's message (no login): at most
// feedback.per_hour from one address an hour; it shows once moderated.
func (s *Service) SubmitFeedback(ctx context.Context, in NewFeedback) (Feedback, error) {
	f := apperr.Fields{}
	in.Name = apperr.Text(f, "name", in.Name, 50, false)
	in.Body = apperr.Prose(f, "body", in.Body, 2000, true)
	if err := f.Err(); err != nil {
		return Feedback{}, err
	}
	sum := sha256.Sum256([]byte("portal-feedback:" + in.Addr))
	hash := hex.EncodeToString(sum[:16])
	var fb Feedback
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := loadVillage(ctx, tx, in.OrgID)
		if err != nil {
			return err
		}
		if in.ItemID != 0 {
			it, err := loadItem(ctx, tx, in.ItemID)
			if err != nil || it.OrgID != v.ID || !it.Public() {
				return apperr.NotFound()
			}
		}
		rules, err := townRules(ctx, tx, v.TownID)
		if err != nil {
			return err
		}
		now := s.Clock.Now()
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM portal_feedback WHERE addr_hash = $1 AND created_at > $2`,
			hash, now.Add(-time.Hour)).Scan(&n); err != nil {
			return err
		}
		if limit := rules.Get(RuleFeedbackPerHour).Num; n >= limit {
			return &apperr.Error{Kind: apperr.KindTooMany, Key: "rule." + RuleFeedbackRate, Rule: RuleFeedbackRate,
				Params: apperr.Params{"n": limit}}
		}
		fb = Feedback{OrgID: v.ID, OrgName: v.Name, ItemID: in.ItemID, Name: in.Name, Body: in.Body, State: FeedbackPending, CreatedAt: now}
		if err := tx.QueryRowContext(ctx, `INSERT INTO portal_feedback(org_id, town_id, item_id, name, body, addr_hash, state, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, v.ID, db.NullID(v.TownID), db.NullID(in.ItemID), in.Name,
			in.Body, hash, fb.State, now).Scan(&fb.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, audit.Actor{Name: "portal"}, audit.Entry{Action: "feedback.submit", Entity: "feedback",
			EntityID: fb.ID, OrgID: v.ID, After: fb})
	})
	return fb, err
}

// ModerateFeedback shows or hides a message (democracy.review).
func (s *Service) ModerateFeedback(ctx context.Context, a *auth.Actor, id int64, show bool) (Feedback, error) {
	state := FeedbackHidden
	if show {
		state = FeedbackShown
	}
	return s.changeFeedback(ctx, a, id, auth.PermDemocracyReview, "feedback.moderate", func(tx *sql.Tx, fb *Feedback, now time.Time) error {
		fb.State = state
		_, err := tx.ExecContext(ctx, `UPDATE portal_feedback SET state = $1, moderated_by = $2, moderated_at = $3 WHERE id = $4`,
			state, a.UserRef(), now, id)
		return err
	})
}

// ReplyFeedback records the village's reply (democracy.write), once.
func (s *Service) ReplyFeedback(ctx context.Context, a *auth.Actor, id int64, reply string) (Feedback, error) {
	f := apperr.Fields{}
	reply = apperr.Prose(f, "reply", reply, 5000, true)
	if err := f.Err(); err != nil {
		return Feedback{}, err
	}
	return s.changeFeedback(ctx, a, id, auth.PermDemocracyWrite, "feedback.reply", func(tx *sql.Tx, fb *Feedback, now time.Time) error {
		if fb.RepliedAt != nil {
			return apperr.Conflict("feedback.already_replied", nil)
		}
		fb.Reply, fb.RepliedAt = reply, &now
		_, err := tx.ExecContext(ctx, `UPDATE portal_feedback SET reply = $1, replied_by = $2, replied_at = $3 WHERE id = $4`,
			reply, a.UserRef(), now, id)
		return err
	})
}

func (s *Service) changeFeedback(ctx context.Context, a *auth.Actor, id int64, perm auth.Perm, action string,
	change func(tx *sql.Tx, fb *Feedback, now time.Time) error) (Feedback, error) {
	var fb Feedback
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		list, err := queryFeedback(ctx, tx, s.Clock.Now(), 10, `f.id = $1`, id)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return apperr.NotFound()
		}
		fb = list[0]
		if err := a.Decide(auth.PermDemocracyRead, perm, fb.OrgPath); err != nil {
			return err
		}
		now := s.Clock.Now()
		if err := change(tx, &fb, now); err != nil {
			return err
		}
		if err := s.bumpPortal(ctx, tx, fb.OrgID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: action, Entity: "feedback", EntityID: id,
			OrgID: fb.OrgID, After: map[string]any{"state": fb.State, "reply": fb.Reply}})
	})
	return fb, err
}

// FeedbackFilter selects messages for the village's list.
type FeedbackFilter struct {
	OrgID  int64
	Before int64
	Limit  int
}

// ListFeedback lists messages in the actor's scope, newest first, with
// the days each waited and whether it is overdue.
func (s *Service) ListFeedback(ctx context.Context, a *auth.Actor, f FeedbackFilter) ([]Feedback, error) {
	var args db.Args
	where := []string{args.Subtree("o.path", a.Scope(auth.PermDemocracyRead))}
	if f.OrgID != 0 {
		where = append(where, "f.org_id = "+args.Add(f.OrgID))
	}
	if f.Before != 0 {
		where = append(where, "f.id < "+args.Add(f.Before))
	}
	return s.feedbackWithRules(ctx, strings.Join(where, " AND ")+` ORDER BY f.id DESC LIMIT `+strconv.Itoa(db.Limit(f.Limit, 50, 200)), args.Values()...)
}

// PortalFeedback lists a village's moderated messages for the portal.
func (s *Service) PortalFeedback(ctx context.Context, orgID int64) ([]Feedback, error) {
	return s.feedbackWithRules(ctx, `f.org_id = $1 AND f.state = 'shown' ORDER BY f.org_id DESC, f.id DESC LIMIT 30`, orgID)
}

func (s *Service) feedbackWithRules(ctx context.Context, whereOrder string, args ...any) ([]Feedback, error) {
	list, err := queryFeedback(ctx, s.DB, s.Clock.Now(), 0, whereOrder, args...)
	if err != nil || len(list) == 0 {
		return list, err
	}
	cache := map[int64]int{}
	for i := range list {
		var town int64
		if err := s.DB.QueryRowContext(ctx, `SELECT COALESCE(town_id, 0) FROM orgs WHERE id = $1`, list[i].OrgID).Scan(&town); err != nil {
			return nil, err
		}
		daysLimit, ok := cache[town]
		if !ok {
			r, err := townRules(ctx, s.DB, town)
			if err != nil {
				return nil, err
			}
			daysLimit = r.Get(RuleFeedbackReplyDays).Num
			cache[town] = daysLimit
		}
		list[i].Overdue = list[i].State != FeedbackHidden && list[i].RepliedAt == nil && list[i].Days > daysLimit
	}
	return list, nil
}

func queryFeedback(ctx context.Context, q db.Queryer, now time.Time, _ int, whereOrder string, args ...any) ([]Feedback, error) {
	rows, err := q.QueryContext(ctx, `SELECT f.id, f.org_id, CASE WHEN o.short_name <> '' THEN o.short_name ELSE o.name END, o.path,
		COALESCE(f.item_id, 0), f.name, f.body, f.state, f.created_at, f.reply, f.replied_at
		FROM portal_feedback f JOIN orgs o ON o.id = f.org_id WHERE `+whereOrder, args...)
	if err != nil {
		return nil, fmt.Errorf("democracy: feedback: %w", err)
	}
	return db.Collect(rows, func(rows *sql.Rows, fb *Feedback) error {
		var replied sql.NullTime
		if err := rows.Scan(&fb.ID, &fb.OrgID, &fb.OrgName, &fb.OrgPath, &fb.ItemID, &fb.Name, &fb.Body, &fb.State,
			&fb.CreatedAt, &fb.Reply, &replied); err != nil {
			return err
		}
		fb.CreatedAt = fb.CreatedAt.UTC()
		end := now
		if replied.Valid {
			t := replied.Time.UTC()
			fb.RepliedAt, end = &t, t
		}
		fb.Days = int(end.Sub(fb.CreatedAt) / (24 * time.Hour))
		return nil
	})
}
