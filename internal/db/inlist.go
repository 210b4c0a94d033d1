package db

import "strings"

// InList adds each value as a parameter and returns "$1, $2, …" for an
// IN (…) list. Callers keep lists to a few hundred values (see Chunk
// callers), so the statement stays small on both databases.
func InList[T any](a *Args, vals []T) string {
	ph := make([]string, len(vals))
	for i, v := range vals {
		ph[i] = a.Add(v)
	}
	return strings.Join(ph, ", ")
}
