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

// Imports point one way: cmd → app → web programmes → the web kit →
// services → programme packages → auth/audit/db (docs/architecture.md).
// allowedImports is the whole table: each internal package lists the
// internal packages it may import (its own subpackages aside). A package
// missing from the table, or an import the table does not allow, fails
// the test, so a new package states its place when it is added.
var allowedImports = map[string][]string{
	// Leaves.
	"apperr": {},
	"i18n":   {},
	"day":    {},
	"money":  {},
	"db":     {"apperr"},
	"config": {},
	"audit":  {"db"},
	"auth":   {"apperr", "audit", "db", "i18n"},
	// What one programme hands to 五公开: a leaf, so producers and the
	// disclosure programme need not know each other.
	"disclosure": {"auth"},
	// The files a record carries: a leaf every programme may use, as
	// money (in 分) above.
	"files": {"apperr", "auth", "db"},
	// The OpenAPI document builder and its linter for tests: standard
	// library only, so the web kit can use them without a cycle.
	"openapi":      {},
	"openapi/lint": {},
	// The workbooks exports write and the roster import reads: standard
	// library only, a leaf every programme may use.
	"xlsx": {},

	// Programme packages: rules, SQL and use cases. They may use the ones
	// they build on, never the web layer.
	"org":                 programmeBase(),
	"people":              programmeBase("org"),
	"members":             programmeBase("org", "people"),
	"members/memberstest": {"apperr", "auth", "day", "db", "members", "org", "people"},
	"orglife":             programmeBase("org", "people", "members"),
	"survey":              programmeBase("org"),
	"commendation":        programmeBase("org", "disclosure"),
	"democracy":           programmeBase("disclosure", "members"),
	// Activity sites and the prosperity programme (致富工程) on the registry.
	"sites":      programmeBase(),
	"prosperity": programmeBase("org", "people"),
	"finance":    programmeBase("disclosure"),
	"centres":    programmeBase("org"),
	"appraisal":  programmeBase("org"),

	// The bundle of every programme's service.
	"services": {"auth", "db", "org", "people", "members", "orglife", "survey", "commendation", "democracy", "sites", "prosperity", "finance", "centres", "appraisal"},

	// The web kit, and one package per programme on top of it: a
	// programme's web package reaches its own programme packages and the
	// kit, never another programme's web package.
	"web":              {"apperr", "audit", "auth", "config", "day", "db", "files", "i18n", "money", "openapi", "org", "services"},
	"web/account":      webBase(),
	"web/auditlog":     webBase("audit"),
	"web/org":          webBase("org"),
	"web/people":       webBase("org", "people"),
	"web/members":      webBase("org", "people", "members"),
	"web/orglife":      webBase("org", "people", "members", "orglife"),
	"web/survey":       webBase("org", "survey"),
	"web/commendation": webBase("org", "commendation"),
	"web/democracy":    webBase("disclosure", "democracy"),
	"web/sites":        webBase("org", "sites"),
	"web/prosperity":   webBase("org", "prosperity"),
	"web/finance":      webBase("finance"),
	"web/centres":      webBase("org", "centres", "prosperity"),
	"web/appraisal":    webBase("org", "appraisal"),

	// Wiring, the demo town and the test kit.
	"app":     {"audit", "config", "db", "services", "web", "web/account", "web/auditlog", "web/org", "web/people", "web/members", "web/orglife", "web/survey", "web/commendation", "web/democracy", "web/sites", "web/prosperity", "web/finance", "web/centres", "web/appraisal"},
	"demo":    {"apperr", "auth", "day", "db", "org", "people", "members", "orglife", "survey", "commendation", "services", "democracy", "disclosure", "sites", "prosperity", "finance", "centres", "appraisal"},
	"testkit": {"app", "apperr", "auth", "config", "day", "db", "demo", "openapi", "org", "services", "web"},
	// Assertions on use-case errors: leaves only, so a programme's own
	// internal tests can use them without importing the whole app.
	"testkit/want": {"apperr", "i18n"},
	// The crash harness: tests only, which drive the built binary.
	"crashtest": {},
}

func programmeBase(more ...string) []string {
	return append([]string{"apperr", "audit", "auth", "day", "db", "files", "i18n", "money", "xlsx"}, more...)
}

func webBase(more ...string) []string {
	return append([]string{"apperr", "auth", "day", "db", "files", "i18n", "money", "openapi", "services", "web"}, more...)
}

// speaksHTTP are the packages allowed to import net/http.
func speaksHTTP(pkg string) bool {
	return pkg == "web" || strings.HasPrefix(pkg, "web/") || pkg == "app" || pkg == "testkit"
}

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
	pkgs := make([]string, 0, len(imports))
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		allowed, listed := allowedImports[pkg]
		if !listed {
			t.Errorf("internal/%s is not in allowedImports: add it with the packages it may import", pkg)
			continue
		}
		for dep := range imports[pkg] {
			if strings.HasPrefix(dep, pkg+"/") || contains(allowed, dep) {
				continue
			}
			t.Errorf("internal/%s imports internal/%s; it may import only %v", pkg, dep, allowed)
		}
		if !speaksHTTP(pkg) && stdlib[pkg]["net/http"] {
			t.Errorf("internal/%s imports net/http; only the web layer speaks HTTP", pkg)
		}
	}
	for pkg := range allowedImports {
		if imports[pkg] == nil {
			t.Errorf("allowedImports lists internal/%s, which does not exist", pkg)
		}
	}
}

func contains(list []string, s string) bool {
	return slices.Contains(list, s)
}
