package web

import (
	"encoding/json"
	"net/http"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
)

// DecodeJSON reads a request body of at most 1 MiB into v.
func DecodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &apperr.Error{Kind: apperr.KindInvalid, Key: "error.bad_json", Err: err}
	}
	return nil
}

// JSONDate reads a YYYY-MM-DD string field; empty stays zero.
func JSONDate(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := db.ParseDay(s)
	if err != nil {
		return t, apperr.Invalid(field, "error.date_format", nil)
	}
	return t, nil
}

// JSONDateInto reads a YYYY-MM-DD field, recording a malformed one in f
// so every bad field of a body is reported at once.
func JSONDateInto(f apperr.Fields, field, s string) time.Time {
	t, err := JSONDate(field, s)
	if err != nil {
		f.Add(field, "error.date_format", nil)
	}
	return t
}
