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

// ActorOf is the logged-in actor, or nil on public pages.
func ActorOf(r *http.Request) *auth.Actor {
	a, _ := r.Context().Value(actorKey).(*auth.Actor)
	return a
}

func WithActor(r *http.Request, a *auth.Actor) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), actorKey, a))
}

// LangOf is the language chosen for this request.
func LangOf(r *http.Request) i18n.Lang {
	if l, ok := r.Context().Value(langKey).(i18n.Lang); ok {
		return l
	}
	return i18n.ZH
}

// detectLang picks the language: the switch's cookie, then the user's
// saved choice, then Chinese.
func detectLang(r *http.Request, a *auth.Actor) i18n.Lang {
	if c, err := r.Cookie("lang"); err == nil {
		return i18n.Parse(c.Value)
	}
	if a != nil && a.Lang != "" {
		return a.Lang
	}
	// The browser's Accept-Language is not consulted: town PCs often run
	// browsers in English while their users read Chinese. English is a
	// deliberate choice through the switch.
	return i18n.ZH
}

// ClientAddr is the address login throttling counts against.
func (k *Kit) ClientAddr(r *http.Request) string {
	if k.cfg.TrustProxy {
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
