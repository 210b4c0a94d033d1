package web_test

import (
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/testkit"
)

// href finds the links of a page that stay on the site.
var href = regexp.MustCompile(`href="(/[^"#]*)"`)

// Every demo account opens every link of its start page and its menu,
// each of which answers 200: a county reader whose pages asked for a town
// they are not bound to met "填写的内容有误" on six of them.
func TestEveryStartPageLinkOpens(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		for _, acc := range demo.Accounts {
			c := env.Login(t, acc.Username)
			start := "/"
			if resp := c.Get(start); resp.StatusCode == http.StatusSeeOther { // a plain member starts on their record
				start = resp.Header.Get("Location")
			}
			seen := map[string]bool{}
			for _, m := range href.FindAllStringSubmatch(c.GetBody(start), -1) {
				link := html.UnescapeString(m[1])
				if seen[link] || strings.HasPrefix(link, "/lang/") || strings.HasPrefix(link, "/static/") {
					continue
				}
				seen[link] = true
				resp := c.Get(link)
				if resp.StatusCode == http.StatusSeeOther { // the site's name on /me leads back to /me
					resp.Body.Close()
					resp = c.Get(resp.Header.Get("Location"))
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					t.Errorf("%s: %s answers %d: %.200s", acc.Username, link, resp.StatusCode, b)
				}
			}
			if len(seen) < 3 {
				t.Errorf("%s: the start page has %d links", acc.Username, len(seen))
			}
		}
	})
}
