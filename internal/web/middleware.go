package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
)

const SessionCookie = "dj_session"

var (
	errCrossOrigin = &apperr.Error{Kind: apperr.KindForbidden, Key: "error.cross_origin"}
	errCSRF        = &apperr.Error{Kind: apperr.KindForbidden, Key: "error.csrf"}
	errLogin       = apperr.Unauthenticated("auth.login_required")
)

// wrap resolves the actor and language, enforces the Route's Access,
// CSRF and the coarse permission gate (Route.Admits), and turns a returned error into the one error response.
func (s *Server) wrap(rt Route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.gate.enter(r.Context()) != nil {
			return // the client went away while it waited: nobody to answer
		}
		defer s.gate.leave()
		a, err := s.authenticate(r, rt.Access)
		if err != nil {
			s.fail(w, withLang(r, detectLang(r, nil)), err)
			return
		}
		if a != nil {
			r = WithActor(r, a)
			// A logged-in answer is one person's view: never stored by the
			// browser or a proxy (Back on a shared PC after logging out).
			w.Header().Set("Cache-Control", "no-store")
		}
		r = withLang(r, detectLang(r, a))
		if a == nil && rt.Access != Public {
			s.fail(w, r, errLogin)
			return
		}
		if err := limitBody(w, r); err != nil {
			s.fail(w, r, err)
			return
		}
		if a != nil && a.CSRF != "" && !safeMethod(r.Method) && !csrfOK(r, a.CSRF) {
			s.fail(w, r, errCSRF)
			return
		}
		if a != nil && !rt.Admits(a) {
			if !rt.Declared() {
				s.log.Error("route declares no permission; refused", "route", rt.Method+" "+rt.Pattern)
			}
			s.fail(w, r, apperr.Forbidden())
			return
		}
		if err := rt.Handle(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

func withLang(r *http.Request, l any) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), langKey, l))
}

// authenticate finds the actor from a bearer token (API only) or the
// session cookie. A stale cookie on a public page is simply ignored.
func (s *Server) authenticate(r *http.Request, acc Access) (*auth.Actor, error) {
	if acc == APIUser {
		if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
			return s.svc.Auth.TokenActor(r.Context(), strings.TrimPrefix(h, "Bearer "))
		}
	}
	c, err := r.Cookie(SessionCookie)
	if err != nil || c.Value == "" {
		return nil, nil
	}
	a, err := s.svc.Auth.SessionActor(r.Context(), c.Value)
	if apperr.KindOf(err) == apperr.KindUnauthenticated {
		if acc == Public {
			return nil, nil
		}
		return nil, err
	}
	return a, err
}

// Request bodies the server reads at most: uploads (rosters as .xlsx)
// may be large, everything else is a form or a JSON document.
const (
	maxUpload = 64 << 20
	maxForm   = 1 << 20
)

// limitBody bounds the request body and reads a posted form now, so a
// body that is too large answers 413 instead of reaching a handler as an
// empty form.
func limitBody(w http.ResponseWriter, r *http.Request) error {
	if r.Body == nil || safeMethod(r.Method) {
		return nil
	}
	ct := r.Header.Get("Content-Type")
	limit := int64(maxForm)
	if strings.HasPrefix(ct, "multipart/") || strings.Contains(ct, "spreadsheetml") || strings.HasPrefix(ct, "application/octet-stream") {
		limit = maxUpload
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	if !strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		return nil
	}
	if err := r.ParseForm(); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return &apperr.Error{Kind: apperr.KindTooLarge, Key: "error.body_too_large",
				Params: apperr.Params{"max_kib": tooLarge.Limit >> 10}, Err: err}
		}
		return &apperr.Error{Kind: apperr.KindInvalid, Key: "error.bad_form", Err: err}
	}
	return nil
}

func safeMethod(m string) bool { return m == "GET" || m == "HEAD" || m == "OPTIONS" }

// csrfOK checks the session's token, sent as a form field by pages and as
// a header by scripts. It backs up http.CrossOriginProtection for old
// browsers that send neither Sec-Fetch-Site nor Origin.
func csrfOK(r *http.Request, want string) bool {
	got := r.Header.Get("X-CSRF-Token")
	if got == "" {
		got = r.PostFormValue("csrf")
	}
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// securityHeaderValues are the headers every answer carries. The value
// slices are shared by every response (a header set later replaces its
// slice rather than writing into it), which spares four allocations on
// each request, a good part of a cached public page's cost.
var securityHeaderValues = [...]struct {
	key string
	v   []string
}{
	{"X-Content-Type-Options", []string{"nosniff"}},
	{"X-Frame-Options", []string{"DENY"}},
	{"Referrer-Policy", []string{"same-origin"}},
	{"Content-Security-Policy", []string{"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'"}},
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, x := range securityHeaderValues {
			h[x.key] = x.v
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.fail(w, r, errors.New("panic: "+stringify(v)))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
