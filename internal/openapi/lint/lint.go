// Package lint runs @redocly/cli over an OpenAPI document from a test.
//
// The CLI is installed by scripts/test from scripts/openapi-lint's lock
// file (npm ci) and found through DANGJIAN_TEST_REDOCLY, or else in that
// folder's node_modules. Without either the test is skipped, except
// under CI=true, where it fails: CI must lint the document. A variable
// naming a missing file always fails.
package lint

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// EnvRedocly names the redocly executable to use.
const EnvRedocly = "DANGJIAN_TEST_REDOCLY"

// lintDir holds the pinned CLI and its rules, relative to the module.
const lintDir = "scripts/openapi-lint"

// Problem is one finding of the linter.
type Problem struct {
	Rule     string
	Severity string // error or warn
	Message  string
	Pointer  string // where in the document, #/paths/…
}

func (p Problem) String() string {
	return fmt.Sprintf("%s %s at %s: %s", p.Severity, p.Rule, p.Pointer, p.Message)
}

// Run lints the document (JSON) with the project's rules, fails t on
// every error, logs the warnings and returns all the problems.
func Run(t testing.TB, doc []byte) []Problem {
	t.Helper()
	var problems []Problem
	Check(t, doc, func(p Problem) {
		if p.Severity == "error" {
			t.Errorf("openapi lint: %s", p)
		} else {
			t.Logf("openapi lint: %s", p)
		}
		problems = append(problems, p)
	})
	return problems
}

// Check lints the document and hands each problem to found, failing t
// only when the linter cannot run.
func Check(t testing.TB, doc []byte, found func(Problem)) {
	t.Helper()
	bin, config := tools(t)
	file := filepath.Join(t.TempDir(), "openapi.json")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	problems, err := lint(bin, config, file)
	if err != nil {
		t.Fatalf("redocly lint: %v", err)
	}
	for _, p := range problems {
		found(p)
	}
}

// tools finds the CLI and the rules, or skips (fails under CI).
func tools(t testing.TB) (bin, config string) {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	config = filepath.Join(root, lintDir, "redocly.yaml")
	if bin = os.Getenv(EnvRedocly); bin != "" {
		if _, err := os.Stat(bin); err != nil {
			t.Fatalf("%s=%s: %v", EnvRedocly, bin, err)
		}
		return bin, config
	}
	bin = filepath.Join(root, lintDir, "node_modules", ".bin", "redocly")
	if _, err := os.Stat(bin); err != nil {
		msg := fmt.Sprintf("no @redocly/cli at %s: install it with `npm ci --prefix %s` (scripts/test does) or set %s",
			bin, lintDir, EnvRedocly)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return bin, config
}

// report is the part of `redocly lint --format=json` read here.
type report struct {
	Totals struct {
		Errors   int `json:"errors"`
		Warnings int `json:"warnings"`
	} `json:"totals"`
	Problems []struct {
		RuleID   string `json:"ruleId"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
		Location []struct {
			Pointer string `json:"pointer"`
		} `json:"location"`
	} `json:"problems"`
}

func lint(bin, config, file string) ([]Problem, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "lint", "--config", config, "--format", "json", file)
	// No telemetry or update check: the tests must not reach out.
	cmd.Env = append(os.Environ(), "REDOCLY_TELEMETRY=off", "REDOCLY_SUPPRESS_UPDATE_NOTICE=true", "NO_UPDATE_NOTIFIER=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		return nil, runErr
	}
	var r report
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		return nil, fmt.Errorf("%v; unreadable output: %v\n%s%s", runErr, err, stdout.String(), stderr.String())
	}
	var out []Problem
	for _, p := range r.Problems {
		var ptrs []string
		for _, l := range p.Location {
			ptrs = append(ptrs, l.Pointer)
		}
		out = append(out, Problem{Rule: p.RuleID, Severity: p.Severity, Message: p.Message, Pointer: strings.Join(ptrs, ", ")})
	}
	if runErr != nil && r.Totals.Errors == 0 {
		return nil, fmt.Errorf("%v with no error reported:\n%s", runErr, stderr.String())
	}
	return out, nil
}

// moduleRoot is the nearest folder above the working directory (a test's
// package folder) that holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("lint: no go.mod above the working directory")
		}
		dir = parent
	}
}
