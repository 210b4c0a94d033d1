package web

import (
	"context"
	"net"
	"net/http"
	"strings"

	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

type ctxKey int

const (
	actorKey ctxKey = iota
	langKey
)

// actorOf is the logged-in actor, or nil on public pages.
func actorOf(r *http.Request) *auth.Actor {
	a, _ := r.Context().Value(actorKey).(*auth.Actor)
	return a
}

func withActor(r *http.Request, a *auth.Actor) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), actorKey, a))
}

// langOf picks the language: an explicit cookie choice, then the user's
// saved choice, then the browser's, then Chinese.
func langOf(r *http.Request) i18n.Lang {
	if l, ok := r.Context().Value(langKey).(i18n.Lang); ok {
		return l
	}
	return i18n.ZH
}

func detectLang(r *http.Request, a *auth.Actor) i18n.Lang {
	if c, err := r.Cookie("lang"); err == nil {
		return i18n.Parse(c.Value)
	}
	if a != nil && a.Lang != "" {
		return a.Lang
	}
	if strings.HasPrefix(r.Header.Get("Accept-Language"), "en") {
		return i18n.EN
	}
	return i18n.ZH
}

// clientAddr is the address login throttling counts against.
func (s *Server) clientAddr(r *http.Request) string {
	if s.cfg.TrustProxy {
		if fwd := r.Header.Get("X-Forwarded-For"); fwd != "" {
			first, _, _ := strings.Cut(fwd, ",")
			return strings.TrimSpace(first)
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
