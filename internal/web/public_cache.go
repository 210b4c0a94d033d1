package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"

	"dangjian/internal/auth"
)

// The public-page cache serves pages anyone may read (the village portal)
// from memory. A page is cached under its address, language and a
// version the handler reads cheaply before anything else (the village's
// portal version, a primary-key read bumped in every transaction that
// changes what the village shows), so a change made through any server is
// seen by every server on its next request: no server keeps a page older
// than the database says, and nothing needs to be told to forget
// (docs/decisions.md#the-portal-cache-is-keyed-by-a-version-in-the-database).
// Browsers may keep a page for PublicMaxAge seconds and revalidate it with
// its ETag, which is derived from the same key and answered without
// rendering.

// PublicMaxAge is how long a browser or proxy may show a public page
// without asking again.
const PublicMaxAge = 60

var (
	publicCacheControl = []string{"public, max-age=" + itoa(PublicMaxAge)}
	publicVary         = []string{"Accept-Encoding, Cookie"}
	gzipEncoding       = []string{"gzip"}
)

// publicCacheSize bounds the entries one server keeps; beyond it an
// arbitrary entry is dropped (stale versions are never asked for again,
// so they go first in practice).
const publicCacheSize = 1024

// publicEntry is one cached page. Its header values are kept as the
// slices a response's header holds, so a hit sets them without building
// them again.
type publicEntry struct {
	plain, gz         []byte
	ctype, etag       []string
	plainLen, gzipLen []string
}

type publicCache struct {
	mu      sync.RWMutex
	entries map[string]*publicEntry
}

var publicCaches sync.Map // *Kit → *publicCache: one per server, so test servers never share

func (k *Kit) publicCache() *publicCache {
	if c, ok := publicCaches.Load(k); ok {
		return c.(*publicCache)
	}
	c, _ := publicCaches.LoadOrStore(k, &publicCache{entries: map[string]*publicEntry{}})
	return c.(*publicCache)
}

// ServePublic writes a public response through the cache: version names
// what the page's content depends on — the data's version and the query
// parameters the handler read, normalised, never the raw query, so
// made-up parameters cannot fill the cache; body builds it on a miss.
func (k *Kit) ServePublic(w http.ResponseWriter, r *http.Request, version, ctype string, body func() ([]byte, error)) error {
	key := r.URL.Path + "|" + string(LangOf(r)) + "|" + version
	c := k.publicCache()
	c.mu.RLock()
	e := c.entries[key]
	c.mu.RUnlock()
	etag := ""
	if e != nil {
		etag = e.etag[0]
	} else {
		sum := sha256.Sum256([]byte(key))
		etag = `"` + hex.EncodeToString(sum[:12]) + `"`
	}
	h := w.Header()
	h["Cache-Control"] = publicCacheControl
	h["Vary"] = publicVary
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
		h.Set("ETag", etag)
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	if e == nil {
		b, err := body()
		if err != nil {
			return err
		}
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		_, _ = zw.Write(b)
		_ = zw.Close()
		e = &publicEntry{plain: b, gz: gz.Bytes(), ctype: []string{ctype}, etag: []string{etag},
			plainLen: []string{itoa(len(b))}, gzipLen: []string{itoa(gz.Len())}}
		c.mu.Lock()
		if len(c.entries) >= publicCacheSize {
			for k := range c.entries {
				delete(c.entries, k)
				break
			}
		}
		c.entries[key] = e
		c.mu.Unlock()
	}
	h["ETag"] = e.etag
	h["Content-Type"] = e.ctype
	out, length := e.plain, e.plainLen
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h["Content-Encoding"] = gzipEncoding
		out, length = e.gz, e.gzipLen
	}
	h["Content-Length"] = length
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return nil
	}
	_, err := w.Write(out)
	return err
}

// RenderPublic renders a public page through the cache. The page is
// rendered as for an anonymous visitor (no actor, no flash), since one
// copy serves everybody; data is loaded only on a miss.
func (k *Kit) RenderPublic(w http.ResponseWriter, r *http.Request, version, name string, data func() (any, error)) error {
	return k.ServePublic(w, r, version, "text/html; charset=utf-8", func() ([]byte, error) {
		d, err := data()
		if err != nil {
			return nil, err
		}
		anon := r.Clone(context.WithValue(r.Context(), actorKey, (*auth.Actor)(nil)))
		anon.Header.Del("Cookie")
		var buf bytes.Buffer
		if err := k.execute(&buf, anon, name, &view{Data: d}); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	})
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
