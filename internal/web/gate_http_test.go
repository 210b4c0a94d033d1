package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"dangjian/internal/app"
	"dangjian/internal/config"
	"dangjian/internal/testkit"
)

// A request waits at the gate while the server serves as many as it may,
// and comes in when one ends. The first request holds its place while its
// body is still arriving (a slow upload); the second, a health check,
// must queue behind it and be answered after it.
func TestServerServesAtMostMaxRequestsAtOnce(t *testing.T) {
	env := testkit.Start(t, testkit.SQLite(t))
	w, err := app.NewWeb(config.Config{Database: "test", Key: testkit.Key, MaxRequests: 1}, env.Svc, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(w.Handler())
	defer srv.Close()

	body, upload := io.Pipe()
	first := make(chan int)
	go func() {
		req, _ := http.NewRequest("POST", srv.URL+"/login", body)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			first <- 0
			return
		}
		resp.Body.Close()
		first <- resp.StatusCode
	}()
	if _, err := upload.Write([]byte("username=admin&")); err != nil {
		t.Fatal(err)
	}
	for w.FreePlaces() != 0 { // the upload's handler is in
		runtime.Gosched()
	}
	second := make(chan int)
	go func() {
		resp, err := http.Get(srv.URL + "/healthz")
		if err != nil {
			t.Error(err)
			second <- 0
			return
		}
		resp.Body.Close()
		second <- resp.StatusCode
	}()
	for w.QueuedRequests() != 1 {
		runtime.Gosched()
	}
	select {
	case code := <-second:
		t.Fatalf("the health check was answered (%d) while the upload held the only place", code)
	default:
	}
	upload.Write([]byte("password=" + strings.Repeat("x", 10)))
	upload.Close()
	if code := <-first; code == 0 || code >= 500 {
		t.Fatalf("the upload's answer: %d", code)
	}
	if code := <-second; code != http.StatusOK {
		t.Fatalf("the health check after it: %d", code)
	}
	if n := w.QueuedRequests(); n != 0 {
		t.Fatalf("%d still waiting", n)
	}
}
