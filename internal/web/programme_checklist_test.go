package web_test

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"dangjian/internal/app"
	"dangjian/internal/auth"
	"dangjian/internal/config"
	"dangjian/internal/demo"
	"dangjian/internal/services"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// kitProgrammes have no programme data of their own, so the parts of the
// checklist that concern data do not apply to them.
var kitProgrammes = map[string]string{
	"account":  "logging in and one's own account: its links are in the page header, it has no demo data or catalog of its own",
	"auditlog": "the audit log shows every other programme's changes: it has no demo data of its own",
}

// TestEveryProgrammeFollowsTheChecklist holds each programme in
// app.Programmes to the checklist of docs/programme-guide.md: its web
// package, routes, API docs, menu entries, permissions in the role table
// and docs/security.md, a demo step and a message catalog.
func TestEveryProgrammeFollowsTheChecklist(t *testing.T) {
	d := testkit.SQLite(t)
	svc, err := services.New(d, testkit.Clock(), testkit.Key)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := app.NewWeb(config.Config{Database: "test", Key: testkit.Key}, svc, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	security, err := os.ReadFile(filepath.Join("..", "..", "docs", "security.md"))
	if err != nil {
		t.Fatal(err)
	}
	ps := srv.Programmes()
	if len(ps) != len(app.Programmes) || len(ps) < 6 {
		t.Fatalf("%d programmes built from %d builders", len(ps), len(app.Programmes))
	}
	demoSteps := demo.Programmes()
	declared := map[auth.Perm]string{}
	names := map[string]bool{}
	for i, p := range ps {
		t.Run(p.Name, func(t *testing.T) {
			builder := runtime.FuncForPC(reflect.ValueOf(app.Programmes[i]).Pointer()).Name()
			if want := "dangjian/internal/web/" + p.Name + ".New"; builder != want {
				t.Errorf("programme %q is built by %s; its name must be its package's, %s", p.Name, builder, want)
			}
			if names[p.Name] {
				t.Errorf("two programmes are named %q", p.Name)
			}
			names[p.Name] = true
			if len(p.Routes) == 0 {
				t.Error("no routes")
			}
			gets := map[string]bool{}
			for _, rt := range p.Routes {
				if rt.Method == "GET" {
					gets[rt.Pattern] = true
				}
				if strings.HasPrefix(rt.Pattern, "/api/") && p.APIDocs[rt.Method+" "+rt.Pattern].Summary == "" {
					t.Errorf("API route %s %s has no entry in APIDocs", rt.Method, rt.Pattern)
				}
			}
			for key := range p.APIDocs {
				method, pattern, _ := strings.Cut(key, " ")
				if !slices.ContainsFunc(p.Routes, func(rt web.Route) bool { return rt.Method == method && rt.Pattern == pattern }) {
					t.Errorf("APIDocs documents %s, which is not one of its routes", key)
				}
			}
			_, kit := kitProgrammes[p.Name]
			if len(p.Nav) == 0 && !kit {
				t.Error("no menu entry")
			}
			for _, n := range p.Nav {
				path, _, _ := strings.Cut(n.Href, "?")
				if !gets[path] {
					t.Errorf("menu entry %s leads to %s, which is not one of its GET routes", n.Label, path)
				}
				if n.Perm == "" && n.Show == nil {
					t.Errorf("menu entry %s says neither who sees it (Perm) nor how to decide (Show)", n.Label)
				}
			}
			if len(p.Perms) == 0 {
				t.Error("no permissions: every programme's use cases check at least one")
			}
			for _, perm := range p.Perms {
				if other, dup := declared[perm]; dup {
					t.Errorf("permission %s is listed by %s too; each belongs to one programme", perm, other)
				}
				declared[perm] = p.Name
				if !slices.Contains(auth.Perms, perm) {
					t.Errorf("permission %s is not in the role table (internal/auth/roles.go)", perm)
				}
				if !strings.Contains(string(security), "| `"+string(perm)+"` |") {
					t.Errorf("permission %s is not explained in docs/security.md", perm)
				}
			}
			if kit {
				return
			}
			if !slices.Contains(demoSteps, p.Name) {
				t.Errorf("no demo step: internal/demo registers none for %q (register(%q, …) in its file)", p.Name, p.Name)
			}
			if _, err := os.Stat(filepath.Join("..", "i18n", "catalog_"+p.Name+".go")); err != nil {
				t.Errorf("no message catalog internal/i18n/catalog_%s.go", p.Name)
			}
		})
	}
	for _, perm := range auth.Perms {
		if declared[perm] == "" {
			t.Errorf("permission %s of the role table belongs to no programme", perm)
		}
	}
	for _, step := range demoSteps {
		if !names[step] {
			t.Errorf("internal/demo has a step for %q, which is not a programme", step)
		}
	}
}
