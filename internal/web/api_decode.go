package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// MaxJSONBody is the largest JSON request body the API reads.
const MaxJSONBody = 1 << 20

// DecodeJSON reads a request body of at most MaxJSONBody into v and says
// precisely what is wrong with one it cannot read: which field has the
// wrong type and what was expected, which field is unknown, where the
// syntax breaks, or that the body is cut short or too large.
func DecodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, MaxJSONBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonProblem(err)
	}
	if dec.More() {
		return &apperr.Error{Kind: apperr.KindInvalid, Key: "error.json_trailing"}
	}
	return nil
}

// jsonProblem turns a decoding error into the error the client is shown.
func jsonProblem(err error) error {
	var (
		tooLarge *http.MaxBytesError
		syntax   *json.SyntaxError
		typ      *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &tooLarge):
		return &apperr.Error{Kind: apperr.KindTooLarge, Key: "error.body_too_large",
			Params: apperr.Params{"max_kib": tooLarge.Limit >> 10}, Err: err}
	case errors.Is(err, io.EOF):
		return &apperr.Error{Kind: apperr.KindInvalid, Key: "error.json_empty", Err: err}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &apperr.Error{Kind: apperr.KindInvalid, Key: "error.json_truncated", Err: err}
	case errors.As(err, &syntax):
		return &apperr.Error{Kind: apperr.KindInvalid, Key: "error.json_syntax",
			Params: apperr.Params{"offset": syntax.Offset}, Err: err}
	case errors.As(err, &typ) && typ.Field != "":
		return apperr.Invalid(typ.Field, "error.json_type", apperr.Params{"expected": jsonKind(typ.Type.Kind().String()), "got": jsonKind(typ.Value)})
	case errors.As(err, &typ):
		return &apperr.Error{Kind: apperr.KindInvalid, Key: "error.json_object", Err: err}
	}
	// encoding/json reports an unknown field only in its message.
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		field := strings.Trim(name, `"`)
		if field == "" {
			// A key "" names no field a form could mark: the body is blamed.
			return &apperr.Error{Kind: apperr.KindInvalid, Key: "error.json_unknown_field", Params: apperr.Params{"field": `""`}, Err: err}
		}
		return apperr.Invalid(field, "error.json_unknown_field", apperr.Params{"field": field})
	}
	return &apperr.Error{Kind: apperr.KindInvalid, Key: "error.bad_json", Err: err}
}

// jsonKind names a JSON or Go kind as the message catalog does.
func jsonKind(kind string) i18n.Key {
	switch kind {
	case "string":
		return "json.kind.string"
	case "number", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64":
		return "json.kind.number"
	case "bool":
		return "json.kind.bool"
	case "array", "slice":
		return "json.kind.array"
	case "object", "struct", "map":
		return "json.kind.object"
	}
	return "json.kind.other"
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
