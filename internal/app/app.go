// Package app wires configuration, database, use cases and web together;
// it holds no logic of its own.
package app

import (
	"context"
	"log/slog"

	"dangjian/internal/config"
	"dangjian/internal/db"
	"dangjian/internal/services"
	"dangjian/internal/web"
)

// App is a running instance's parts.
type App struct {
	Config   config.Config
	DB       *db.DB
	Services services.Services
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
	svc, err := services.New(d, clock, cfg.Key)
	if err != nil {
		d.Close()
		return nil, err
	}
	w, err := NewWeb(cfg, svc, log)
	if err != nil {
		d.Close()
		return nil, err
	}
	return &App{Config: cfg, DB: d, Services: svc, Web: w}, nil
}

// NewWeb builds the web server with every programme.
func NewWeb(cfg config.Config, svc services.Services, log *slog.Logger) (*web.Server, error) {
	return web.New(cfg, svc, log, Programmes)
}

// Close releases the database.
func (a *App) Close() error { return a.DB.Close() }
