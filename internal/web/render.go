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
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

//go:embed templates
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// kitTemplates are the kit's own templates: the layout, the menu and the
// pages every installation has (start page, error page).
func kitTemplates() fs.FS {
	sub, err := fs.Sub(templateFS, "templates")
	if err != nil {
		panic(err) // the folder is embedded in the binary
	}
	return sub
}

// templateSource is one programme's templates.
type templateSource struct {
	programme string
	files     fs.FS
}

// pages is ONE template set holding every partial once, the layout once
// and every page. Each page's "title" and "content" are renamed
// "<page>/title" and "<page>/content" and rendered first; the layout then
// places them (view.Title, view.Content). A set per page would copy every
// partial 40 times over (some 9 MB of parse trees on an old PC), and a
// copy of the layout per page held a further 1–2 MB.
type pages struct {
	set   *template.Template
	names map[string]bool
}

func loadPages(funcs template.FuncMap, sources []templateSource) (*pages, error) {
	set := template.New("partials").Funcs(funcs)
	layout, err := fs.ReadFile(sources[0].files, "layout.html")
	if err != nil {
		return nil, err
	}
	if _, err := set.New("layout.html").Parse(string(layout)); err != nil {
		return nil, fmt.Errorf("parse layout.html: %w", err)
	}
	defined := map[string]string{} // template name → file that defines it
	p := &pages{set: set, names: map[string]bool{}}
	for _, src := range sources {
		partials, err := fs.Glob(src.files, "partials/*.html")
		if err != nil {
			return nil, err
		}
		for _, f := range partials {
			text, err := fs.ReadFile(src.files, f)
			if err != nil {
				return nil, err
			}
			if err := defineOnce(funcs, defined, src.programme+"/"+f, string(text)); err != nil {
				return nil, err
			}
			if _, err := set.New(src.programme + "/" + f).Parse(string(text)); err != nil {
				return nil, fmt.Errorf("parse %s/%s: %w", src.programme, f, err)
			}
		}
	}
	for _, src := range sources {
		files, err := fs.Glob(src.files, "pages/*.html")
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			name := strings.TrimSuffix(path.Base(f), ".html")
			if p.names[name] {
				return nil, fmt.Errorf("page %s of %s: another programme has a page of that name", name, src.programme)
			}
			text, err := fs.ReadFile(src.files, f)
			if err != nil {
				return nil, err
			}
			if err := p.add(name, src.programme+"/"+f, string(text)); err != nil {
				return nil, err
			}
		}
	}
	for _, required := range requiredPages {
		if !p.names[required] {
			return nil, fmt.Errorf("template %s.html is missing", required)
		}
	}
	return p, nil
}

// defineOnce refuses a partial that defines a template another file
// already defines: html/template would silently keep the later one.
func defineOnce(funcs template.FuncMap, defined map[string]string, file, text string) error {
	t, err := template.New(file).Funcs(funcs).Parse(text)
	if err != nil {
		return fmt.Errorf("parse %s: %w", file, err)
	}
	for _, d := range t.Templates() {
		name := d.Name()
		if name == file {
			continue
		}
		if other, dup := defined[name]; dup {
			return fmt.Errorf("template %q is defined in both %s and %s", name, other, file)
		}
		defined[name] = file
	}
	return nil
}

// add parses one page's blocks under names of its own.
func (p *pages) add(name, file, src string) error {
	page := strings.NewReplacer(`{{define "title"}}`, `{{define "`+name+`/title"}}`,
		`{{define "content"}}`, `{{define "`+name+`/content"}}`).Replace(src)
	if _, err := p.set.New(file).Parse(page); err != nil {
		return fmt.Errorf("parse %s: %w", file, err)
	}
	for _, block := range []string{name + "/title", name + "/content"} {
		if p.set.Lookup(block) == nil {
			return fmt.Errorf("%s must define \"title\" and \"content\"", file)
		}
	}
	p.names[name] = true
	return nil
}

// execute renders a page's title and content, then the layout around
// them. Each part is escaped where it is rendered — the title as text, the
// content as the body of <main> — so the layout takes them as HTML.
func (p *pages) execute(w interface{ Write([]byte) (int, error) }, name string, v *view) error {
	var err error
	if v.Title, err = p.html(name+"/title", v); err != nil {
		return err
	}
	if v.Content, err = p.html(name+"/content", v); err != nil {
		return err
	}
	return p.set.ExecuteTemplate(w, "layout", v)
}

// html renders one template of the set on its own, escaped where it
// stands, for another template to place: a page's parts, an
// organisation page's programme panels.
func (p *pages) html(name string, v *view) (template.HTML, error) {
	var b strings.Builder
	err := p.set.ExecuteTemplate(&b, name, v)
	return template.HTML(b.String()), err
}

// requiredPages are pages the server cannot run without; handlers render
// only names listed here or found at start-up, and a test checks every
// render call's name against the parsed set.
var requiredPages = []string{"error", "home"}

// view is what every page template receives.
type view struct {
	Title   template.HTML // the page's title and content, rendered (pages.execute)
	Content template.HTML
	Actor   *auth.Actor
	Lang    i18n.Lang
	CSRF    string
	Path    string
	Flash   string
	Data    any
	Errors  map[string]string // per-field messages
	Error   string            // a message for the whole form
	Form    map[string]string // what the user typed, to show again
	Picked  url.Values        // every value of each field, for checkbox groups
	Query   url.Values        // the page's query, to mark the menu entry it belongs to
	// AuditBroken is set for readers of the audit log when the chain
	// failed its check: every page says so until it is dealt with.
	AuditBroken *audit.Broken
}

// Render writes a page with status 200.
func (k *Kit) Render(w http.ResponseWriter, r *http.Request, name string, data any) error {
	return k.renderView(w, r, http.StatusOK, name, &view{Data: data})
}

// renderStatus writes a page after the status is already set (error pages).
func (k *Kit) renderStatus(w http.ResponseWriter, r *http.Request, name string, data any) {
	if err := k.execute(w, r, name, &view{Data: data}); err != nil {
		k.log.Error("render error page", "err", err)
	}
}

// RenderForm shows a form again with what was typed and the errors beside
// each field; a rule violation becomes the form's message.
func (k *Kit) RenderForm(w http.ResponseWriter, r *http.Request, name string, data any, err error) error {
	kind := apperr.KindOf(err)
	if err != nil && kind != apperr.KindInvalid && kind != apperr.KindRuleViolation && kind != apperr.KindConflict {
		return err
	}
	v := &view{Data: data, Form: map[string]string{}, Picked: url.Values{}}
	_ = r.ParseForm()
	for field, xs := range r.PostForm {
		if field != "csrf" && !strings.Contains(field, "password") {
			v.Form[field] = fitField(xs[0])
			v.Picked[field] = xs
		}
	}
	status := http.StatusOK
	if err != nil {
		status = statusOf(kind)
		v.Errors = fieldMessages(LangOf(r), err)
		if len(v.Errors) == 0 {
			v.Error = Message(LangOf(r), err)
		}
	}
	return k.renderView(w, r, status, name, v)
}

// maxEcho is the longest text a form shows again: the longest any field
// accepts (meeting minutes). A longer value is refused anyway, and echoing
// a megabyte back would only make the error page as heavy.
const maxEcho = 20000

// fitField cuts a typed value to what a form shows again.
func fitField(s string) string {
	if len(s) <= maxEcho {
		return s
	}
	for i := range s {
		if i > maxEcho {
			return s[:i]
		}
	}
	return s
}

func (k *Kit) renderView(w http.ResponseWriter, r *http.Request, status int, name string, v *view) error {
	var buf bytes.Buffer
	if err := k.execute(&buf, r, name, v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if v.Flash != "" {
		// Shown once: the next page must not repeat it.
		http.SetCookie(w, &http.Cookie{Name: "flash", Value: "", Path: "/", MaxAge: -1,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: k.Secure(r)})
	}
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

func (k *Kit) execute(w interface{ Write([]byte) (int, error) }, r *http.Request, name string, v *view) error {
	if !k.pages.names[name] {
		return fmt.Errorf("no template %q", name)
	}
	v.Actor = ActorOf(r)
	v.Lang = LangOf(r)
	v.Path, v.Query = r.URL.Path, r.URL.Query()
	if v.Actor != nil {
		v.CSRF = v.Actor.CSRF
		if v.Actor.Can(auth.PermAuditRead) {
			v.AuditBroken = k.auditBroken.Load()
		}
	}
	if c, err := r.Cookie("flash"); err == nil {
		v.Flash = c.Value
	}
	return k.pages.execute(w, name, v)
}

// Redirect sends the browser on after a successful form, with a flash
// message key shown once on the next page.
func (k *Kit) Redirect(w http.ResponseWriter, r *http.Request, to, flashKey string) error {
	if flashKey != "" {
		http.SetCookie(w, &http.Cookie{Name: "flash", Value: flashKey, Path: "/", MaxAge: 30,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: k.Secure(r)})
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// Secure tells whether cookies must be marked Secure: when configured so,
// when the request came over TLS, or when a trusted reverse proxy says the
// browser used https.
func (k *Kit) Secure(r *http.Request) bool {
	return k.cfg.SecureCookies || r.TLS != nil ||
		(k.cfg.TrustProxy && strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https"))
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
