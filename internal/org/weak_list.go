package org

import (
	"context"
	"strconv"
	"strings"

	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// WeakStatus selects open or closed flags.
type WeakStatus string

const (
	WeakOpen   WeakStatus = "open"
	WeakClosed WeakStatus = "closed"
)

// WeakFilter selects flags for ListWeak.
type WeakFilter struct {
	Status  WeakStatus // open (default) or closed
	TownID  int64
	AfterID int64 // keyset: continue after this flag of the previous page
	Limit   int
}

// ListWeak lists the flags in the actor's scope. Open flags come by
// deadline, earliest first — so every overdue one (deadline before today)
// leads the list, the most overdue at the top — and closed ones by the
// day they closed, latest first. Pages continue after a flag id; the
// cursor's own sort key is looked up, so the order needs no offset.
func (s *Service) ListWeak(ctx context.Context, a *auth.Actor, f WeakFilter) ([]WeakFlag, error) {
	var args db.Args
	where := []string{args.Subtree("o.path", a.Scope(auth.PermOrgRead))}
	if f.TownID != 0 {
		where = append(where, "w.town_id = "+args.Add(f.TownID))
	}
	order := "w.deadline, w.id"
	if f.Status == WeakClosed {
		where = append(where, "w.closed_on IS NOT NULL")
		order = "w.closed_on DESC, w.id DESC"
		if f.AfterID != 0 {
			c := args.Add(f.AfterID)
			where = append(where, `(w.closed_on < (SELECT closed_on FROM weak_flags WHERE id = `+c+`)
				OR (w.closed_on = (SELECT closed_on FROM weak_flags WHERE id = `+c+`) AND w.id < `+c+`))`)
		}
	} else {
		where = append(where, "w.closed_on IS NULL")
		if f.AfterID != 0 {
			c := args.Add(f.AfterID)
			where = append(where, `(w.deadline > (SELECT deadline FROM weak_flags WHERE id = `+c+`)
				OR (w.deadline = (SELECT deadline FROM weak_flags WHERE id = `+c+`) AND w.id > `+c+`))`)
		}
	}
	limit := db.Limit(f.Limit, 100, 500)
	return s.queryWeak(ctx, `SELECT `+weakColumns+` `+weakFrom+`
		WHERE `+strings.Join(where, " AND ")+` ORDER BY `+order+` LIMIT `+strconv.Itoa(limit), args.Values()...)
}
