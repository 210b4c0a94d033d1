package apperr_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every rule the code enforces is in the domain reference, under the
// name its errors carry, so a message a user quotes leads to the rule,
// its number and its basis.
func TestEveryRuleIsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/domain.md")
	if err != nil {
		t.Fatal(err)
	}
	// A rule is raised as apperr.Rule("name", …) or through a named
	// constant RuleX = "name".
	raised := regexp.MustCompile(`apperr\.Rule\("([a-z_.]+)"|\bRule[A-Z]\w*\s*=\s*"([a-z_.]+)"`)
	found := map[string]string{}
	err = filepath.WalkDir("..", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range raised.FindAllStringSubmatch(string(src), -1) {
			found[m[1]+m[2]] = path
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) < 30 {
		t.Fatalf("found only %d rules; is the pattern still right?", len(found))
	}
	for rule, path := range found {
		if !strings.Contains(string(doc), "`"+rule+"`") {
			t.Errorf("rule %s (%s) is not in docs/domain.md", rule, path)
		}
	}
}
