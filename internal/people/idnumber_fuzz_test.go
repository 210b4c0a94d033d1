package people

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/i18n"
)

// FuzzParseIDNumber feeds arbitrary text to the id-number parser and the
// sealer. The parser never panics; it refuses with a field error on
// id_number whose message exists in both languages, or accepts a number
// that is really valid, seals and opens back to itself, and is found by
// the look-up hash of the text the clerk typed. Seeds are in
// testdata/fuzz/FuzzParseIDNumber.
func FuzzParseIDNumber(f *testing.F) {
	today := day.New(2026, time.November, 26)
	sealer, err := NewSealer(bytes.Repeat([]byte{7}, 32))
	if err != nil {
		f.Fatal(err)
	}
	f.Add("53032519800101103X")
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseIDNumber(s, today)
		if err != nil {
			e := apperr.As(err)
			if e == nil || e.Kind != apperr.KindInvalid {
				t.Fatalf("ParseIDNumber(%q): not a field error: %v", s, err)
			}
			for field, fe := range e.Fields {
				if field != "id_number" || !i18n.Has(fe.Key) {
					t.Fatalf("ParseIDNumber(%q): field %q key %q", s, field, fe.Key)
				}
			}
			if len(e.Fields) == 0 {
				t.Fatalf("ParseIDNumber(%q): no field named", s)
			}
			if _, err := sealer.Seal(s, today); err == nil {
				t.Fatalf("Seal accepted %q, which ParseIDNumber refuses", s)
			}
			return
		}
		n := id.Number
		if len(n) != 18 || CheckDigit(n[:17]) != n[17] || id.Birth.After(today) || id.Birth.Year() < 1900 {
			t.Fatalf("ParseIDNumber(%q) accepted %q born %v", s, n, id.Birth)
		}
		if m := Mask(n); len(m) != 18 || strings.Contains(m, n[6:14]) {
			t.Fatalf("Mask(%q) = %q shows the birth date", n, m)
		}
		sealed, err := sealer.Seal(s, today)
		if err != nil {
			t.Fatalf("Seal(%q): %v", s, err)
		}
		if opened, err := sealer.Open(sealed.Cipher); err != nil || opened != n {
			t.Fatalf("Open(Seal(%q)) = %q, %v", s, opened, err)
		}
		if sealer.Hash(s) != sealed.Hash {
			t.Fatalf("the look-up hash of %q differs from the stored hash of %q: a search would miss it", s, n)
		}
	})
}
