package people

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strings"

	"github.com/emmansun/gmsm/sm3"
	"github.com/emmansun/gmsm/sm4"

	"dangjian/internal/day"
)

// Identifier is an id number as stored: sealed, a keyed hash for exact
// look-up, and the masked form shown on screens.
type Identifier struct {
	Cipher []byte
	Hash   string
	// Lookups are the number's hashes under every cipher, Hash first:
	// while `reseal` moves rows between ciphers, a check that the number
	// is free must find it under either.
	Lookups []string
	Masked  string
	Birth   day.Day
	Sex     string
}

// Cipher names how id numbers are sealed and hashed for look-up.
type Cipher string

const (
	// CipherAES is AES-256-GCM with HMAC-SHA-256 look-up hashes, the default.
	CipherAES Cipher = "aes"
	// CipherSM4 is the national standards (国密): SM4-GCM with HMAC-SM3.
	CipherSM4 Cipher = "sm4"
)

// A sealed number starts with the version byte of its cipher, then the
// nonce, then the ciphertext with its tag, so rows sealed either way can
// be read while `dangjian reseal` moves them from one to the other. Rows
// sealed before the version byte existed are nonce and ciphertext under
// AES; GCM's tag tells them apart from a versioned row whose nonce merely
// begins like a version byte.
const (
	versionAES byte = 1
	versionSM4 byte = 2
)

// Sealer encrypts and looks up personal identifiers with one key. It
// reads both ciphers and writes the configured one. The look-up hash uses
// a key derived from the main key, so the hash column alone cannot be
// reversed by hashing every possible number without the key.
type Sealer struct {
	cipher  Cipher
	aes     cipher.AEAD
	sm4     cipher.AEAD
	aesHash []byte // HMAC-SHA-256 key of the AES look-up hash
	sm3Hash []byte // HMAC-SM3 key of the SM4 look-up hash
}

// NewSealer takes the 32-byte key from the configuration and seals with AES.
func NewSealer(key []byte) (*Sealer, error) { return NewSealerFor(key, CipherAES) }

// NewSealerFor seals with the given cipher; it opens either.
func NewSealerFor(key []byte, c Cipher) (*Sealer, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("identifier key must be 32 bytes, got %d", len(key))
	}
	if c != CipherAES && c != CipherSM4 {
		return nil, fmt.Errorf("unknown identifier cipher %q: aes or sm4", c)
	}
	aesGCM, err := gcm(aes.NewCipher, key)
	if err != nil {
		return nil, err
	}
	// SM4 takes 128-bit keys: one derived from the main key, apart from
	// the look-up key, so neither reveals the other.
	sm4GCM, err := gcm(sm4.NewCipher, derive(sm3.New, key, "dangjian identifier sm4 v1")[:16])
	if err != nil {
		return nil, err
	}
	return &Sealer{cipher: c, aes: aesGCM, sm4: sm4GCM,
		aesHash: derive(sha256.New, key, "dangjian identifier lookup v1"),
		sm3Hash: derive(sm3.New, key, "dangjian identifier lookup sm3 v1")}, nil
}

func gcm(block func([]byte) (cipher.Block, error), key []byte) (cipher.AEAD, error) {
	b, err := block(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}

func derive(h func() hash.Hash, key []byte, label string) []byte {
	m := hmac.New(h, key)
	m.Write([]byte(label))
	return m.Sum(nil)
}

// Cipher is the cipher this sealer writes.
func (s *Sealer) Cipher() Cipher { return s.cipher }

// Seal validates a number and returns its stored form.
func (s *Sealer) Seal(number string, today day.Day) (Identifier, error) {
	id, err := ParseIDNumber(number, today)
	if err != nil {
		return Identifier{}, err
	}
	sealed, err := s.seal(id.Number)
	if err != nil {
		return Identifier{}, err
	}
	lookups := s.Hashes(id.Number)
	return Identifier{Cipher: sealed, Hash: lookups[0], Lookups: lookups, Masked: Mask(id.Number), Birth: id.Birth, Sex: id.Sex}, nil
}

func (s *Sealer) seal(number string) ([]byte, error) {
	aead, version := s.aes, versionAES
	if s.cipher == CipherSM4 {
		aead, version = s.sm4, versionSM4
	}
	out := make([]byte, 1+aead.NonceSize(), 1+aead.NonceSize()+len(number)+aead.Overhead())
	out[0] = version
	if _, err := rand.Read(out[1:]); err != nil {
		return nil, err
	}
	return aead.Seal(out, out[1:], []byte(number), []byte("id_number")), nil
}

// Hash is the look-up hash of a number under the configured cipher,
// normalised the same way as Seal.
func (s *Sealer) Hash(number string) string {
	if s.cipher == CipherSM4 {
		return lookup(sm3.New, s.sm3Hash, number)
	}
	return lookup(sha256.New, s.aesHash, number)
}

// Hashes are the look-up hashes of a number under every cipher, the
// configured one first: while `reseal` runs, a row may still carry the
// other, and a look-up that must not miss it matches either.
func (s *Sealer) Hashes(number string) []string {
	both := []string{lookup(sha256.New, s.aesHash, number), lookup(sm3.New, s.sm3Hash, number)}
	if s.cipher == CipherSM4 {
		both[0], both[1] = both[1], both[0]
	}
	return both
}

func lookup(h func() hash.Hash, key []byte, number string) string {
	m := hmac.New(h, key)
	m.Write([]byte(normalise(number)))
	return hex.EncodeToString(m.Sum(nil))
}

// Open decrypts a stored identifier, whichever cipher sealed it. Callers
// must have checked that the actor may see it and must log the read.
func (s *Sealer) Open(sealed []byte) (string, error) {
	plain, _, err := s.open(sealed)
	return plain, err
}

// open also returns the version byte the row carries, 0 for a row
// sealed before the version byte.
func (s *Sealer) open(sealed []byte) (string, byte, error) {
	if len(sealed) > 0 {
		aead := map[byte]cipher.AEAD{versionAES: s.aes, versionSM4: s.sm4}[sealed[0]]
		if aead != nil {
			if plain, err := openWith(aead, sealed[1:]); err == nil {
				return plain, sealed[0], nil
			}
		}
	}
	plain, err := openWith(s.aes, sealed)
	return plain, 0, err
}

func openWith(aead cipher.AEAD, sealed []byte) (string, error) {
	n := aead.NonceSize()
	if len(sealed) < n {
		return "", errors.New("sealed identifier too short")
	}
	plain, err := aead.Open(nil, sealed[:n], sealed[n:], []byte("id_number"))
	return string(plain), err
}

// Reseal returns a stored identifier sealed and hashed with this
// sealer's cipher, or changed=false when it already is. Rows sealed
// before the version byte are resealed too, so that they carry one.
func (s *Sealer) Reseal(sealed []byte) (out []byte, hash string, changed bool, err error) {
	plain, version, err := s.open(sealed)
	if err != nil {
		return nil, "", false, err
	}
	want := versionAES
	if s.cipher == CipherSM4 {
		want = versionSM4
	}
	if version == want {
		return sealed, s.Hash(plain), false, nil
	}
	if out, err = s.seal(plain); err != nil {
		return nil, "", false, err
	}
	return out, s.Hash(plain), true, nil
}

// normalise is what ParseIDNumber accepts around a number (any leading or
// trailing white space, as pasted from a spreadsheet, and a small x) plus
// spaces typed inside it, so a search finds what Seal stored.
func normalise(number string) string {
	b := []byte(strings.TrimSpace(number))
	out := b[:0]
	for _, c := range b {
		switch {
		case c == ' ' || c == '\t':
		case c == 'x':
			out = append(out, 'X')
		default:
			out = append(out, c)
		}
	}
	return string(out)
}
