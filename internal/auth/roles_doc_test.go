package auth

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// docs/security.md shows the permission table to operators and auditors;
// it must say exactly what rolePerms grants.
func TestSecurityDocMatchesRoles(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "security.md"))
	if err != nil {
		t.Fatal(err)
	}
	var header []string
	documented := map[Role]map[Perm]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(line, "|") {
			header = nil
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if cells[0] == "role" {
			header = cells
			continue
		}
		if header == nil || strings.HasPrefix(cells[0], "---") {
			continue
		}
		role := Role(strings.Trim(strings.Fields(cells[0])[0], "`"))
		// A programme may keep its permissions in a table of its own:
		// the rows of one role add up.
		if documented[role] == nil {
			documented[role] = map[Perm]bool{}
		}
		for i := 1; i < len(cells) && i < len(header); i++ {
			if cells[i] == "✓" {
				documented[role][Perm(strings.Trim(header[i], "`"))] = true
			}
		}
	}
	if len(documented) == 0 {
		t.Fatal("no roles table (a table whose first column is headed \"role\") in docs/security.md")
	}
	for _, r := range Roles {
		got, ok := documented[r]
		if !ok {
			t.Errorf("role %s is missing from docs/security.md", r)
			continue
		}
		var want, have []string
		for _, p := range rolePerms[r] {
			want = append(want, string(p))
		}
		for p := range got {
			have = append(have, string(p))
		}
		sort.Strings(want)
		sort.Strings(have)
		if strings.Join(want, " ") != strings.Join(have, " ") {
			t.Errorf("role %s: docs/security.md says %v, roles.go grants %v", r, have, want)
		}
	}
	for r := range documented {
		if !r.Valid() {
			t.Errorf("docs/security.md lists role %s, which roles.go does not know", r)
		}
	}
}
