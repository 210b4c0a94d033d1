package crashtest

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// binary is the dangjian executable built once for the package's tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dangjian-crash-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "dangjian")
	build := exec.Command("go", "build", "-o", binary, "dangjian/cmd/dangjian")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build dangjian:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// site is one installation: its database and the environment every
// command and server of it gets.
type site struct {
	t   *testing.T
	url string   // SQLite path or postgres:// URL
	env []string // DANGJIAN_* settings
}

func sqliteSite(t *testing.T) *site {
	path := filepath.Join(t.TempDir(), "town.db")
	return &site{t: t, url: path, env: []string{"DANGJIAN_DB=" + path}}
}

func postgresSite(t *testing.T, url string) *site {
	return &site{t: t, url: url, env: []string{"DANGJIAN_DB=" + url, "DANGJIAN_KEY=" + strings.Repeat("5a", 32)}}
}

// dj runs one command of the binary to its end, bounded by a minute.
func (s *site) dj(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(os.Environ(), s.env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (s *site) must(args ...string) string {
	s.t.Helper()
	out, err := s.dj(args...)
	if err != nil {
		s.t.Fatalf("dangjian %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// open gives the test its own connection, for setting up and checking.
func (s *site) open() *db.DB {
	s.t.Helper()
	d, err := db.Open(s.url)
	if err != nil {
		s.t.Fatal(err)
	}
	return d
}

// setUp loads the demo town, then issues an API token for its town
// administrator and finds a village to register households in.
func (s *site) setUp() (token string, village int64) {
	s.t.Helper()
	s.must("demo")
	d := s.open()
	defer d.Close()
	ctx := context.Background()
	a := auth.NewService(d, db.SystemClock{})
	session, err := a.Login(ctx, "admin", "dangjian2026", "crash-test")
	if err != nil {
		s.t.Fatal(err)
	}
	actor, err := a.SessionActor(ctx, session)
	if err != nil {
		s.t.Fatal(err)
	}
	if token, err = a.CreateAPIToken(ctx, actor, "crash test"); err != nil {
		s.t.Fatal(err)
	}
	if err := d.QueryRow(`SELECT id FROM orgs WHERE type = 'general_branch' ORDER BY id LIMIT 1`).Scan(&village); err != nil {
		s.t.Fatal(err)
	}
	return token, village
}

// server is a running `dangjian serve`.
type server struct {
	t    *testing.T
	cmd  *exec.Cmd
	base string
	done chan error
	mu   sync.Mutex
	log  strings.Builder
}

// serve starts the server on a free loopback port and returns once it
// has said it is serving.
func (s *site) serve() *server {
	s.t.Helper()
	addr := freeLoopbackAddr(s.t)
	cmd := exec.Command(binary, "serve")
	cmd.Env = append(os.Environ(), append(s.env, "DANGJIAN_ADDR="+addr)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		s.t.Fatal(err)
	}
	srv := &server{t: s.t, cmd: cmd, base: "http://" + addr, done: make(chan error, 1)}
	cmd.Stderr = srv
	if err := cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		said := false
		for sc.Scan() {
			srv.Write([]byte(sc.Text() + "\n"))
			if !said && strings.Contains(sc.Text(), "dangjian is serving") {
				said = true
				ready <- true
			}
		}
		if !said {
			ready <- false
		}
		io.Copy(io.Discard, stdout)
		srv.done <- cmd.Wait()
	}()
	select {
	case ok := <-ready:
		if !ok {
			s.t.Fatalf("the server stopped before serving:\n%s", srv.output())
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		s.t.Fatalf("the server did not start within 30 s:\n%s", srv.output())
	}
	s.t.Cleanup(func() { srv.cmd.Process.Kill() })
	return srv
}

func (srv *server) Write(p []byte) (int, error) {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	return srv.log.Write(p)
}

func (srv *server) output() string {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	return srv.log.String()
}

// kill ends the server with SIGKILL: no shutdown, no deferred close,
// exactly what a power cut or the OOM killer does to the process.
func (srv *server) kill() {
	srv.t.Helper()
	if err := srv.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		srv.t.Fatal(err)
	}
	<-srv.done
}

// stop asks the server to shut down and waits for it.
func (srv *server) stop() {
	srv.t.Helper()
	srv.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-srv.done:
		if err != nil {
			srv.t.Fatalf("server exit: %v\n%s", err, srv.output())
		}
	case <-time.After(30 * time.Second):
		srv.t.Fatalf("the server did not stop within 30 s")
	}
}

func freeLoopbackAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
