package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"dangjian/internal/app"
	"dangjian/internal/config"
	"dangjian/internal/db"
	"dangjian/internal/demo"
)

// open reads the settings from args and env, then opens the application.
func open(ctx context.Context, name string, args []string, env func(string) string, extra func(*flag.FlagSet)) (*app.App, *flag.FlagSet, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	if extra != nil {
		extra(fs)
	}
	cfg, err := config.Load(fs, args, env)
	if err != nil {
		return nil, fs, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, fs, err
	}
	a, err := app.Open(ctx, cfg, db.SystemClock{}, logger())
	return a, fs, err
}

func logger() *slog.Logger { return slog.New(slog.NewTextHandler(os.Stderr, nil)) }

func serve(ctx context.Context, args []string, env func(string) string) error {
	started := time.Now()
	var withDemo bool
	a, _, err := open(ctx, "serve", args, env, func(fs *flag.FlagSet) {
		fs.BoolVar(&withDemo, "demo", false, "load the demo town when the database is empty")
	})
	if err != nil {
		return err
	}
	defer a.Close()
	if a.Config.MemoryLimitMiB > 0 {
		debug.SetMemoryLimit(int64(a.Config.MemoryLimitMiB) << 20)
	}
	log := logger()
	if withDemo {
		if err := loadDemoIfEmpty(ctx, a, log); err != nil {
			return err
		}
	}
	app.CheckAudit(ctx, a.DB, a.Web, log)
	ln, err := net.Listen("tcp", a.Config.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: a.Web.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 2 * time.Minute, WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute}
	fmt.Fprintf(stdout, "dangjian is serving %s (database: %s, ready in %s)\n", a.Config.BaseURL, a.DB.Dialect, time.Since(started).Round(time.Millisecond))
	if withDemo {
		fmt.Fprintf(stdout, "demo log-ins (password %s): ", demo.DemoPassword)
		for i, acc := range demo.Accounts {
			if i > 0 {
				fmt.Fprint(stdout, ", ")
			}
			fmt.Fprint(stdout, acc.Username)
		}
		fmt.Fprintln(stdout)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), a.Config.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func loadDemoIfEmpty(ctx context.Context, a *app.App, log *slog.Logger) error {
	var n int
	if err := a.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM orgs`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	_, err := demo.Load(ctx, a.Services, log.Info)
	return err
}

func migrate(ctx context.Context, args []string, env func(string) string) error {
	a, _, err := open(ctx, "migrate", args, env, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	fmt.Fprintln(stdout, "schema is up to date")
	return nil
}

func demoCmd(ctx context.Context, args []string, env func(string) string) error {
	a, _, err := open(ctx, "demo", args, env, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	_, err = demo.Load(ctx, a.Services, logger().Info)
	return err
}
