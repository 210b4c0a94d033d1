// Package app wires configuration, database, use cases and web together;
// it holds no logic of its own.
package app

import (
	"context"
	"log/slog"

	"dangjian/internal/auth"
	"dangjian/internal/config"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/people"
	"dangjian/internal/web"
)

// App is a running instance's parts.
type App struct {
	Config   config.Config
	DB       *db.DB
	Services web.Services
	Web      *web.Server
}

// Open connects to the database, applies migrations and builds the
// services and the web server.
func Open(ctx context.Context, cfg config.Config, clock db.Clock, log *slog.Logger) (*App, error) {
	d, err := db.Open(cfg.Database)
	if err != nil {
		return nil, err
	}
	if _, err := d.Migrate(ctx); err != nil {
		d.Close()
		return nil, err
	}
	svc, err := NewServices(d, clock, cfg.Key)
	if err != nil {
		d.Close()
		return nil, err
	}
	w, err := web.New(cfg, svc, log)
	if err != nil {
		d.Close()
		return nil, err
	}
	return &App{Config: cfg, DB: d, Services: svc, Web: w}, nil
}

// NewServices builds every use-case service on one database.
func NewServices(d *db.DB, clock db.Clock, key []byte) (web.Services, error) {
	ppl, err := people.NewService(d, clock, key)
	if err != nil {
		return web.Services{}, err
	}
	return web.Services{
		DB:      d,
		Clock:   clock,
		Auth:    auth.NewService(d, clock),
		Org:     &org.Service{DB: d, Clock: clock},
		People:  ppl,
		Members: members.NewService(d, clock, ppl),
	}, nil
}

// Close releases the database.
func (a *App) Close() error { return a.DB.Close() }
