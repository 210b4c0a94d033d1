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
	"dangjian/internal/people"
)

// opened is the application with the lock a command holds on a SQLite
// database while it runs (see db.FileLock): every command shares it, so
// restore cannot replace the file under any of them.
type opened struct {
	*app.App
	lock *db.FileLock
}

// Close closes the application, then lets restore in.
func (o *opened) Close() error {
	err := o.App.Close()
	return errors.Join(err, o.lock.Release())
}

// open reads the settings from args and env, then opens the application.
func open(ctx context.Context, name string, args []string, env func(string) string, extra func(*flag.FlagSet)) (*opened, *flag.FlagSet, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	if extra != nil {
		extra(fs)
	}
	cfg, err := config.Load(fs, args, env)
	if err != nil {
		return nil, fs, err
	}
	if cfg.MemoryLimitMiB > 0 {
		// Before anything is opened: start-up's garbage (the templates'
		// parsing, the API document) is then collected as it is made
		// instead of growing a heap the process keeps.
		debug.SetMemoryLimit(int64(cfg.MemoryLimitMiB) << 20)
	}
	var lock *db.FileLock
	if !cfg.IsPostgres() {
		if lock, err = db.LockShared(cfg.Database); err != nil {
			return nil, fs, fmt.Errorf("%w: a restore of %s is under way; try again when it has finished", err, cfg.Database)
		}
	}
	a, err := openApp(ctx, cfg)
	if err != nil {
		return nil, fs, errors.Join(err, lock.Release())
	}
	return &opened{App: a, lock: lock}, fs, nil
}

func openApp(ctx context.Context, cfg config.Config) (*app.App, error) {
	if err := refuseNewKeyForSealedData(ctx, cfg); err != nil {
		return nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	a, err := app.Open(ctx, cfg, db.SystemClock{}, logger())
	if err != nil {
		return nil, err
	}
	if err := useConfiguredCipher(a); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// useConfiguredCipher gives the services a sealer that writes the
// configured cipher. The people service is shared with the programmes
// (members seal through it), so one assignment covers them all.
func useConfiguredCipher(a *app.App) error {
	if people.Cipher(a.Config.IDCipher) == a.Services.People.Sealer.Cipher() {
		return nil
	}
	s, err := people.NewSealerFor(a.Config.Key, people.Cipher(a.Config.IDCipher))
	if err != nil {
		return err
	}
	a.Services.People.Sealer = s
	return nil
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
	log := logger()
	if withDemo {
		if err := loadDemoIfEmpty(ctx, a, log); err != nil {
			return err
		}
	}
	checked := app.CheckAudit(ctx, a.DB, a.Web, log)
	go func() {
		<-checked
		// Start-up's garbage (the templates' parsing, the API document,
		// the audit chain read through) goes back to the system now, not
		// whenever the collector gets round to it: an office PC's server
		// runs for months at the size it starts at.
		debug.FreeOSMemory()
	}()
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

func loadDemoIfEmpty(ctx context.Context, a *opened, log *slog.Logger) error {
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
