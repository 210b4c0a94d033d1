// Command dangjian runs the party-building management platform and its
// maintenance tasks. Run it without arguments for help.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `dangjian — 党建示范镇管理平台

Usage:
  dangjian serve [-demo] [-db FILE|URL] [-addr HOST:PORT]   run the web server
  dangjian migrate [-db …]                                 apply schema migrations
  dangjian demo [-db …]                                    load the demo town into an empty database
  dangjian org add -type T -name N [-parent ID]            create an organisation (the county or town of a new install)
  dangjian user add -username U -name N -role R -org ID    create an account (asks nothing; password from -password or DANGJIAN_PASSWORD)
  dangjian user passwd -username U                         set a password (from -password or DANGJIAN_PASSWORD)
  dangjian backup -to FILE [-db …]                         online copy of a SQLite database (PostgreSQL: scripts/pg-backup)
  dangjian restore -from FILE [-db …]                      replace a SQLite database with a backup (refused while a server runs)
  dangjian reseal -to sm4|aes [-batch N]                   re-seal every id number with one cipher, in batches, servers running
  dangjian audit verify [-head SEQ:HASH|FILE] [-db …]      check the audit log's hash chain (and that it still holds a kept head)
  dangjian audit head [-db …]                              print the chain's head (SEQ:HASH) to keep outside the database

Settings come from flags or DANGJIAN_* environment variables (DANGJIAN_DB,
DANGJIAN_ADDR, DANGJIAN_KEY, DANGJIAN_ID_CIPHER, DANGJIAN_SECURE_COOKIES,
DANGJIAN_TRUST_PROXY).
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "dangjian:", err)
		var e exitError
		if errors.As(err, &e) {
			stop()
			os.Exit(e.code)
		}
		os.Exit(1)
	}
}

// stdout is where commands report; tests read it.
var stdout io.Writer = os.Stdout

// exitError asks main for a particular exit status, so a command can say
// "checked, and the answer is bad" (2) apart from "could not check" (1)
// while still returning through its deferred clean-up.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

func run(ctx context.Context, args []string, env func(string) string) error {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return nil
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return serve(ctx, rest, env)
	case "migrate":
		return migrate(ctx, rest, env)
	case "demo":
		return demoCmd(ctx, rest, env)
	case "org":
		return orgCmd(ctx, rest, env)
	case "user":
		return userCmd(ctx, rest, env)
	case "backup":
		return backup(ctx, rest, env)
	case "restore":
		return restore(ctx, rest, env)
	case "reseal":
		return reseal(ctx, rest, env)
	case "audit":
		return auditCmd(ctx, rest, env)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown command %q\n\n%s", cmd, usage)
}
