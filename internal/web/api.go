package web

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
)

// ListPage is the envelope of every API list: items and, when there may
// be more, the cursor to pass back as ?after= (or ?before= for logs).
type ListPage struct {
	Items any    `json:"items"`
	Next  *int64 `json:"next,omitempty"`
}

// Page sizes of every list, pages and API alike.
const (
	DefaultLimit = 50
	MaxLimit     = 200
)

// Limit reads a list's ?limit=: absent means DefaultLimit; anything but a
// whole number from 1 to MaxLimit is refused, so a client never receives
// fewer rows than it asked for without a cursor saying there are more.
func Limit(r *http.Request) (int, error) {
	s := strings.TrimSpace(r.FormValue("limit"))
	if s == "" {
		return DefaultLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxLimit {
		return 0, apperr.Invalid("limit", "error.limit_range", apperr.Params{"max": MaxLimit})
	}
	return n, nil
}

// Next is the cursor of the page after items, key giving that of item
// i, or 0 when items is the last
// page: a page that came back full may have more behind it.
func Next[T any](items []T, limit int, key func(i int) int64) int64 {
	if limit <= 0 || len(items) < limit {
		return 0
	}
	return key(len(items) - 1)
}

// WriteList writes one page of an API list, with next when there may be
// more; a nil list is written as [].
func WriteList[T any](w http.ResponseWriter, items []T, limit int, key func(i int) int64) error {
	p := ListPage{Items: List(items)}
	if c := Next(items, limit, key); c != 0 {
		p.Next = &c
	}
	WriteJSON(w, http.StatusOK, p)
	return nil
}

// RawJSON embeds a stored JSON document as is (or null when empty).
func RawJSON(s string) json.RawMessage {
	if s == "" {
		return json.RawMessage("null")
	}
	return json.RawMessage(s)
}

// List is xs, or an empty list for nil, so JSON shows [] and never null:
// a client iterating over items needs no special case.
func List[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
