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
	"strings"
	"time"
)

// Identifier is an id number as stored: sealed with AES-256-GCM, a keyed
// hash for exact look-up, and the masked form shown on screens.
type Identifier struct {
	Cipher []byte
	Hash   string
	Masked string
	Birth  time.Time
	Sex    string
}

// Sealer encrypts and looks up personal identifiers with one key. The
// look-up hash uses a key derived from it, so the hash column alone
// cannot be reversed by hashing every possible number without the key.
type Sealer struct {
	aead    cipher.AEAD
	hashKey []byte
}

// NewSealer takes the 32-byte key from the configuration.
func NewSealer(key []byte) (*Sealer, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("identifier key must be 32 bytes, got %d", len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte("dangjian identifier lookup v1"))
	return &Sealer{aead: aead, hashKey: m.Sum(nil)}, nil
}

// Seal validates a number and returns its stored form.
func (s *Sealer) Seal(number string, today time.Time) (Identifier, error) {
	id, err := ParseIDNumber(number, today)
	if err != nil {
		return Identifier{}, err
	}
	nonce := make([]byte, s.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return Identifier{}, err
	}
	sealed := s.aead.Seal(nonce, nonce, []byte(id.Number), []byte("id_number"))
	return Identifier{Cipher: sealed, Hash: s.Hash(id.Number), Masked: Mask(id.Number), Birth: id.Birth, Sex: id.Sex}, nil
}

// Hash is the look-up hash of a number, normalised the same way as Seal.
func (s *Sealer) Hash(number string) string {
	m := hmac.New(sha256.New, s.hashKey)
	m.Write([]byte(normalise(number)))
	return hex.EncodeToString(m.Sum(nil))
}

// Open decrypts a stored identifier. Callers must have checked that the
// actor may see it and must log the read.
func (s *Sealer) Open(sealed []byte) (string, error) {
	n := s.aead.NonceSize()
	if len(sealed) < n {
		return "", errors.New("sealed identifier too short")
	}
	plain, err := s.aead.Open(nil, sealed[:n], sealed[n:], []byte("id_number"))
	return string(plain), err
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
