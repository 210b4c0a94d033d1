package xlsx

import (
	"unicode/utf8"
)

// appendText appends s escaped for XML 1.0 character data.
func appendText(b []byte, s string) []byte { return appendEscaped(b, s, false) }

// appendAttr appends s escaped for a quoted attribute value.
func appendAttr(b []byte, s string) []byte { return appendEscaped(b, s, true) }

// appendEscaped appends s escaped for XML 1.0, quotes too if asked (in
// an attribute; character data keeps them, as other writers do, so that
// a reader taking an element's inner XML gets the formula written). Characters XML 1.0 cannot carry at all (control
// characters other than tab, line feed and carriage return; U+FFFE and
// U+FFFF) are dropped, and bytes that are not UTF-8 become U+FFFD, so
// whatever a user typed into a field can never make a file that a
// spreadsheet refuses to open.
func appendEscaped(b []byte, s string, quotes bool) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c == '"' && quotes:
				b = append(b, "&quot;"...)
			case c == '\r': // kept: a raw one would be read back as a line feed
				b = append(b, "&#13;"...)
			case c == '\t' || c == '\n' || c >= 0x20:
				b = append(b, c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, "\uFFFD"...)
		case legalRune(r):
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

// legalRune reports whether XML 1.0 can carry r.
func legalRune(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= utf8.MaxRune
}

// legalText reports whether s is UTF-8 that XML 1.0 can carry unchanged.
func legalText(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || !legalRune(r) {
			return false
		}
	}
	return true
}

// needsPreserve reports whether a cell's text has white space at an end
// or a line break, which a reader drops unless told xml:space="preserve".
func needsPreserve(s string) bool {
	if s == "" {
		return false
	}
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	if space(s[0]) || space(s[len(s)-1]) {
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return true
		}
	}
	return false
}
