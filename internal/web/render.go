package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

//go:embed templates
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages is ONE template set holding the partials once and every page.
// Each page's "title" and "content" are renamed "<page>/title" and
// "<page>/content", and each page gets its own small copy of the layout
// calling them, defined as "<page>". A set per page would copy every
// partial 40 times over (some 9 MB of parse trees on an old PC).
type pages struct {
	set   *template.Template
	names map[string]bool
}

func loadPages(funcs template.FuncMap) (*pages, error) {
	set, err := template.New("partials").Funcs(funcs).ParseFS(templateFS, "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse partials: %w", err)
	}
	layout, err := templateFS.ReadFile("templates/layout.html")
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{set: set, names: map[string]bool{}}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		src, err := templateFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		page := strings.NewReplacer(`{{define "title"}}`, `{{define "`+name+`/title"}}`,
			`{{define "content"}}`, `{{define "`+name+`/content"}}`).Replace(string(src))
		frame := strings.NewReplacer(`{{define "layout"}}`, `{{define "`+name+`"}}`,
			`{{block "title" .}}{{end}}`, `{{template "`+name+`/title" .}}`,
			`{{block "content" .}}{{end}}`, `{{template "`+name+`/content" .}}`).Replace(string(layout))
		for i, part := range []string{page, frame} {
			if _, err := set.New(f + "#" + strconv.Itoa(i)).Parse(part); err != nil {
				return nil, fmt.Errorf("parse %s: %w", f, err)
			}
		}
		for _, block := range []string{name + "/title", name + "/content"} {
			if set.Lookup(block) == nil {
				return nil, fmt.Errorf("%s must define \"title\" and \"content\"", f)
			}
		}
		p.names[name] = true
	}
	for _, required := range requiredPages {
		if !p.names[required] {
			return nil, fmt.Errorf("template %s.html is missing", required)
		}
	}
	return p, nil
}

// requiredPages are pages the server cannot run without; handlers render
// only names listed here or found at start-up, and a test checks every
// render call's name against the parsed set.
var requiredPages = []string{"error", "login", "home", "account", "audit"}

// view is what every page template receives.
type view struct {
	Title  string
	Actor  *auth.Actor
	Lang   i18n.Lang
	CSRF   string
	Path   string
	Flash  string
	Nav    string
	Data   any
	Errors map[string]string // per-field messages
	Error  string            // a message for the whole form
	Form   map[string]string // what the user typed, to show again
	Picked url.Values        // every value of each field, for checkbox groups
}

// render writes a page with status 200.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, data any) error {
	return s.renderView(w, r, http.StatusOK, name, &view{Data: data})
}

// renderStatus writes a page after the status is already set (error pages).
func (s *Server) renderStatus(w http.ResponseWriter, r *http.Request, name string, data any) {
	if err := s.execute(w, r, name, &view{Data: data}); err != nil {
		s.log.Error("render error page", "err", err)
	}
}

// renderForm shows a form again with what was typed and the errors beside
// each field; a rule violation becomes the form's message.
func (s *Server) renderForm(w http.ResponseWriter, r *http.Request, name string, data any, err error) error {
	kind := apperr.KindOf(err)
	if err != nil && kind != apperr.KindInvalid && kind != apperr.KindRuleViolation && kind != apperr.KindConflict {
		return err
	}
	v := &view{Data: data, Form: map[string]string{}, Picked: url.Values{}}
	_ = r.ParseForm()
	for k, xs := range r.PostForm {
		if k != "csrf" && !strings.Contains(k, "password") {
			v.Form[k] = xs[0]
			v.Picked[k] = xs
		}
	}
	status := http.StatusOK
	if err != nil {
		status = statusOf(kind)
		v.Errors = fieldMessages(langOf(r), err)
		if len(v.Errors) == 0 {
			v.Error = message(langOf(r), err)
		}
	}
	return s.renderView(w, r, status, name, v)
}

func (s *Server) renderView(w http.ResponseWriter, r *http.Request, status int, name string, v *view) error {
	var buf bytes.Buffer
	if err := s.execute(&buf, r, name, v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if v.Flash != "" {
		// Shown once: the next page must not repeat it.
		http.SetCookie(w, &http.Cookie{Name: "flash", Value: "", Path: "/", MaxAge: -1,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
	}
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

func (s *Server) execute(w interface{ Write([]byte) (int, error) }, r *http.Request, name string, v *view) error {
	if !s.pages.names[name] {
		return fmt.Errorf("no template %q", name)
	}
	v.Actor = actorOf(r)
	v.Lang = langOf(r)
	v.Path = r.URL.Path
	if v.Actor != nil {
		v.CSRF = v.Actor.CSRF
	}
	if c, err := r.Cookie("flash"); err == nil {
		v.Flash = c.Value
	}
	return s.pages.set.ExecuteTemplate(w, name, v)
}

// redirect sends the browser on after a successful form, with a flash
// message key shown once on the next page.
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, to, flashKey string) error {
	if flashKey != "" {
		http.SetCookie(w, &http.Cookie{Name: "flash", Value: flashKey, Path: "/", MaxAge: 30,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// secure tells whether cookies must be marked Secure: when configured so,
// when the request came over TLS, or when a trusted reverse proxy says the
// browser used https.
func (s *Server) secure(r *http.Request) bool {
	return s.cfg.SecureCookies || r.TLS != nil ||
		(s.cfg.TrustProxy && strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https"))
}

// assets serves embedded static files under checksum URLs, cached for a
// year: a changed file gets a new URL, so old phones never keep stale code.
type assets struct {
	byName map[string][]byte
	sums   map[string]string
}

func loadAssets() (*assets, error) {
	a := &assets{byName: map[string][]byte{}, sums: map[string]string{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(b)
		a.byName[name] = b
		a.sums[name] = hex.EncodeToString(sum[:4])
		return nil
	})
	return a, err
}

// url is the checksum URL of a static file; an unknown name fails loudly
// at start-up through the template that asks for it.
func (a *assets) url(name string) (string, error) {
	sum, ok := a.sums[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return "/static/" + name + "?v=" + sum, nil
}

func (s *Server) static(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("file")
	b, ok := s.assets.byName[name]
	if !ok {
		return apperr.NotFound()
	}
	w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
	if r.URL.Query().Get("v") != "" {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
	return nil
}
