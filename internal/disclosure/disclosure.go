// Package disclosure is what one programme hands to 五公开 (public
// disclosure) to be reviewed and published: the village's monthly
// 财务公开 drawn from its books, a commendation's result for 党务公开. The
// producing programme builds a Draft inside its own transaction; the
// disclosure programme files it as a draft item that goes through the one
// review procedure like any other, so nothing is typed twice.
package disclosure

import (
	"context"
	"database/sql"

	"dangjian/internal/auth"
)

// Category is one of the five 五公开 categories.
type Category string

const (
	Party      Category = "party"      // 党务公开
	Government Category = "government" // 政务公开
	Village    Category = "village"    // 村务公开
	Finance    Category = "finance"    // 财务公开
	Service    Category = "service"    // 服务公开
)

// Categories in the order they are shown.
var Categories = []Category{Party, Government, Village, Finance, Service}

// Draft is one item another programme produces for disclosure.
type Draft struct {
	OrgID    int64    // the village organisation the item belongs to
	Category Category //
	Period   string   // what it covers: "2026-11", "2026-Q3" or "2026"
	Title    string
	// Body is plain text: paragraphs separated by a blank line, table rows
	// as lines of cells separated by " | ". The portal escapes it.
	Body string
	// Source names the producing record, e.g. "finance.month:12:2026-11".
	// A new Draft with the Source of an item already published supersedes
	// it (a new version saying what changed); one still in draft is
	// replaced.
	Source string
}

// Drafter files a Draft as a 五公开 item in tx, authored by a, and returns
// the item's id. It checks a's scope on d.OrgID like any use case; a nil
// actor is the system (the demo loader, a background job), as everywhere.
type Drafter interface {
	Draft(ctx context.Context, tx *sql.Tx, a *auth.Actor, d Draft) (itemID int64, err error)
}
