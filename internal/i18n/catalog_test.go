package i18n_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	_ "dangjian/internal/app" // every programme's catalog registers itself
	"dangjian/internal/auth"
	"dangjian/internal/i18n"
	"dangjian/internal/org"
)

var placeholder = regexp.MustCompile(`\{[a-z_0-9]+\}`)

// Every message exists in both languages with the same placeholders, so
// an English reader never sees Chinese and no number is dropped.
func TestEveryKeyHasBothLanguages(t *testing.T) {
	keys := i18n.Keys()
	if len(keys) < 100 {
		t.Fatalf("only %d keys registered; are the catalogs loaded?", len(keys))
	}
	for _, k := range keys {
		zh, _ := i18n.Message(i18n.ZH, k)
		en, ok := i18n.Message(i18n.EN, k)
		if strings.TrimSpace(zh) == "" {
			t.Errorf("%s: no Chinese text", k)
		}
		if !ok || strings.TrimSpace(en) == "" {
			t.Errorf("%s: no English text", k)
		}
		if a, b := placeholders(zh), placeholders(en); a != b {
			t.Errorf("%s: placeholders differ: zh %s, en %s", k, a, b)
		}
	}
}

func placeholders(s string) string {
	p := placeholder.FindAllString(s, -1)
	sort.Strings(p)
	return strings.Join(p, " ")
}

// Keys built from enumerations at run time must exist for every value.
func TestEnumerationKeys(t *testing.T) {
	var want []string
	for _, r := range auth.Roles {
		want = append(want, "role."+string(r))
	}
	for _, ty := range org.Types {
		want = append(want, "org.type."+string(ty))
	}
	for _, it := range org.IndustryTypes {
		want = append(want, "org.industry."+string(it))
	}
	for _, list := range [][]org.PostKind{org.VillagePosts, org.BranchPosts} {
		for _, k := range list {
			want = append(want, "post."+k.Code, "body."+string(k.Body))
		}
	}
	for _, k := range want {
		if !i18n.Has(k) {
			t.Errorf("missing message %s", k)
		}
	}
}

// usedKey is a message key found in the source and where.
type usedKey struct{ key, at string }

// Every message key written literally in Go code or a template must be in
// the catalog: a missing translation fails the build instead of showing a
// raw key to a villager.
func TestKeysUsedInSourceExist(t *testing.T) {
	root := moduleRoot(t)
	var used []usedKey
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if name == "testdata" || name == "vendor" || (strings.HasPrefix(name, ".") && path != root) {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go"):
			used = append(used, goKeys(t, root, path)...)
		case strings.HasSuffix(name, ".html") && strings.Contains(path, "templates"):
			used = append(used, templateKeys(t, root, path)...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(used) < 50 {
		t.Fatalf("found only %d keys in the source; is the scanner broken?", len(used))
	}
	seen := map[string]bool{}
	for _, u := range used {
		if !i18n.Has(u.key) && !seen[u.key] {
			seen[u.key] = true
			t.Errorf("%s: message key %q is not in any catalog (add it to internal/i18n/catalog_<area>.go)", u.at, u.key)
		}
	}
}

func moduleRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// goKeys finds the message keys a Go file passes to the error, message and
// audit helpers as string literals.
func goKeys(t *testing.T, root, path string) []usedKey {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	var out []usedKey
	add := func(n ast.Node, e ast.Expr, prefix string) {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil || s == "" {
			return
		}
		p := fset.Position(n.Pos())
		rel, _ := filepath.Rel(root, p.Filename)
		out = append(out, usedKey{prefix + s, rel + ":" + strconv.Itoa(p.Line)})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			name, pkg := callee(x.Fun)
			args := x.Args
			switch {
			case pkg == "apperr" && name == "Rule" && len(args) >= 1:
				add(x, args[0], "rule.")
			case pkg == "apperr" && name == "Invalid" && len(args) >= 2:
				add(x, args[1], "")
			case pkg == "apperr" && (name == "Conflict" || name == "TooMany" || name == "Unauthenticated") && len(args) >= 1:
				add(x, args[0], "")
			case pkg == "i18n" && name == "T" && len(args) >= 2:
				add(x, args[1], "")
			case (pkg == "i18n" && name == "Key") || name == "i18nKey":
				if len(args) == 1 {
					add(x, args[0], "")
				}
			case name == "Add" && len(args) == 3: // apperr.Fields.Add(field, key, params)
				if _, ok := args[0].(*ast.BasicLit); ok {
					add(x, args[1], "")
				}
			case name == "redirect" && len(args) == 4: // s.redirect(w, r, to, flashKey)
				add(x, args[3], "")
			}
		case *ast.CompositeLit:
			name, pkg := callee(x.Type)
			for _, el := range x.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				field, _ := kv.Key.(*ast.Ident)
				switch {
				case field == nil:
				case pkg == "apperr" && name == "Error" && field.Name == "Key":
					add(kv, kv.Value, "")
				case pkg == "audit" && name == "Entry" && field.Name == "Action":
					add(kv, kv.Value, "audit.action.")
				case pkg == "audit" && name == "Entry" && field.Name == "Entity":
					add(kv, kv.Value, "audit.entity.") // the log's menu of record types
				}
			}
		}
		return true
	})
	return out
}

// callee names a called function or a composite type: "Rule", "apperr"
// for apperr.Rule; "redirect", "" for s.redirect.
func callee(e ast.Expr) (name, pkg string) {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name, ""
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return x.Sel.Name, id.Name
		}
		return x.Sel.Name, ""
	}
	return "", ""
}

// templateCall matches {{t . "key"}} and {{t $ "key"}} with a literal key.
var templateCall = regexp.MustCompile(`[({]\s*t\s+[.$]\s+"([^"]+)"`)

func templateKeys(t *testing.T, root, path string) []usedKey {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(root, path)
	var out []usedKey
	for i, line := range strings.Split(string(b), "\n") {
		for _, m := range templateCall.FindAllStringSubmatch(line, -1) {
			out = append(out, usedKey{m[1], rel + ":" + strconv.Itoa(i+1)})
		}
	}
	return out
}
