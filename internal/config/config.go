// Package config is the one validated settings struct, read from flags and
// DANGJIAN_* environment variables and passed down; nothing reads the
// environment anywhere else.
package config

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config holds every setting of a running server.
type Config struct {
	// Addr is where the HTTP server listens.
	Addr string
	// Database is a SQLite file path or a postgres:// URL.
	Database string
	// Key encrypts personal identifiers (32 bytes, hex). With SQLite and no
	// key given, one is created beside the database file on first start.
	Key []byte
	// KeyFile is the file the key was read from or created in; empty when
	// the key was given as DANGJIAN_KEY. Backups must carry it along.
	KeyFile string
	// IDCipher seals id numbers: "aes" (AES-256-GCM, HMAC-SHA-256 look-up
	// hashes; the default) or "sm4" (国密: SM4-GCM, HMAC-SM3). Rows sealed
	// either way stay readable; `dangjian reseal` moves them over.
	IDCipher string
	// SecureCookies marks cookies Secure; set it when served over TLS.
	SecureCookies bool
	// TrustProxy takes the client address from X-Forwarded-For, for
	// servers behind a reverse proxy.
	TrustProxy bool
	// BaseURL is how users reach the server, printed at start-up.
	BaseURL string
	// ShutdownTimeout bounds how long in-flight requests may finish.
	ShutdownTimeout time.Duration
	// MemoryLimitMiB is the Go runtime's soft memory limit: the collector
	// works harder near it, which keeps an old office PC responsive. 0 leaves
	// the runtime's default (or GOMEMLIMIT) alone.
	MemoryLimitMiB int
	// MaxRequests is how many requests the handlers serve at once; the
	// others wait their turn in order of arrival. 0 sizes it from the
	// database's connections (internal/web/gate.go).
	MaxRequests int
}

// defaultMemoryLimitMiB is the Go runtime's soft limit when none is set.
// A server on SQLite carries the database engine in its own process — its
// code and page caches take about 5 MB of the 40 MB an old office PC can
// give it — so the collector keeps the Go heap smaller there; an app
// server on PostgreSQL keeps more room (docs/performance.md).
func defaultMemoryLimitMiB(postgres bool) int {
	if postgres {
		return 24
	}
	return 19
}

// IsPostgres reports whether the database is PostgreSQL.
func (c Config) IsPostgres() bool {
	return strings.HasPrefix(c.Database, "postgres://") || strings.HasPrefix(c.Database, "postgresql://")
}

// Load reads flags (in args) over environment variables over defaults.
func Load(fs *flag.FlagSet, args []string, env func(string) string) (Config, error) {
	c := Config{ShutdownTimeout: 10 * time.Second}
	def := func(key, fallback string) string {
		if v := env(key); v != "" {
			return v
		}
		return fallback
	}
	var keyHex string
	fs.StringVar(&c.Addr, "addr", def("DANGJIAN_ADDR", "127.0.0.1:8080"), "listen address")
	fs.StringVar(&c.Database, "db", def("DANGJIAN_DB", "dangjian.db"), "SQLite file or postgres:// URL")
	fs.StringVar(&keyHex, "key", def("DANGJIAN_KEY", ""), "identifier encryption key, 64 hex digits")
	fs.StringVar(&c.IDCipher, "id-cipher", def("DANGJIAN_ID_CIPHER", "aes"), "id-number cipher: aes or sm4 (国密)")
	fs.BoolVar(&c.SecureCookies, "secure-cookies", def("DANGJIAN_SECURE_COOKIES", "") == "true", "mark cookies Secure (TLS)")
	fs.BoolVar(&c.TrustProxy, "trust-proxy", def("DANGJIAN_TRUST_PROXY", "") == "true", "use X-Forwarded-For")
	fs.StringVar(&c.BaseURL, "base-url", def("DANGJIAN_BASE_URL", ""), "public address of the server")
	memLimit := def("DANGJIAN_MEMORY_LIMIT", "")
	if env("GOMEMLIMIT") != "" {
		memLimit = "0" // the operator set the runtime's own variable
	}
	fs.Func("memory-limit", "soft memory limit in MiB (0: none)", func(v string) error { memLimit = v; return nil })
	maxRequests := def("DANGJIAN_MAX_REQUESTS", "0")
	fs.Func("max-requests", "requests served at once, the rest wait in order (0: from the database's connections)", func(v string) error { maxRequests = v; return nil })
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	var err error
	if c.MaxRequests, err = strconv.Atoi(maxRequests); err != nil || c.MaxRequests < 0 {
		return c, errors.New("DANGJIAN_MAX_REQUESTS must be a whole number (0: from the database's connections)")
	}
	if memLimit == "" {
		memLimit = strconv.Itoa(defaultMemoryLimitMiB(c.IsPostgres()))
	}
	n, err := strconv.Atoi(memLimit)
	if err != nil || n < 0 {
		return c, errors.New("DANGJIAN_MEMORY_LIMIT must be a whole number of MiB")
	}
	c.MemoryLimitMiB = n
	if keyHex != "" {
		k, err := hex.DecodeString(keyHex)
		if err != nil || len(k) != 32 {
			return c, errors.New("DANGJIAN_KEY must be 64 hex digits (32 bytes)")
		}
		c.Key = k
	}
	if c.BaseURL == "" {
		host := c.Addr
		if strings.HasPrefix(host, ":") {
			host = "localhost" + host
		}
		c.BaseURL = "http://" + host
	}
	return c, nil
}

// Validate checks the settings and fills in the SQLite key file. It is
// called once before anything starts.
func (c *Config) Validate() error {
	if c.Database == "" {
		return errors.New("no database: give -db with a file path or a postgres:// URL")
	}
	switch c.IDCipher {
	case "":
		c.IDCipher = "aes"
	case "aes", "sm4":
	default:
		return fmt.Errorf("DANGJIAN_ID_CIPHER must be aes or sm4, not %q", c.IDCipher)
	}
	if c.Key == nil {
		if c.IsPostgres() {
			return errors.New("DANGJIAN_KEY is required with PostgreSQL: every app server must share one key")
		}
		k, err := loadOrCreateKey(c.KeyPath())
		if err != nil {
			return err
		}
		c.Key, c.KeyFile = k, c.KeyPath()
	}
	return nil
}

// KeyPath is where a SQLite database's key file lives: beside it.
func (c Config) KeyPath() string { return c.Database + ".key" }

// loadOrCreateKey keeps a town office's key next to its database, so the
// one-PC set-up needs no configuration. Backups must copy both files.
func loadOrCreateKey(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		k, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(k) != 32 {
			return nil, fmt.Errorf("key file %s is damaged: expected 64 hex digits", path)
		}
		return k, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, []byte(hex.EncodeToString(k)+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("create key file: %w", err)
	}
	return k, nil
}
