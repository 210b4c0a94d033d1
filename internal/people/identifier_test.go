package people_test

import (
	"bytes"
	"strings"
	"testing"

	"dangjian/internal/people"
)

func sealer(t *testing.T, key string) *people.Sealer {
	t.Helper()
	s, err := people.NewSealer([]byte(key))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const key1 = "0123456789abcdef0123456789abcdef"

func TestSealOpenRoundTrip(t *testing.T) {
	s := sealer(t, key1)
	id, err := s.Seal("11010519491231002x", today)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(id.Cipher, []byte("110105")) {
		t.Fatal("the sealed form contains the plain number")
	}
	got, err := s.Open(id.Cipher)
	if err != nil || got != "11010519491231002X" {
		t.Fatalf("Open = %q, %v", got, err)
	}
	again, _ := s.Seal("11010519491231002X", today)
	if bytes.Equal(again.Cipher, id.Cipher) {
		t.Fatal("two seals of one number must differ (random nonce)")
	}
	id.Cipher[len(id.Cipher)-1] ^= 1
	if _, err := s.Open(id.Cipher); err == nil {
		t.Fatal("a tampered cipher must not open")
	}
	if _, err := sealer(t, "fedcba9876543210fedcba9876543210").Open(again.Cipher); err == nil {
		t.Fatal("another key must not open it")
	}
}

func TestSealRefusesBadNumber(t *testing.T) {
	if _, err := sealer(t, key1).Seal("110105194912310021", today); err == nil {
		t.Fatal("a bad check digit was sealed")
	}
}

func TestHashIgnoresCaseOfX(t *testing.T) {
	s := sealer(t, key1)
	lower, upper := s.Hash("11010519491231002x"), s.Hash("11010519491231002X")
	if lower != upper {
		t.Fatal("x and X hash differently")
	}
	id, _ := s.Seal("11010519491231002x", today)
	if id.Hash != upper {
		t.Fatal("Seal's hash differs from Hash")
	}
	if s.Hash("530325198001010010") == upper {
		t.Fatal("different numbers share a hash")
	}
	if sealer(t, "fedcba9876543210fedcba9876543210").Hash("11010519491231002X") == upper {
		t.Fatal("the hash does not depend on the key")
	}
}

func TestMask(t *testing.T) {
	if got := people.Mask("11010519491231002X"); got != "110105********002X" {
		t.Fatalf("Mask = %q", got)
	}
	if got := people.Mask("123"); strings.ContainsAny(got, "123") {
		t.Fatalf("a short input leaks: %q", got)
	}
	id, _ := sealer(t, key1).Seal("530325198001010010", today)
	if id.Masked != "530325********0010" || id.Sex != "M" || id.Birth.Year() != 1980 {
		t.Fatalf("sealed identifier: %+v", id)
	}
}
