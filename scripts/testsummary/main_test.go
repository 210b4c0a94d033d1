package main

import (
	"bytes"
	"strings"
	"testing"
)

// stream is a small `go test -json` run in the shape Go 1.26 writes it:
//
//   - dangjian/store: TestOrgStore has sqlite and postgres subtests with
//     their own subtests; one postgres leaf fails, one is skipped. TestPlain
//     is a leaf on no database. TestTwice ran twice (-count=2).
//   - dangjian/web: fails to build.
//   - dangjian/cmd: has no test files.
//   - dangjian/crash: TestCrash/sqlite panics, so TestCrash/postgres
//     started but never finished.
//   - a stray non-JSON line, as `go` prints on stderr for setup errors.
const stream = `{"Action":"start","Package":"dangjian/store"}
{"Time":"2026-01-01T10:00:00Z","Action":"run","Package":"dangjian/store","Test":"TestOrgStore"}
{"Action":"run","Package":"dangjian/store","Test":"TestOrgStore/sqlite"}
{"Action":"run","Package":"dangjian/store","Test":"TestOrgStore/sqlite/creates"}
{"Action":"pass","Package":"dangjian/store","Test":"TestOrgStore/sqlite/creates"}
{"Action":"run","Package":"dangjian/store","Test":"TestOrgStore/sqlite/lists"}
{"Action":"pass","Package":"dangjian/store","Test":"TestOrgStore/sqlite/lists"}
{"Action":"pass","Package":"dangjian/store","Test":"TestOrgStore/sqlite"}
{"Action":"run","Package":"dangjian/store","Test":"TestOrgStore/postgres"}
{"Action":"run","Package":"dangjian/store","Test":"TestOrgStore/postgres/creates"}
{"Action":"output","Package":"dangjian/store","Test":"TestOrgStore/postgres/creates","Output":"=== RUN   TestOrgStore/postgres/creates\n"}
{"Action":"output","Package":"dangjian/store","Test":"TestOrgStore/postgres/creates","Output":"    org_test.go:42: duplicate key value violates unique constraint\n"}
{"Action":"output","Package":"dangjian/store","Test":"TestOrgStore/postgres/creates","Output":"--- FAIL: TestOrgStore/postgres/creates (0.01s)\n"}
{"Action":"fail","Package":"dangjian/store","Test":"TestOrgStore/postgres/creates"}
{"Action":"run","Package":"dangjian/store","Test":"TestOrgStore/postgres/lists"}
{"Action":"skip","Package":"dangjian/store","Test":"TestOrgStore/postgres/lists"}
{"Action":"output","Package":"dangjian/store","Test":"TestOrgStore/postgres","Output":"--- FAIL: TestOrgStore/postgres (0.01s)\n"}
{"Action":"fail","Package":"dangjian/store","Test":"TestOrgStore/postgres"}
{"Action":"fail","Package":"dangjian/store","Test":"TestOrgStore"}
{"Action":"run","Package":"dangjian/store","Test":"TestPlain"}
{"Action":"pass","Package":"dangjian/store","Test":"TestPlain"}
{"Action":"run","Package":"dangjian/store","Test":"TestPlain-sqlite"}
{"Action":"pass","Package":"dangjian/store","Test":"TestPlain-sqlite"}
{"Action":"run","Package":"dangjian/store","Test":"TestTwice"}
{"Action":"pass","Package":"dangjian/store","Test":"TestTwice"}
{"Action":"run","Package":"dangjian/store","Test":"TestTwice"}
{"Action":"pass","Package":"dangjian/store","Test":"TestTwice"}
{"Action":"output","Package":"dangjian/store","Output":"FAIL\tdangjian/store\t0.02s\n"}
{"Time":"2026-01-01T10:00:07Z","Action":"fail","Package":"dangjian/store","Elapsed":0.02}
{"ImportPath":"dangjian/web [dangjian/web.test]","Action":"build-output","Output":"# dangjian/web [dangjian/web.test]\n"}
{"ImportPath":"dangjian/web [dangjian/web.test]","Action":"build-output","Output":"web/handler.go:3:2: undefined: store.Org\n"}
{"ImportPath":"dangjian/web [dangjian/web.test]","Action":"build-fail"}
{"Action":"start","Package":"dangjian/web"}
{"Action":"output","Package":"dangjian/web","Output":"FAIL\tdangjian/web [build failed]\n"}
{"Action":"fail","Package":"dangjian/web","Elapsed":0,"FailedBuild":"dangjian/web [dangjian/web.test]"}
{"Action":"start","Package":"dangjian/cmd"}
{"Action":"output","Package":"dangjian/cmd","Output":"?   \tdangjian/cmd\t[no test files]\n"}
{"Action":"skip","Package":"dangjian/cmd","Elapsed":0}
{"Action":"start","Package":"dangjian/crash"}
{"Action":"run","Package":"dangjian/crash","Test":"TestCrash"}
{"Action":"run","Package":"dangjian/crash","Test":"TestCrash/sqlite"}
{"Action":"pass","Package":"dangjian/crash","Test":"TestCrash/sqlite"}
{"Action":"run","Package":"dangjian/crash","Test":"TestCrash/postgres"}
{"Action":"output","Package":"dangjian/crash","Test":"TestCrash/postgres","Output":"panic: nil map\n"}
{"Action":"output","Package":"dangjian/crash","Output":"FAIL\tdangjian/crash\t0.01s\n"}
{"Action":"fail","Package":"dangjian/crash","Elapsed":0.01}
go: warning: something not JSON
`

func summarizeStream(t *testing.T, in string) summary {
	t.Helper()
	r := newReport(nil)
	if err := r.read(strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	return r.summarize()
}

func TestCounts(t *testing.T) {
	s := summarizeStream(t, stream)

	// Leaves: store has sqlite/creates, sqlite/lists, postgres/creates
	// (fail), postgres/lists (skip), TestPlain, TestPlain-sqlite and
	// TestTwice (twice); crash has sqlite (pass) and postgres (unfinished,
	// so failed). Parents such as TestOrgStore and TestCrash/… are not
	// counted.
	want := counts{passed: 7, failed: 2, skipped: 1}
	if s.total != want {
		t.Errorf("total = %v, want %v", s.total, want)
	}
	if got, want := s.byDB["sqlite"], (counts{passed: 3}); got != want {
		t.Errorf("sqlite = %v, want %v", got, want)
	}
	// TestPlain-sqlite is not a sqlite test: the element must match exactly.
	if got, want := s.byDB["postgres"], (counts{failed: 2, skipped: 1}); got != want {
		t.Errorf("postgres = %v, want %v", got, want)
	}
	if got, want := s.other, (counts{passed: 4}); got != want {
		t.Errorf("neither = %v, want %v", got, want)
	}

	wantFailed := []string{
		"dangjian/store TestOrgStore/postgres/creates",
		"dangjian/crash TestCrash/postgres (did not finish)",
	}
	if strings.Join(s.failedTests, "|") != strings.Join(wantFailed, "|") {
		t.Errorf("failed tests = %q, want %q", s.failedTests, wantFailed)
	}
	wantPkgs := []string{"dangjian/store", "dangjian/web (build failed)", "dangjian/crash"}
	if strings.Join(s.pkgFailed, "|") != strings.Join(wantPkgs, "|") {
		t.Errorf("failed packages = %q, want %q", s.pkgFailed, wantPkgs)
	}
	if s.pkgNoTests != 1 || s.pkgPassed != 0 || s.pkgBuild != 1 {
		t.Errorf("packages: %d ok, %d without tests, %d build failures; want 0, 1, 1", s.pkgPassed, s.pkgNoTests, s.pkgBuild)
	}
	if s.ok(nil) {
		t.Error("ok() = true for a run with failures")
	}
}

func TestDatabaseOf(t *testing.T) {
	for name, want := range map[string]string{
		"TestOrgStore/sqlite/creates":   "sqlite",
		"TestOrgStore/postgres":         "postgres",
		"TestX/postgres/sub/sqlite":     "sqlite,postgres",
		"TestX/postgresql":              "",
		"TestX/my_sqlite":               "",
		"TestSqlite":                    "",
		"TestBrowser/login/as_postgres": "",
	} {
		if got := strings.Join(databaseOf(name), ","); got != want {
			t.Errorf("databaseOf(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestAllPassing(t *testing.T) {
	in := `{"Action":"run","Package":"p","Test":"TestA"}
{"Action":"run","Package":"p","Test":"TestA/sqlite"}
{"Action":"pass","Package":"p","Test":"TestA/sqlite"}
{"Action":"run","Package":"p","Test":"TestA/postgres"}
{"Action":"pass","Package":"p","Test":"TestA/postgres"}
{"Action":"pass","Package":"p","Test":"TestA"}
{"Action":"pass","Package":"p","Elapsed":0.1}
`
	s := summarizeStream(t, in)
	if !s.ok(nil) {
		t.Errorf("ok() = false for %+v", s)
	}
	if s.ok([]string{"go vet"}) {
		t.Error("ok() = true although a step failed")
	}
	if s.total != (counts{passed: 2}) || s.byDB["sqlite"].passed != 1 || s.byDB["postgres"].passed != 1 {
		t.Errorf("counts wrong: %+v", s)
	}
}

func TestNothingRan(t *testing.T) {
	in := `{"Action":"run","Package":"p","Test":"TestA"}
{"Action":"skip","Package":"p","Test":"TestA"}
{"Action":"pass","Package":"p","Elapsed":0.1}
`
	s := summarizeStream(t, in)
	if s.ok(nil) {
		t.Error("ok() = true although no test ran")
	}
	if s.total != (counts{skipped: 1}) {
		t.Errorf("total = %v", s.total)
	}
}

func TestRunExitAndLastLine(t *testing.T) {
	t.Setenv("DANGJIAN_TEST_POSTGRES", "postgres://example/db")
	var out, errOut bytes.Buffer
	code := run([]string{"-elapsed", "12", "-"}, strings.NewReader(stream), &out, &errOut)
	if code != 1 {
		t.Errorf("exit code = %d, want 1; stderr: %s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if last := lines[len(lines)-1]; last != "7 passed, 2 failed, 1 skipped" {
		t.Errorf("last line = %q", last)
	}
	text := out.String()
	for _, want := range []string{
		"result: FAILED in 12s",
		"  sqlite       3 ran   (3 passed, 0 failed, 0 skipped)",
		"  postgres     2 ran   (0 passed, 2 failed, 1 skipped)",
		"postgres tests skipped although DANGJIAN_TEST_POSTGRES is set (1):\n  dangjian/store TestOrgStore/postgres/lists",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
}

func TestProgress(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"-progress"}, strings.NewReader(stream), &out, &out); code != 0 {
		t.Errorf("exit code = %d", code)
	}
	text := out.String()
	for _, want := range []string{
		// A failing test's output is printed in full.
		"--- FAIL dangjian/store TestOrgStore/postgres/creates\n" +
			"    === RUN   TestOrgStore/postgres/creates\n" +
			"        org_test.go:42: duplicate key value violates unique constraint\n",
		// So is the build error and the output of a test that died.
		"web/handler.go:3:2: undefined: store.Org",
		"--- UNFINISHED dangjian/crash TestCrash/postgres\n    panic: nil map\n",
		"go: warning: something not JSON",
		"no test files",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("progress lacks %q:\n%s", want, text)
		}
	}
	// The parent that only failed because of its subtest gets no block.
	if strings.Contains(text, "--- FAIL dangjian/store TestOrgStore/postgres\n") {
		t.Errorf("progress prints a block for a parent with nothing to say:\n%s", text)
	}
}
