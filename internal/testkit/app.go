package testkit

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"dangjian/internal/app"
	"dangjian/internal/config"
	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/openapi"
	"dangjian/internal/services"
	"dangjian/internal/web"
)

// Key is the identifier encryption key of test servers.
var Key = []byte("0123456789abcdef0123456789abcdef")

// Env is a running server on a test database, with the demo town loaded.
type Env struct {
	DB       *db.DB
	Clock    *db.FixedClock
	Svc      services.Services
	Town     *demo.Town
	Server   *httptest.Server
	Web      *web.Server
	api      *openapi.Validator // every /api/ response is checked against the document
	problems apiProblems
	logs     *lockedBuffer
}

// Start loads the demo town into d and serves it.
func Start(t testing.TB, d *db.DB) *Env {
	t.Helper()
	clock := Clock()
	svc, err := services.New(d, clock, Key)
	if err != nil {
		t.Fatal(err)
	}
	svc.Auth.Password = testPasswords
	town, err := loadDemo(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	logs := &lockedBuffer{}
	w, err := app.NewWeb(config.Config{Database: "test", Key: Key}, svc, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(w.Handler())
	t.Cleanup(srv.Close)
	v, err := openapi.NewValidator(w.OpenAPI())
	if err != nil {
		t.Fatal(err)
	}
	env := &Env{DB: d, Clock: clock, Svc: svc, Town: town, Server: srv, Web: w, api: v, logs: logs}
	t.Cleanup(func() { env.problems.report(t) })
	return env
}

// Client is a browser-like HTTP client with its own cookies that does not
// follow redirects, so tests can see where they point.
type Client struct {
	*http.Client
	t    testing.TB
	base string
	CSRF string
}

// NewClient makes an anonymous client.
func (e *Env) NewClient(t testing.TB) *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{t: t, base: e.Server.URL, Client: &http.Client{Jar: jar,
		Transport:     checkedAPI{env: e, next: http.DefaultTransport},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// Login logs a demo account in and remembers its CSRF token.
func (e *Env) Login(t testing.TB, username string) *Client {
	t.Helper()
	c := e.NewClient(t)
	resp := c.PostForm("/login", url.Values{"username": {username}, "password": {demo.DemoPassword}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: status %d", username, resp.StatusCode)
	}
	// The CSRF token is the session's; read it back from a page form.
	body := c.GetBody("/account")
	i := strings.Index(body, `name="csrf" value="`)
	if i < 0 {
		t.Fatalf("no csrf token on /account for %s", username)
	}
	rest := body[i+len(`name="csrf" value="`):]
	c.CSRF = rest[:strings.IndexByte(rest, '"')]
	return c
}

// Get fetches a path.
func (c *Client) Get(path string) *http.Response {
	c.t.Helper()
	resp, err := c.Client.Get(c.base + path)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp
}

// GetBody fetches a path and returns its body, failing on a non-200.
func (c *Client) GetBody(path string) string {
	c.t.Helper()
	resp := c.Get(path)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		c.t.Fatalf("GET %s: status %d: %.300s", path, resp.StatusCode, b)
	}
	return string(b)
}

// PostForm posts a form, adding the session's CSRF token.
func (c *Client) PostForm(path string, v url.Values) *http.Response {
	c.t.Helper()
	if c.CSRF != "" && v.Get("csrf") == "" {
		v.Set("csrf", c.CSRF)
	}
	resp, err := c.Client.PostForm(c.base+path, v)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp
}

// File is one file of a multipart form.
type File struct {
	Field, Name string
	Data        []byte
}

// PostFiles posts a multipart form, as a page's form with a file input
// sends it, adding the session's CSRF token.
func (c *Client) PostFiles(path string, v url.Values, files ...File) *http.Response {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if c.CSRF != "" && v.Get("csrf") == "" {
		mw.WriteField("csrf", c.CSRF)
	}
	for k, vs := range v {
		for _, x := range vs {
			mw.WriteField(k, x)
		}
	}
	for _, f := range files {
		w, err := mw.CreateFormFile(f.Field, f.Name)
		if err != nil {
			c.t.Fatal(err)
		}
		w.Write(f.Data)
	}
	mw.Close()
	resp, err := c.Client.Post(c.base+path, mw.FormDataContentType(), &body)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp
}

// Do sends a request with a JSON body (or none), adding the CSRF header.
func (c *Client) Do(method, path, body string, header ...string) *http.Response {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.CSRF != "" {
		req.Header.Set("X-CSRF-Token", c.CSRF)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.Client.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp
}

// ReadBody reads and closes a response body.
func ReadBody(resp *http.Response) string {
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// Logs is what the server has logged so far.
func (e *Env) Logs() string { return e.logs.String() }

// lockedBuffer is the server's log, written by its handlers at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
