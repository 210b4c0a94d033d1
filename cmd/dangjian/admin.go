package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/org"
)

func userCmd(ctx context.Context, args []string, env func(string) string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: dangjian user add|passwd …")
	}
	var username, name, role, password string
	var orgID int64
	a, _, err := open(ctx, "user "+args[0], args[1:], env, func(fs *flag.FlagSet) {
		fs.StringVar(&username, "username", "", "login name")
		fs.StringVar(&name, "name", "", "display name")
		fs.StringVar(&role, "role", "", "role: county_admin, town_admin, village_leader, …")
		fs.Int64Var(&orgID, "org", 0, "id of the organisation the role is bound to")
		fs.StringVar(&password, "password", env("DANGJIAN_PASSWORD"), "password (or DANGJIAN_PASSWORD)")
	})
	if err != nil {
		return err
	}
	defer a.Close()
	switch args[0] {
	case "add":
		id, err := a.Services.Auth.AddUser(ctx, nil, auth.NewUser{Username: username, DisplayName: name,
			Password: password, Role: auth.Role(role), OrgID: orgID})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "user %s created (id %d)\n", username, id)
	case "passwd":
		if err := a.Services.Auth.SetPassword(ctx, nil, username, password); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "password of %s changed; their sessions have ended\n", username)
	default:
		return fmt.Errorf("usage: dangjian user add|passwd …")
	}
	return nil
}

// orgCmd plants the top of a real organisation tree (county, town) on a
// fresh install, so the first administrator has somewhere to be bound;
// everything below is created on the web pages.
func orgCmd(ctx context.Context, args []string, env func(string) string) error {
	if len(args) == 0 || args[0] != "add" {
		return fmt.Errorf("usage: dangjian org add -type county|town|… -name N [-short S] [-parent ID]")
	}
	var typ, name, short string
	var parent int64
	a, _, err := open(ctx, "org add", args[1:], env, func(fs *flag.FlagSet) {
		fs.StringVar(&typ, "type", "", "county, town, general_branch, branch, industry or activity_home")
		fs.StringVar(&name, "name", "", "full name, e.g. 大河镇党委")
		fs.StringVar(&short, "short", "", "short name, e.g. 大河镇")
		fs.Int64Var(&parent, "parent", 0, "id of the parent organisation (none for a county or a stand-alone town)")
	})
	if err != nil {
		return err
	}
	defer a.Close()
	o, err := a.Services.Org.Create(ctx, nil, org.NewOrg{ParentID: parent, Type: org.Type(typ), Name: name, ShortName: short})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "organisation %s created (id %d)\n", o.Name, o.ID)
	return nil
}

func auditVerify(ctx context.Context, args []string, env func(string) string) error {
	a, _, err := open(ctx, "audit verify", args, env, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	n, broken, err := audit.Verify(ctx, a.DB)
	if err != nil {
		return err
	}
	if broken != nil {
		fmt.Fprintf(stdout, "audit log BROKEN at row %d: %s (%d rows read)\n", broken.ID, broken.Reason, n)
		return exitError{code: 2, msg: fmt.Sprintf("audit log broken at row %d", broken.ID)}
	}
	fmt.Fprintf(stdout, "audit log intact: %d rows verified\n", n)
	return nil
}

// backup copies a live SQLite database with VACUUM INTO, which takes a
// consistent snapshot while the server keeps running.
func backup(ctx context.Context, args []string, env func(string) string) error {
	var to string
	a, _, err := open(ctx, "backup", args, env, func(fs *flag.FlagSet) {
		fs.StringVar(&to, "to", "", "backup file to write (must not exist)")
	})
	if err != nil {
		return err
	}
	defer a.Close()
	if a.DB.Dialect != db.SQLite {
		return fmt.Errorf("PostgreSQL databases are backed up with pg_dump; see docs/operations.md")
	}
	if to == "" {
		return fmt.Errorf("give the backup file with -to")
	}
	if _, err := os.Stat(to); err == nil {
		return fmt.Errorf("%s exists; choose a new file name", to)
	}
	if _, err := a.DB.ExecContext(ctx, `VACUUM INTO $1`, to); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup written to %s; keep it with the key file %s.key\n", to, a.Config.Database)
	return nil
}

// restore replaces the database file with a backup after checking that
// the backup opens and its audit chain holds.
func restore(ctx context.Context, args []string, env func(string) string) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	var from, dbPath string
	fs.StringVar(&from, "from", "", "backup file")
	fs.StringVar(&dbPath, "db", env("DANGJIAN_DB"), "SQLite database file to replace")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if dbPath == "" {
		dbPath = "dangjian.db"
	}
	if from == "" {
		return fmt.Errorf("give the backup file with -from")
	}
	b, err := db.Open(from)
	if err != nil {
		return err
	}
	n, broken, err := audit.Verify(ctx, b)
	b.Close()
	if err != nil {
		return fmt.Errorf("%s is not a dangjian backup: %w", from, err)
	}
	if broken != nil {
		return fmt.Errorf("%s has a broken audit log at row %d; not restored", from, broken.ID)
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(dbPath + suffix)
	}
	tmp := dbPath + ".restoring"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s from %s (%d audit rows verified)\n", dbPath, from, n)
	return nil
}
