package web

import (
	"net/http/httptest"
	"testing"

	"dangjian/internal/config"
)

// Cookies are Secure behind TLS: directly, by configuration, or through
// a trusted proxy's X-Forwarded-Proto — and an untrusted header is ignored.
func TestSecureCookies(t *testing.T) {
	cases := []struct {
		name  string
		cfg   config.Config
		proto string
		want  bool
	}{
		{"plain http", config.Config{}, "", false},
		{"configured", config.Config{SecureCookies: true}, "", true},
		{"trusted proxy says https", config.Config{TrustProxy: true}, "https", true},
		{"trusted proxy says http", config.Config{TrustProxy: true}, "http", false},
		{"untrusted header", config.Config{}, "https", false},
	}
	for _, c := range cases {
		k := &Kit{cfg: c.cfg}
		r := httptest.NewRequest("GET", "/", nil)
		if c.proto != "" {
			r.Header.Set("X-Forwarded-Proto", c.proto)
		}
		if got := k.Secure(r); got != c.want {
			t.Errorf("%s: secure = %v, want %v", c.name, got, c.want)
		}
	}
}
