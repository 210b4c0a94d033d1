package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/demo"
)

// cli runs the command line against one SQLite file with a fixed
// environment, the way an operator would type it.
type cli struct {
	t   *testing.T
	dir string
	db  string
	env map[string]string
}

func newCLI(t *testing.T) *cli {
	dir := t.TempDir()
	return &cli{t: t, dir: dir, db: filepath.Join(dir, "town.db"), env: map[string]string{}}
}

// run executes one command and returns what it printed and its error.
func (c *cli) run(args ...string) (string, error) {
	c.t.Helper()
	var out bytes.Buffer
	saved := stdout
	stdout = &out
	defer func() { stdout = saved }()
	env := func(k string) string {
		if k == "DANGJIAN_DB" {
			return c.db
		}
		return c.env[k]
	}
	err := run(context.Background(), args, env)
	return out.String(), err
}

// must runs a command that has to succeed.
func (c *cli) must(args ...string) string {
	c.t.Helper()
	out, err := c.run(args...)
	if err != nil {
		c.t.Fatalf("dangjian %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// open gives the test its own connection to the file to look inside.
func (c *cli) open(path string) *db.DB {
	c.t.Helper()
	d, err := db.Open(path)
	if err != nil {
		c.t.Fatal(err)
	}
	c.t.Cleanup(func() { d.Close() })
	return d
}

func count(t *testing.T, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func villageID(t *testing.T, d *db.DB, short string) int64 {
	t.Helper()
	var id int64
	if err := d.QueryRow(`SELECT id FROM orgs WHERE short_name = $1 AND type = 'general_branch'`, short).Scan(&id); err != nil {
		t.Fatalf("village %s: %v", short, err)
	}
	return id
}

// login checks a password the way the server does.
func login(t *testing.T, d *db.DB, username, password string) error {
	t.Helper()
	_, err := auth.NewService(d, db.SystemClock{}).Login(context.Background(), username, password, "cli-test")
	return err
}

func TestUsageAndUnknownCommand(t *testing.T) {
	c := newCLI(t)
	if out := c.must(); !strings.Contains(out, "dangjian serve") || !strings.Contains(out, "audit verify") {
		t.Fatalf("usage does not list the commands:\n%s", out)
	}
	if _, err := c.run("frobnicate"); err == nil || !strings.Contains(err.Error(), `unknown command "frobnicate"`) {
		t.Fatalf("unknown command: %v", err)
	}
	if _, err := c.run("audit", "check"); err == nil {
		t.Fatal("audit without verify must fail")
	}
}

func TestMigrateCreatesSchemaAndKeyFile(t *testing.T) {
	c := newCLI(t)
	if out := c.must("migrate"); !strings.Contains(out, "schema is up to date") {
		t.Fatalf("migrate said %q", out)
	}
	st, err := os.Stat(c.db + ".key")
	if err != nil {
		t.Fatalf("no key file beside the database: %v", err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, want 0600", st.Mode().Perm())
	}
	key, _ := os.ReadFile(c.db + ".key")
	c.must("migrate") // a second run changes nothing
	again, _ := os.ReadFile(c.db + ".key")
	if !bytes.Equal(key, again) {
		t.Fatal("the key file was replaced on the second start; encrypted data would be lost")
	}
	d := c.open(c.db)
	if n := count(t, d, `SELECT COUNT(*) FROM audit_head`); n != 1 {
		t.Fatalf("audit_head rows: %d", n)
	}
}

func TestConfigRefusesPostgresWithoutKey(t *testing.T) {
	c := newCLI(t)
	_, err := c.run("migrate", "-db", "postgres://nobody@127.0.0.1:1/none")
	if err == nil || !strings.Contains(err.Error(), "DANGJIAN_KEY") {
		t.Fatalf("postgres without a key: %v", err)
	}
	c.env["DANGJIAN_KEY"] = "abc"
	if _, err := c.run("migrate"); err == nil || !strings.Contains(err.Error(), "64 hex digits") {
		t.Fatalf("a short key must be refused: %v", err)
	}
}

func TestDemoLoadsOnceOnly(t *testing.T) {
	c := newCLI(t)
	c.must("demo")
	d := c.open(c.db)
	if n := count(t, d, `SELECT COUNT(*) FROM orgs WHERE type = 'general_branch'`); n != len(demo.Villages) {
		t.Fatalf("villages after demo: %d, want %d", n, len(demo.Villages))
	}
	if n := count(t, d, `SELECT COUNT(*) FROM orgs WHERE type = 'branch'`); n != demo.GroupBranchCount {
		t.Fatalf("group branches after demo: %d, want %d", n, demo.GroupBranchCount)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM users`); n != len(demo.Accounts) {
		t.Fatalf("users after demo: %d", n)
	}
	orgs := count(t, d, `SELECT COUNT(*) FROM orgs`)
	_, err := c.run("demo")
	if err == nil || !strings.Contains(err.Error(), "empty") {
		t.Fatalf("demo on a loaded database must be refused, got %v", err)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM orgs`); n != orgs {
		t.Fatalf("the refused demo still wrote: %d orgs, had %d", n, orgs)
	}
}

func TestUserAddAndPasswd(t *testing.T) {
	c := newCLI(t)
	c.must("demo")
	d := c.open(c.db)
	haidan := strconv.FormatInt(villageID(t, d, "海丹"), 10)

	out := c.must("user", "add", "-username", "wangfang", "-name", "王芳", "-role", "village_leader",
		"-org", haidan, "-password", "first-pass-1")
	if !strings.Contains(out, "user wangfang created") {
		t.Fatalf("user add said %q", out)
	}
	if err := login(t, d, "wangfang", "first-pass-1"); err != nil {
		t.Fatalf("new user cannot log in: %v", err)
	}
	var role string
	var org int64
	if err := d.QueryRow(`SELECT b.role, b.org_id FROM role_bindings b JOIN users u ON u.id = b.user_id
		WHERE u.username = 'wangfang'`).Scan(&role, &org); err != nil {
		t.Fatal(err)
	}
	if role != "village_leader" || strconv.FormatInt(org, 10) != haidan {
		t.Fatalf("binding %s@%d", role, org)
	}

	// Refusals: a duplicate name, an unknown role, a short password.
	for _, args := range [][]string{
		{"-username", "wangfang", "-name", "又一个", "-role", "village_leader", "-org", haidan, "-password", "long-enough-1"},
		{"-username", "zhaosi", "-name", "赵四", "-role", "emperor", "-org", haidan, "-password", "long-enough-1"},
		{"-username", "zhaosi", "-name", "赵四", "-role", "village_leader", "-org", haidan, "-password", "short"},
		{"-username", "zhaosi", "-name", "赵四", "-role", "village_leader", "-org", "999999", "-password", "long-enough-1"},
	} {
		if _, err := c.run(append([]string{"user", "add"}, args...)...); apperr.KindOf(err) != apperr.KindInvalid {
			t.Errorf("user add %v: want a field error, got %v", args, err)
		}
	}

	// The password may come from the environment instead of the command line.
	c.env["DANGJIAN_PASSWORD"] = "second-pass-2"
	if out := c.must("user", "passwd", "-username", "wangfang"); !strings.Contains(out, "password of wangfang changed") {
		t.Fatalf("passwd said %q", out)
	}
	if err := login(t, d, "wangfang", "first-pass-1"); err == nil {
		t.Fatal("the old password still works")
	}
	if err := login(t, d, "wangfang", "second-pass-2"); err != nil {
		t.Fatalf("the new password does not work: %v", err)
	}
	if _, err := c.run("user", "passwd", "-username", "nobody"); apperr.KindOf(err) != apperr.KindNotFound {
		t.Fatalf("passwd of an unknown user: %v", err)
	}
	if _, err := c.run("user", "rename"); err == nil {
		t.Fatal("an unknown user subcommand must fail")
	}
	if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action IN ('user.add', 'user.password') AND actor_name = 'system'`); n != len(demo.Accounts)+2 {
		t.Fatalf("audit rows for accounts: %d, want %d", n, len(demo.Accounts)+2)
	}
}

func TestAuditVerifyIntactAndBroken(t *testing.T) {
	c := newCLI(t)
	c.must("demo")
	out := c.must("audit", "verify")
	if !strings.Contains(out, "audit log intact") {
		t.Fatalf("verify on a fresh demo: %q", out)
	}

	d := c.open(c.db)
	if _, err := d.Exec(`UPDATE audit_log SET after_json = '{"holder_name":"假名"}' WHERE id = 7`); err != nil {
		t.Fatal(err)
	}
	out, err := c.run("audit", "verify")
	var exit exitError
	if !errors.As(err, &exit) || exit.code != 2 {
		t.Fatalf("verify on a tampered log: want exit status 2, got %v", err)
	}
	if !strings.Contains(out, "BROKEN at row 7") {
		t.Fatalf("verify must name row 7: %q", out)
	}
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	c := newCLI(t)
	c.must("demo")
	backup := filepath.Join(c.dir, "backup-1.db")
	if out := c.must("backup", "-to", backup); !strings.Contains(out, "backup written") {
		t.Fatalf("backup said %q", out)
	}
	if _, err := c.run("backup", "-to", backup); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Fatalf("a backup must not overwrite a file: %v", err)
	}

	// A change made after the backup disappears with the restore.
	d := c.open(c.db)
	haidan := strconv.FormatInt(villageID(t, d, "海丹"), 10)
	c.must("user", "add", "-username", "later", "-name", "后来者", "-role", "village_leader", "-org", haidan, "-password", "later-pass-1")
	orgsBefore := count(t, d, `SELECT COUNT(*) FROM orgs`)
	auditBefore := count(t, d, `SELECT COUNT(*) FROM audit_log`)
	d.Close()

	if out := c.must("restore", "-from", backup); !strings.Contains(out, "restored") {
		t.Fatalf("restore said %q", out)
	}
	r := c.open(c.db)
	if n := count(t, r, `SELECT COUNT(*) FROM users WHERE username = 'later'`); n != 0 {
		t.Fatal("the account added after the backup survived the restore")
	}
	if n := count(t, r, `SELECT COUNT(*) FROM orgs`); n != orgsBefore {
		t.Fatalf("orgs after restore: %d, want %d", n, orgsBefore)
	}
	if n := count(t, r, `SELECT COUNT(*) FROM audit_log`); n != auditBefore-1 {
		t.Fatalf("audit rows after restore: %d, want %d", n, auditBefore-1)
	}
	if err := login(t, r, "haidan", demo.DemoPassword); err != nil {
		t.Fatalf("demo account cannot log in after restore: %v", err)
	}
	r.Close()
	if out := c.must("audit", "verify"); !strings.Contains(out, "intact") {
		t.Fatalf("verify after restore: %q", out)
	}

	// A backup whose audit chain is broken is refused and changes nothing.
	bad := c.open(backup)
	if _, err := bad.Exec(`UPDATE audit_log SET actor_name = 'mallory' WHERE id = 3`); err != nil {
		t.Fatal(err)
	}
	bad.Close()
	before, _ := os.ReadFile(c.db)
	if _, err := c.run("restore", "-from", backup); err == nil || !strings.Contains(err.Error(), "broken audit log at row 3") {
		t.Fatalf("restore of a tampered backup: %v", err)
	}
	after, _ := os.ReadFile(c.db)
	if !bytes.Equal(before, after) {
		t.Fatal("a refused restore changed the database file")
	}
	if _, err := c.run("restore"); err == nil {
		t.Fatal("restore without -from must fail")
	}
}

// A fresh install without the demo: plant the town, bind its first
// administrator, and that account can log in and work there.
func TestFreshInstallFirstAdministrator(t *testing.T) {
	c := newCLI(t)
	out := c.must("org", "add", "-type", "town", "-name", "大河镇党委", "-short", "大河镇")
	m := regexp.MustCompile(`created \(id (\d+)\)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("org add said %q", out)
	}
	c.must("org", "add", "-type", "general_branch", "-name", "海丹村党总支", "-parent", m[1])
	c.must("user", "add", "-username", "lijianguo", "-name", "李建国", "-role", "town_admin", "-org", m[1], "-password", "first-admin-1")
	d := c.open(c.db)
	if err := login(t, d, "lijianguo", "first-admin-1"); err != nil {
		t.Fatalf("first administrator cannot log in: %v", err)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM posts p JOIN orgs o ON o.id = p.org_id WHERE o.short_name = '' AND o.name = '海丹村党总支'`); n == 0 {
		t.Fatal("a village made from the command line has no standard posts")
	}
	if _, err := c.run("org", "add", "-type", "branch", "-name", "孤立的支部"); apperr.KindOf(err) != apperr.KindRuleViolation {
		t.Fatalf("a branch without a village must be refused by rule, got %v", err)
	}
	if _, err := c.run("org", "list"); err == nil {
		t.Fatal("an unknown org subcommand must fail")
	}
	if out := c.must("audit", "verify"); !strings.Contains(out, "intact: 3 rows") {
		t.Fatalf("audit after a fresh install: %q", out)
	}
}
