package web

import (
	"io/fs"
	"strings"
	"testing"
)

// The Content-Security-Policy allows styles and scripts only from our own
// files, so an inline style="…" or onclick="…" in a template is silently
// ignored by the browser: keep them out.
func TestTemplatesHaveNoInlineStyleOrScript(t *testing.T) {
	err := fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := templateFS.ReadFile(p)
		if err != nil {
			return err
		}
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
}
