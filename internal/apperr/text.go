package apperr

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text trims a one-line field (a name, a title, a code) and records it as
// missing, too long, or carrying characters no form should: any control
// character (NUL, escape, a newline) and the bidirectional overrides that
// make a name display reversed (U+202A–U+202E, U+2066–U+2069).
func Text(f Fields, field, v string, max int, required bool) string {
	return checkText(f, field, v, max, required, false)
}

// Prose is Text for a text area (minutes, a plan, a reply): line breaks
// and tabs are allowed, other control characters and overrides are not.
func Prose(f Fields, field, v string, max int, required bool) string {
	return checkText(f, field, v, max, required, true)
}

func checkText(f Fields, field, v string, max int, required, multiline bool) string {
	v = strings.TrimSpace(v)
	switch {
	case v == "" && required:
		f.Add(field, "error.required", nil)
	case utf8.RuneCountInString(v) > max:
		f.Add(field, "error.too_long", Params{"max": max})
	case !cleanText(v, multiline):
		f.Add(field, "error.text_chars", nil)
	}
	return v
}

// cleanText reports whether s is valid UTF-8 free of control characters
// (but line breaks and tabs when multiline) and bidi overrides.
func cleanText(s string, multiline bool) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, c := range s {
		switch {
		case multiline && (c == '\n' || c == '\r' || c == '\t'):
		case unicode.IsControl(c), bidiOverride(c):
			return false
		}
	}
	return true
}

// bidiOverride tells the embedding, override and isolate controls that
// reorder how the text around them is shown.
func bidiOverride(c rune) bool {
	return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
}

// Phone trims a telephone number and records a problem unless it is what
// people write on forms: digits with optional spaces and dashes and a
// leading +, at least 7 digits and at most 20 characters (landlines and
// mobiles). Empty is allowed; the caller requires it when it must.
func Phone(f Fields, field, v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return v
	}
	digits := 0
	for i, c := range v {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == '-' || (c == '+' && i == 0):
		default:
			f.Add(field, "error.phone_format", nil)
			return v
		}
	}
	if digits < 7 || len(v) > 20 {
		f.Add(field, "error.phone_format", nil)
	}
	return v
}
