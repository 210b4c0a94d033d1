package crashtest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/db"
)

const pgBin = "/usr/lib/postgresql/15/bin"

// pgOSUser runs the PostgreSQL server when the tests run as root, which
// PostgreSQL refuses; scripts/test creates it.
const pgOSUser = "dangjian-test"

// testServer is the shared test server's URL (DANGJIAN_TEST_POSTGRES);
// without one the test is skipped, except in CI.
func testServer(t *testing.T) string {
	base := os.Getenv("DANGJIAN_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("DANGJIAN_TEST_POSTGRES is not set: the PostgreSQL crash tests must run in CI")
		}
		t.Skip("DANGJIAN_TEST_POSTGRES not set; run scripts/test to include PostgreSQL")
	}
	return base
}

// uniqueName is a fresh schema or database name.
func uniqueName() string {
	b := make([]byte, 6)
	rand.Read(b)
	return "crash_" + hex.EncodeToString(b)
}

// sharedPostgres gives the test a schema of its own on the test server,
// dropped afterwards, and its URL.
func sharedPostgres(t *testing.T) string {
	base := testServer(t)
	admin, err := db.Open(base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	schema := uniqueName()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if a, err := db.Open(base); err == nil {
			a.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			a.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// ownPostgres is a PostgreSQL 15 cluster of the test's own, so the test
// may crash and restart it under load without disturbing other tests.
type ownPostgres struct {
	t    *testing.T
	dir  string
	port int
	url  string
}

func startOwnPostgres(t *testing.T) *ownPostgres {
	if _, err := os.Stat(filepath.Join(pgBin, "initdb")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s/initdb is missing: scripts/test installs postgresql-15", pgBin)
		}
		t.Skipf("PostgreSQL 15 is not installed at %s", pgBin)
	}
	// Under /tmp with 0711: the server's user must reach its directory.
	dir, err := os.MkdirTemp("/tmp", "dangjian-crash-pg")
	if err != nil {
		t.Fatal(err)
	}
	pg := &ownPostgres{t: t, dir: dir}
	t.Cleanup(func() {
		pg.ctl("-m", "immediate", "stop")
		os.RemoveAll(dir)
	})
	os.Chmod(dir, 0o711)
	for _, sub := range []string{"data", "sock", "log"} {
		os.Mkdir(filepath.Join(dir, sub), 0o700)
		pg.chown(filepath.Join(dir, sub))
	}
	if out, err := pg.as(filepath.Join(pgBin, "initdb"), "-D", pg.data(), "--locale=C", "--encoding=UTF8",
		"-A", "trust", "-U", "postgres").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	pg.port = freeLoopbackPort(t)
	// fsync off: the test kills processes, not the machine, and a commit's
	// WAL is written to the kernel before the client hears of it.
	conf := fmt.Sprintf("\nlisten_addresses = '127.0.0.1'\nport = %d\nunix_socket_directories = '%s'\nfsync = off\nmax_connections = 100\n",
		pg.port, filepath.Join(dir, "sock"))
	f, err := os.OpenFile(filepath.Join(pg.data(), "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(conf)
	f.Close()
	if out, err := pg.ctl("-l", pg.logFile(), "start"); err != nil {
		t.Fatalf("pg_ctl start: %v\n%s\n%s", err, out, pg.serverLog())
	}
	pg.url = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", pg.port)
	return pg
}

// crashRestart stops the server the way a crash does (immediate: no
// checkpoint, recovery from the WAL on start) and starts it again.
func (pg *ownPostgres) crashRestart() {
	pg.t.Helper()
	if out, err := pg.ctl("-m", "immediate", "-l", pg.logFile(), "restart"); err != nil {
		pg.t.Fatalf("pg_ctl restart: %v\n%s\n%s", err, out, pg.serverLog())
	}
}

// logFile is in a directory of the server's user, who writes it.
func (pg *ownPostgres) logFile() string { return filepath.Join(pg.dir, "log", "server.log") }

func (pg *ownPostgres) data() string { return filepath.Join(pg.dir, "data") }

func (pg *ownPostgres) ctl(args ...string) (string, error) {
	out, err := pg.as(filepath.Join(pgBin, "pg_ctl"), append([]string{"-D", pg.data(), "-w", "-t", "30"}, args...)...).CombinedOutput()
	return string(out), err
}

func (pg *ownPostgres) serverLog() string {
	b, _ := os.ReadFile(pg.logFile())
	return string(b)
}

// as runs a PostgreSQL program as the server's user when we are root.
func (pg *ownPostgres) as(prog string, args ...string) *exec.Cmd {
	var cmd *exec.Cmd
	if os.Geteuid() == 0 {
		cmd = exec.Command("runuser", append([]string{"-u", pgOSUser, "--", prog}, args...)...)
	} else {
		cmd = exec.Command(prog, args...)
	}
	cmd.Dir = pg.dir
	return cmd
}

func (pg *ownPostgres) chown(path string) {
	if os.Geteuid() != 0 {
		return
	}
	u, err := user.Lookup(pgOSUser)
	if err != nil {
		pg.t.Fatalf("user %s (scripts/test creates it): %v", pgOSUser, err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(path, uid, gid); err != nil {
		pg.t.Fatal(err)
	}
}

func freeLoopbackPort(t *testing.T) int {
	addr := freeLoopbackAddr(t)
	port, _ := strconv.Atoi(addr[strings.LastIndex(addr, ":")+1:])
	return port
}
