package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The Content-Security-Policy allows styles and scripts only from our own
// files, so an inline style="…" or onclick="…" in a template is silently
// ignored by the browser: keep them out of the kit's templates and every
// programme's.
func TestTemplatesHaveNoInlineStyleOrScript(t *testing.T) {
	seen := 0
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") || !strings.Contains(filepath.ToSlash(p), "templates/") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		seen++
		for _, bad := range []string{` style="`, ` onclick="`, ` onsubmit="`, `<script>`} {
			if strings.Contains(string(b), bad) {
				t.Errorf("%s contains %q, which the CSP blocks", p, bad)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 40 {
		t.Fatalf("read %d templates; the walk missed the programmes' folders", seen)
	}
}
