// Command testsummary reads the event stream of `go test -json` and reports
// on it. It is used by scripts/test in two ways:
//
//	go test -json ./... | go run ./scripts/testsummary -progress
//	go run ./scripts/testsummary [-elapsed SECONDS] [-failed-step NAME]... FILE
//
// With -progress it prints, while the tests run, one line per finished
// package and the complete output of every failing test, so that a CI log
// alone is enough to understand a failure.
//
// Without -progress it prints a summary: how many leaf tests (tests without
// subtests) passed, failed and were skipped, and how many of them ran on
// each database. A leaf test counts for a database when one element of its
// slash-separated name is exactly "sqlite" or "postgres", which is how the
// store tests name their per-database subtests
// (TestOrgStore/postgres/creates). The last line is always
//
//	N passed, N failed, N skipped
//
// and the exit status is non-zero when a test or package failed, when a
// step named with -failed-step failed, or when no test ran at all.
//
// Only the standard library is used so that this works on a fresh checkout
// before any module is downloaded.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// databases are the path elements that mark a test as running against one
// database. The order is the order of the summary lines.
var databases = []string{"sqlite", "postgres"}

// event is one line of `go test -json` (see `go doc test2json`). Build
// failures come as "build-output"/"build-fail" events keyed by ImportPath;
// the package's final "fail" then names that build in FailedBuild.
type event struct {
	Time        time.Time
	Action      string
	Package     string
	Test        string
	Elapsed     float64
	Output      string
	ImportPath  string
	FailedBuild string
}

// testRun is one test of one package. Results holds every terminal action
// seen for it ("pass", "fail", "skip"); there is more than one when the
// tests were run with -count=N.
type testRun struct {
	name    string
	output  []string
	results []string
	printed bool
}

type pkgRun struct {
	name        string
	tests       map[string]*testRun
	order       []string
	output      []string // output not attributed to any test
	result      string   // "pass", "fail", "skip" or "" while running
	elapsed     float64
	failedBuild string
	noTests     bool
}

// report accumulates the whole stream. When progress is non-nil, it writes
// readable progress there as events arrive.
type report struct {
	progress io.Writer

	pkgs     map[string]*pkgRun
	pkgOrder []string

	builds       map[string][]string // build output by ImportPath
	printedBuild map[string]bool

	raw []string // lines that were not JSON (e.g. "go: ..." errors)

	first, last time.Time
}

func newReport(progress io.Writer) *report {
	return &report{
		progress:     progress,
		pkgs:         map[string]*pkgRun{},
		builds:       map[string][]string{},
		printedBuild: map[string]bool{},
	}
}

func (r *report) pkg(name string) *pkgRun {
	p := r.pkgs[name]
	if p == nil {
		p = &pkgRun{name: name, tests: map[string]*testRun{}}
		r.pkgs[name] = p
		r.pkgOrder = append(r.pkgOrder, name)
	}
	return p
}

func (p *pkgRun) test(name string) *testRun {
	t := p.tests[name]
	if t == nil {
		t = &testRun{name: name}
		p.tests[name] = t
		p.order = append(p.order, name)
	}
	return t
}

func (r *report) printf(format string, args ...any) {
	if r.progress != nil {
		fmt.Fprintf(r.progress, format, args...)
	}
}

// read feeds every line of in to the report. Lines that are not JSON
// events are kept (and echoed in progress mode): when `go test` cannot even
// start, its only explanation is such a line on stderr.
func (r *report) read(in io.Reader) error {
	br := bufio.NewReaderSize(in, 1<<20)
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			r.line(line)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (r *report) line(line string) {
	trimmed := strings.TrimSpace(line)
	if trimmed == "" {
		return
	}
	var ev event
	if !strings.HasPrefix(trimmed, "{") || json.Unmarshal([]byte(trimmed), &ev) != nil || ev.Action == "" {
		r.raw = append(r.raw, strings.TrimRight(line, "\n"))
		r.printf("%s\n", strings.TrimRight(line, "\n"))
		return
	}
	r.add(ev)
}

func (r *report) add(ev event) {
	if !ev.Time.IsZero() {
		if r.first.IsZero() || ev.Time.Before(r.first) {
			r.first = ev.Time
		}
		if ev.Time.After(r.last) {
			r.last = ev.Time
		}
	}

	switch ev.Action {
	case "build-output":
		r.builds[ev.ImportPath] = append(r.builds[ev.ImportPath], ev.Output)
		return
	case "build-fail":
		return
	}
	if ev.Package == "" {
		return
	}
	p := r.pkg(ev.Package)

	if ev.Test == "" {
		switch ev.Action {
		case "output":
			p.output = append(p.output, ev.Output)
			if strings.Contains(ev.Output, "[no test files]") {
				p.noTests = true
			}
		case "pass", "fail", "skip":
			p.result = ev.Action
			p.elapsed = ev.Elapsed
			p.failedBuild = ev.FailedBuild
			r.packageDone(p)
		}
		return
	}

	t := p.test(ev.Test)
	switch ev.Action {
	case "output":
		t.output = append(t.output, ev.Output)
	case "pass", "skip":
		t.results = append(t.results, ev.Action)
	case "fail":
		t.results = append(t.results, ev.Action)
		r.testFailed(p, t)
	}
}

// testFailed prints a failed test's output in full. A parent test whose
// own output is only the "=== RUN"/"--- FAIL" framing is not worth a
// block of its own: its failing subtests are printed already.
func (r *report) testFailed(p *pkgRun, t *testRun) {
	if r.progress == nil || t.printed {
		return
	}
	t.printed = true
	if p.hasSubtests(t.name) && onlyFraming(t.output) {
		return
	}
	r.printf("\n--- FAIL %s %s\n", p.name, t.name)
	for _, l := range t.output {
		r.printf("    %s", ensureNewline(l))
	}
}

func (r *report) packageDone(p *pkgRun) {
	if r.progress == nil {
		return
	}
	c := p.counts()
	switch {
	case p.result == "fail":
		// Tests that started but never finished are why a package dies
		// (a panic, a timeout, os.Exit): show what they printed.
		for _, name := range p.order {
			t := p.tests[name]
			if len(t.results) == 0 && !t.printed {
				t.printed = true
				r.printf("\n--- UNFINISHED %s %s\n", p.name, name)
				for _, l := range t.output {
					r.printf("    %s", ensureNewline(l))
				}
			}
		}
		if p.failedBuild != "" {
			if r.printedBuild[p.failedBuild] {
				r.printf("\n--- BUILD FAILED %s (see %s above)\n", p.name, p.failedBuild)
			} else {
				r.printedBuild[p.failedBuild] = true
				r.printf("\n--- BUILD FAILED %s\n", p.name)
				for _, l := range r.builds[p.failedBuild] {
					r.printf("    %s", ensureNewline(l))
				}
			}
		} else if !onlyFraming(p.output) {
			r.printf("\n--- OUTPUT %s\n", p.name)
			for _, l := range p.output {
				r.printf("    %s", ensureNewline(l))
			}
		}
		if p.failedBuild != "" {
			r.printf("FAIL  %-50s %6.2fs  build failed\n", p.name, p.elapsed)
		} else {
			r.printf("FAIL  %-50s %6.2fs  %s\n", p.name, p.elapsed, c)
		}
	case p.noTests:
		r.printf("-     %-50s         no test files\n", p.name)
	default:
		r.printf("ok    %-50s %6.2fs  %s\n", p.name, p.elapsed, c)
	}
}

// hasSubtests reports whether any test of the package is below name.
// Subtests start after their parent, so only tests seen so far count, which
// is all of them by the time the parent finishes.
func (p *pkgRun) hasSubtests(name string) bool {
	prefix := name + "/"
	for _, other := range p.order {
		if strings.HasPrefix(other, prefix) {
			return true
		}
	}
	return false
}

// counts is the tally of leaf test results of one package or of all.
type counts struct {
	passed, failed, skipped int
}

func (c counts) String() string {
	return fmt.Sprintf("%d passed, %d failed, %d skipped", c.passed, c.failed, c.skipped)
}

func (c *counts) add(result string) {
	switch result {
	case "pass":
		c.passed++
	case "fail":
		c.failed++
	case "skip":
		c.skipped++
	}
}

// leafResults calls fn for every result of every leaf test. A leaf test
// that started but has no result counts as failed: its package died under
// it.
func (p *pkgRun) leafResults(fn func(t *testRun, result string)) {
	// Every proper prefix of a test name ending before a "/" is a parent.
	parents := map[string]bool{}
	for _, name := range p.order {
		for i := range len(name) {
			if name[i] == '/' {
				parents[name[:i]] = true
			}
		}
	}
	for _, name := range p.order {
		if parents[name] {
			continue
		}
		t := p.tests[name]
		if len(t.results) == 0 {
			fn(t, "fail")
			continue
		}
		for _, res := range t.results {
			fn(t, res)
		}
	}
}

func (p *pkgRun) counts() counts {
	var c counts
	p.leafResults(func(_ *testRun, res string) { c.add(res) })
	return c
}

// databaseOf returns the databases named by the elements of a test name.
func databaseOf(name string) []string {
	var dbs []string
	elems := strings.Split(name, "/")
	for _, db := range databases {
		for _, e := range elems {
			if e == db {
				dbs = append(dbs, db)
				break
			}
		}
	}
	return dbs
}

// summary is everything the final report says.
type summary struct {
	total       counts
	byDB        map[string]counts
	other       counts // leaf tests on no named database
	failedTests []string
	skippedDB   map[string][]string // skipped leaf tests per database
	pkgPassed   int
	pkgFailed   []string
	pkgNoTests  int
	pkgBuild    int
}

func (r *report) summarize() summary {
	s := summary{byDB: map[string]counts{}, skippedDB: map[string][]string{}}
	for _, name := range r.pkgOrder {
		p := r.pkgs[name]
		switch {
		case p.result == "fail":
			label := name
			if p.failedBuild != "" {
				label += " (build failed)"
				s.pkgBuild++
			}
			s.pkgFailed = append(s.pkgFailed, label)
		case p.result == "" && len(p.tests) > 0:
			// The stream ended before the package did (the run was
			// interrupted): that is a failure too.
			s.pkgFailed = append(s.pkgFailed, name+" (did not finish)")
		case p.noTests:
			s.pkgNoTests++
		case p.result != "":
			s.pkgPassed++
		}
		p.leafResults(func(t *testRun, res string) {
			s.total.add(res)
			dbs := databaseOf(t.name)
			if len(dbs) == 0 {
				s.other.add(res)
			}
			for _, db := range dbs {
				c := s.byDB[db]
				c.add(res)
				s.byDB[db] = c
				if res == "skip" {
					s.skippedDB[db] = append(s.skippedDB[db], name+" "+t.name)
				}
			}
			if res == "fail" {
				entry := name + " " + t.name
				if len(t.results) == 0 {
					entry += " (did not finish)"
				}
				s.failedTests = append(s.failedTests, entry)
			}
		})
	}
	return s
}

// ok reports whether the run is a success: something ran and nothing
// failed.
func (s summary) ok(failedSteps []string) bool {
	return s.total.failed == 0 && len(s.pkgFailed) == 0 && len(failedSteps) == 0 &&
		s.total.passed+s.total.failed > 0
}

// maxListed bounds the lists in the summary; every failure was already
// printed in full while the tests ran.
const maxListed = 50

func (s summary) write(w io.Writer, elapsed time.Duration, failedSteps []string, postgresURLSet bool) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, "==================== test summary ====================")
	fmt.Fprintf(w, "packages: %d ok, %d failed, %d without tests\n", s.pkgPassed, len(s.pkgFailed), s.pkgNoTests)
	list(w, "failed packages", s.pkgFailed)
	list(w, "failed tests", s.failedTests)
	if postgresURLSet && len(s.skippedDB["postgres"]) > 0 {
		// DANGJIAN_TEST_POSTGRES was set, so the tests had a server and
		// should not have skipped it.
		list(w, "WARNING: postgres tests skipped although DANGJIAN_TEST_POSTGRES is set", s.skippedDB["postgres"])
	}
	fmt.Fprintln(w, "leaf tests by database:")
	for _, db := range databases {
		c := s.byDB[db]
		fmt.Fprintf(w, "  %-9s %4d ran   (%s)\n", db, c.passed+c.failed, c)
	}
	fmt.Fprintf(w, "  %-9s %4d ran   (%s)\n", "neither", s.other.passed+s.other.failed, s.other)
	if len(failedSteps) > 0 {
		fmt.Fprintf(w, "failed steps: %s\n", strings.Join(failedSteps, ", "))
	}
	if s.total.passed+s.total.failed == 0 {
		fmt.Fprintln(w, "no test ran")
	}
	status := "OK"
	if !s.ok(failedSteps) {
		status = "FAILED"
	}
	fmt.Fprintf(w, "result: %s in %.0fs\n", status, elapsed.Seconds())
	// The last line is the one CI reads: keep it exactly in this form.
	fmt.Fprintf(w, "%d passed, %d failed, %d skipped\n", s.total.passed, s.total.failed, s.total.skipped)
}

func list(w io.Writer, title string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(w, "%s (%d):\n", title, len(items))
	for i, it := range items {
		if i == maxListed {
			fmt.Fprintf(w, "  ... and %d more\n", len(items)-maxListed)
			break
		}
		fmt.Fprintf(w, "  %s\n", it)
	}
}

// onlyFraming reports whether lines hold nothing but what `go test -v`
// prints around every test and package.
func onlyFraming(lines []string) bool {
	for _, l := range lines {
		l = strings.TrimSpace(l)
		switch {
		case l == "", l == "PASS", l == "FAIL",
			strings.HasPrefix(l, "=== "),
			strings.HasPrefix(l, "--- PASS"), strings.HasPrefix(l, "--- FAIL"), strings.HasPrefix(l, "--- SKIP"),
			strings.HasPrefix(l, "FAIL\t"), strings.HasPrefix(l, "ok "), strings.HasPrefix(l, "ok\t"),
			strings.HasPrefix(l, "exit status "):
		default:
			return false
		}
	}
	return true
}

func ensureNewline(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("testsummary", flag.ContinueOnError)
	fs.SetOutput(stderr)
	progress := fs.Bool("progress", false, "print progress while reading instead of a summary")
	elapsed := fs.Float64("elapsed", -1, "seconds to report as elapsed (default: span of the event times)")
	var failedSteps stringList
	fs.Var(&failedSteps, "failed-step", "name of a check that failed before the tests (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: testsummary [-progress] [-elapsed SECONDS] [-failed-step NAME]... [FILE|-]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}

	in := stdin
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			fmt.Fprintln(stderr, "testsummary:", err)
			return 2
		}
		defer f.Close()
		in = f
	}

	var r *report
	if *progress {
		r = newReport(stdout)
	} else {
		r = newReport(nil)
	}
	if err := r.read(in); err != nil {
		fmt.Fprintln(stderr, "testsummary:", err)
		return 2
	}
	if *progress {
		// The exit status of the run is decided from the saved stream.
		return 0
	}

	s := r.summarize()
	d := r.last.Sub(r.first)
	if *elapsed >= 0 {
		d = time.Duration(*elapsed * float64(time.Second))
	}
	s.write(stdout, d, failedSteps, os.Getenv("DANGJIAN_TEST_POSTGRES") != "")
	if !s.ok(failedSteps) {
		return 1
	}
	return 0
}
