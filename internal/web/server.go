// Package web is the kit every page and API handler of dangjian shares:
// the server and its middleware, rendering, the one mapping of errors to
// responses, request parameters, form endings, the route table and the
// OpenAPI document built from it. Each programme's handlers and templates
// live in their own package below this one and reach the kit through a
// *Kit; the application passes the list of programmes to New.
package web

import (
	"fmt"
	"sync/atomic"

	"dangjian/internal/audit"
	"io/fs"
	"log/slog"
	"net/http"

	"dangjian/internal/config"
	"dangjian/internal/org"
	"dangjian/internal/services"
)

// Kit is what every programme's handlers use: rendering, redirects, the
// configuration and the log.
type Kit struct {
	cfg    config.Config
	svc    services.Services
	log    *slog.Logger
	pages  *pages
	assets *assets
	nav    []NavItem
	panels []OrgPanel
	gate   *requestGate // requests in the handlers at once (gate.go)
	// auditBroken is the first broken row of the audit chain found by the
	// checks at start-up, shown to everyone who reads the audit log.
	auditBroken atomic.Pointer[audit.Broken]
}

// Server is the assembled application: the kit, every programme's routes
// and the mux serving them.
type Server struct {
	*Kit
	programmes []Programme
	routes     []Route
	apiDocs    map[string]APIDoc
	openAPI    []byte // the document, built once from the routes
	mux        *http.ServeMux
}

// New builds the server from the programmes. It parses every template now,
// so a missing or broken template stops start-up instead of failing a
// user's request.
func New(cfg config.Config, svc services.Services, log *slog.Logger, builders []Builder) (*Server, error) {
	k := &Kit{cfg: cfg, svc: svc, log: log, gate: newRequestGate(gateSize(cfg.MaxRequests, svc.DB.Conns()))}
	var err error
	if k.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	s := &Server{Kit: k, mux: http.NewServeMux(), apiDocs: map[string]APIDoc{}}
	s.routes = s.kitRoutes()
	for k, d := range kitAPIDocs {
		s.apiDocs[k] = d
	}
	sources := []templateSource{{"web", kitTemplates()}}
	for _, b := range builders {
		p := b(Handlers{Kit: k, Svc: svc})
		s.programmes = append(s.programmes, p)
		s.routes = append(s.routes, p.Routes...)
		for key, d := range p.APIDocs {
			if _, dup := s.apiDocs[key]; dup {
				return nil, fmt.Errorf("programme %s documents %s twice", p.Name, key)
			}
			s.apiDocs[key] = d
		}
		k.nav = append(k.nav, p.Nav...)
		k.panels = append(k.panels, p.OrgPanels...)
		if p.Templates != nil {
			files, err := fs.Sub(p.Templates, "templates")
			if err != nil {
				return nil, err
			}
			sources = append(sources, templateSource{p.Name, files})
		}
	}
	funcs := k.funcs()
	for _, p := range s.programmes {
		for name, fn := range p.Funcs {
			if _, dup := funcs[name]; dup {
				return nil, fmt.Errorf("programme %s: template function %q is defined twice", p.Name, name)
			}
			funcs[name] = fn
		}
	}
	if k.pages, err = loadPages(funcs, sources); err != nil {
		return nil, err
	}
	for _, p := range k.panels {
		if k.pages.set.Lookup(p.Template) == nil {
			return nil, fmt.Errorf("organisation panel template %q is missing", p.Template)
		}
	}
	if s.openAPI, err = s.buildOpenAPI(); err != nil {
		return nil, fmt.Errorf("OpenAPI document: %w", err)
	}
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

// Routes is the whole route table, for tests that walk it.
func (s *Server) Routes() []Route { return s.routes }

// Programmes are the programmes the server was built from, for tests that
// hold each to the checklist of docs/programme-guide.md.
func (s *Server) Programmes() []Programme { return s.programmes }

// AuditBroken records a broken audit chain found after start-up; every
// page then warns the users who read the audit log.
func (k *Kit) AuditBroken(b *audit.Broken) { k.auditBroken.Store(b) }

// Config is the validated configuration.
func (k *Kit) Config() config.Config { return k.cfg }

// Log is the server's logger.
func (k *Kit) Log() *slog.Logger { return k.log }

// LoadOrgPanels lets every programme add its block to an organisation's
// page and returns the partials to show, in programme order.
func (k *Kit) LoadOrgPanels(r *http.Request, o org.Org, data map[string]any) ([]string, error) {
	var shown []string
	for _, p := range k.panels {
		if err := p.Load(r, o, data); err != nil {
			return nil, err
		}
		shown = append(shown, p.Template)
	}
	return shown, nil
}

// OpenAPI is the API's description as served at /api/v1/openapi.json.
func (s *Server) OpenAPI() []byte { return s.openAPI }
