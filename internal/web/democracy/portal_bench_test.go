package democracy_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"dangjian/internal/testkit"
)

// BenchmarkPortalVillage serves a village's board through the whole
// handler chain (version read, cache, gzip) and, as the baseline, the
// same bytes from memory through a bare handler: the same body and the
// same headers (the security headers, ETag, caching and length that any
// public page must send), set from prepared values as a competent
// handler would. The difference is what the routing, the middleware, the
// version and the cache look-up cost over serving a file.
//
//	go test -run '^$' -bench Portal -benchtime 2000x ./internal/web/democracy/
func BenchmarkPortalVillage(b *testing.B) {
	env := testkit.Start(b, testkit.SQLite(b))
	h := env.Web.Handler()
	path := fmt.Sprintf("/portal/v/%d", env.Town.Villages["海丹"].ID)
	req := func() *http.Request {
		r := httptest.NewRequest("GET", path, nil)
		r.Header.Set("Accept-Encoding", "gzip")
		return r
	}
	first := httptest.NewRecorder()
	h.ServeHTTP(first, req())
	gz := first.Body.Bytes()
	plain := httptest.NewRecorder()
	h.ServeHTTP(plain, httptest.NewRequest("GET", path, nil))
	b.Logf("page: %d bytes, %d gzipped", plain.Body.Len(), len(gz))
	b.Run("portal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req())
			if w.Code != 200 {
				b.Fatal(w.Code)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	})
	b.Run("bytes-from-memory", func(b *testing.B) {
		b.ReportAllocs()
		header := first.Result().Header
		mem := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			for k, v := range header {
				h[k] = v
			}
			_, _ = w.Write(gz)
		})
		for b.Loop() {
			w := httptest.NewRecorder()
			mem.ServeHTTP(w, req())
			_, _ = io.Copy(io.Discard, w.Body)
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	})
	b.Run("portal-uncached", func(b *testing.B) {
		// Every request after a publication: version moved, page rendered.
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			w := httptest.NewRecorder()
			// A new month each time: a miss in the cache (2,000 distinct pages).
			r := httptest.NewRequest("GET", fmt.Sprintf("%s?period=%d-%02d", path, 2000+i/12%100, i%12+1), nil)
			h.ServeHTTP(w, r)
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	})
}
