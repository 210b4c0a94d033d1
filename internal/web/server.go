// Package web is the HTTP face of dangjian: server-rendered pages for
// people, a JSON API under /api/v1 for integrations, both calling the same
// use cases. Handlers are thin — parse, call one use case, render — and
// live one action to a file.
package web

import (
	"log/slog"
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/config"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/people"
)

// Services are the use cases the handlers call.
type Services struct {
	DB      *db.DB
	Clock   db.Clock
	Auth    *auth.Service
	Org     *org.Service
	People  *people.Service
	Members *members.Service
}

// Server holds what every handler needs.
type Server struct {
	cfg    config.Config
	svc    Services
	log    *slog.Logger
	pages  *pages
	assets *assets
	routes []route
	mux    *http.ServeMux
	// orgPageExtras add each programme's part of an organisation's page.
	orgPageExtras []orgExtra
}

// orgExtra adds one programme's data to an organisation page.
type orgExtra func(r *http.Request, o org.Org, data map[string]any) error

// New builds the server. It parses every template now, so a missing or
// broken template stops start-up instead of failing a user's request.
func New(cfg config.Config, svc Services, log *slog.Logger) (*Server, error) {
	s := &Server{cfg: cfg, svc: svc, log: log, mux: http.NewServeMux()}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	if s.pages, err = loadPages(s.funcs()); err != nil {
		return nil, err
	}
	s.routes = s.routeTable()
	s.orgPageExtras = s.orgExtras()
	for _, rt := range s.routes {
		s.mux.Handle(rt.Method+" "+rt.Pattern, s.wrap(rt))
	}
	return s, nil
}

// Handler is the whole HTTP application with its outer middleware.
func (s *Server) Handler() http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, errCrossOrigin)
	}))
	return s.recoverPanics(securityHeaders(cop.Handler(s.mux)))
}
