package people_test

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
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

// Both ciphers open each other's rows and rows sealed before the version
// byte; each writes its own, and reseal moves a row from one to the other.
func TestSealersReadEveryVersion(t *testing.T) {
	key := []byte(key1)
	aesS, err := people.NewSealerFor(key, people.CipherAES)
	if err != nil {
		t.Fatal(err)
	}
	sm4S, err := people.NewSealerFor(key, people.CipherSM4)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := people.NewSealerFor(key, "des"); err == nil {
		t.Fatal("an unknown cipher was accepted")
	}
	const number = "11010519491231002X"
	a, _ := aesS.Seal(number, today)
	g, _ := sm4S.Seal(number, today)
	if a.Cipher[0] != 1 || g.Cipher[0] != 2 {
		t.Fatalf("version bytes %d and %d, want 1 (AES) and 2 (SM4)", a.Cipher[0], g.Cipher[0])
	}
	if a.Hash == g.Hash || g.Hash != sm4S.Hash(number) || a.Hash != aesS.Hash(number) {
		t.Fatal("each cipher must have its own look-up hash")
	}
	if h := sm4S.Hashes(number); h[0] != g.Hash || h[1] != a.Hash {
		t.Fatalf("Hashes under SM4: %v", h)
	}
	legacy := legacySeal(t, key, number)
	for _, s := range []*people.Sealer{aesS, sm4S} {
		for name, sealed := range map[string][]byte{"aes": a.Cipher, "sm4": g.Cipher, "legacy": legacy} {
			if got, err := s.Open(sealed); err != nil || got != number {
				t.Errorf("%s sealer opening a %s row: %q %v", s.Cipher(), name, got, err)
			}
		}
	}
	out, hash, changed, err := sm4S.Reseal(a.Cipher)
	if err != nil || !changed || out[0] != 2 || hash != g.Hash {
		t.Fatalf("reseal AES → SM4: %v %v %v", changed, hash, err)
	}
	if _, _, changed, _ := sm4S.Reseal(out); changed {
		t.Fatal("an SM4 row was resealed to SM4 again")
	}
	if out, hash, changed, _ := aesS.Reseal(legacy); !changed || out[0] != 1 || hash != a.Hash {
		t.Fatal("a row sealed before the version byte must be resealed to carry one, with the same hash")
	}
	other := sealer(t, "fedcba9876543210fedcba9876543210")
	if _, err := other.Open(g.Cipher); err == nil {
		t.Fatal("a different key opened an SM4 row")
	}
}

// legacySeal is how rows were sealed before the version byte: AES-256-GCM,
// nonce then ciphertext.
func legacySeal(t *testing.T, key []byte, number string) []byte {
	block, err := aes.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	aead, _ := cipher.NewGCM(block)
	nonce := make([]byte, aead.NonceSize())
	rand.Read(nonce)
	return aead.Seal(nonce, nonce, []byte(number), []byte("id_number"))
}
