package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Imports point one way: cmd → app → web → programmes → auth/audit/db
// (docs/architecture.md). This test reads every package's imports and
// fails on one that points back up, so the rule holds as packages grow.

// lowerLayers says which internal packages a package may import; a
// package not listed is a programme.
var lowerLayers = map[string][]string{
	"apperr": {},
	"i18n":   {},
	"db":     {"apperr"},
	"config": {},
	"audit":  {"db"},
	"auth":   {"apperr", "audit", "db", "i18n"},
}

// upperLayers may not be imported by programmes (nor by each other
// downwards): the web layer, the wiring and what builds on them.
var upperLayers = []string{"web", "app", "demo", "testkit"}

func TestImportDirection(t *testing.T) {
	root := filepath.Join("..", "..")
	imports := map[string]map[string]bool{} // package → internal packages it imports
	stdlib := map[string]map[string]bool{}  // package → standard packages it imports
	err := filepath.WalkDir(filepath.Join(root, "internal"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join(root, "internal"), filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		if imports[pkg] == nil {
			imports[pkg], stdlib[pkg] = map[string]bool{}, map[string]bool{}
		}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if after, ok := strings.CutPrefix(p, "dangjian/internal/"); ok {
				imports[pkg][after] = true
			} else {
				stdlib[pkg][p] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 8 {
		t.Fatalf("found only %d packages under internal/", len(imports))
	}
	upper := map[string]bool{}
	for _, u := range upperLayers {
		upper[u] = true
	}
	pkgs := make([]string, 0, len(imports))
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		top := strings.Split(pkg, "/")[0]
		for dep := range imports[pkg] {
			depTop := strings.Split(dep, "/")[0]
			if depTop == top {
				continue
			}
			switch allowed, low := lowerLayers[top]; {
			case low:
				if !contains(allowed, depTop) {
					t.Errorf("internal/%s imports internal/%s; it may import only %v", pkg, dep, allowed)
				}
			case top == "web" && (depTop == "app" || depTop == "demo" || depTop == "testkit"):
				t.Errorf("internal/web imports internal/%s: web sits below the wiring", dep)
			case top == "app" && (depTop == "demo" || depTop == "testkit"):
				t.Errorf("internal/app imports internal/%s", dep)
			case !upper[top] && upper[depTop]:
				t.Errorf("programme package internal/%s imports internal/%s; programmes never import the web layer", pkg, dep)
			}
		}
		if !upper[top] && stdlib[pkg]["net/http"] {
			t.Errorf("internal/%s imports net/http; only internal/web speaks HTTP", pkg)
		}
	}
}

func contains(list []string, s string) bool {
	return slices.Contains(list, s)
}
