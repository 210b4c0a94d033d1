package db

import (
	"strconv"
	"strings"
)

// Args numbers query parameters while a query is built from a filter
// struct, so the SQL stays visible and identical on both databases.
type Args struct{ list []any }

// Add appends v and returns its placeholder ("$3").
func (a *Args) Add(v any) string {
	a.list = append(a.list, v)
	return "$" + strconv.Itoa(len(a.list))
}

// Values are the arguments in placeholder order.
func (a *Args) Values() []any { return a.list }

// Subtree is a condition that col (an orgs.path column) lies under one of
// paths. With no paths it is false: an actor without scope sees nothing.
func (a *Args) Subtree(col string, paths []string) string {
	if len(paths) == 0 {
		return "1 = 0"
	}
	ors := make([]string, len(paths))
	for i, p := range paths {
		ors[i] = col + " >= " + a.Add(p) + " AND " + col + " < " + a.Add(PathEnd(p))
	}
	return "(" + strings.Join(ors, " OR ") + ")"
}

// PathEnd is the exclusive upper bound of the subtree under path: '/' sorts
// just below '0', so every path starting with "/1/3/" lies in
// ["/1/3/", "/1/30"). A plain range keeps the same SQL text indexable on
// both databases (the column is COLLATE "C" on PostgreSQL).
func PathEnd(path string) string {
	return strings.TrimSuffix(path, "/") + "0"
}

// Under reports whether path lies in the subtree rooted at root.
func Under(path, root string) bool { return strings.HasPrefix(path, root) }

// NullID stores 0 as NULL for optional references.
func NullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
