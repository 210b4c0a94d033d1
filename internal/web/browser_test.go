package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dangjian/internal/testkit"
)

// A village leader changes a post holder through the real pages: the
// login form, the village page, the post page and its form, and the
// audit log, in a real browser.
func TestBrowserAssignPost(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		chromium := chromiumPath(t)
		env := testkit.Start(t, testkit.SQLite(t))
		ctx := browser(t, 1100, 900)
		base := env.Server.URL
		village := env.Town.Villages["海丹"]
		villagePath := "/orgs/" + strconv.FormatInt(village.ID, 10)
		var postID int64
		if err := env.DB.QueryRow(`SELECT id FROM posts WHERE org_id = $1 AND code = 'director'`, village.ID).Scan(&postID); err != nil {
			t.Fatal(err)
		}
		postPath := "/posts/" + strconv.FormatInt(postID, 10)
		const newHolder = "杨春梅"
		var leader string // the account's full name, which the audit log shows
		if err := env.DB.QueryRow(`SELECT display_name FROM users WHERE username = 'haidan'`).Scan(&leader); err != nil {
			t.Fatal(err)
		}

		text := func(sel string) string {
			t.Helper()
			step, cancel := context.WithTimeout(ctx, 15*time.Second)
			defer cancel()
			s, err := chromedp.Run(step, chromedp.Text(chromedp.CSS(sel)))
			if err != nil {
				t.Fatalf("text of %s: %v", sel, err)
			}
			return s
		}
		location := func() string {
			t.Helper()
			u, err := chromedp.Run(ctx, chromedp.Location())
			if err != nil {
				t.Fatal(err)
			}
			return strings.TrimPrefix(u, base)
		}

		// Log in through the form; the session and CSRF cookies are the
		// browser's own from here on.
		if err := chromedp.Do(ctx, chromedp.Navigate(base+villagePath)); err != nil {
			t.Fatalf("start %s: %v", chromium, err)
		}
		if loc := location(); !strings.HasPrefix(loc, "/login?next=") {
			t.Fatalf("logged-out visit went to %s, want the login page", loc)
		}
		if err := chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.ID("username"), "haidan"),
			chromedp.SendKeys(chromedp.ID("password"), "dangjian2026"),
		); err != nil {
			t.Fatal(err)
		}
		submit(t, ctx, `form[action="/login"] button[type=submit]`)
		if loc := location(); loc != villagePath {
			t.Fatalf("after login at %s, want %s (the page asked for)", loc, villagePath)
		}
		if h := text("#org-name"); !strings.Contains(h, "海丹村党总支") {
			t.Fatalf("village page heading %q", h)
		}

		// Follow the post from the village's post table.
		submit(t, ctx, `#posts-table a[href="`+postPath+`"]`)
		if h := text("h1"); !strings.Contains(h, "村委会主任") {
			t.Fatalf("post page heading %q", h)
		}
		old := text("#current-holder")
		if old == "" || old == newHolder {
			t.Fatalf("current holder before the change: %q", old)
		}

		// Give the post to someone new (the form starts empty); the start
		// date defaults to today.
		if err := chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.ID("holder_name"), newHolder),
			chromedp.SendKeys(chromedp.ID("note"), "村民代表会议选举"),
		); err != nil {
			t.Fatal(err)
		}
		submit(t, ctx, `#assign-form button`)
		if loc := location(); loc != postPath {
			t.Fatalf("after assigning at %s, want %s", loc, postPath)
		}
		if got := text("#current-holder"); got != newHolder {
			t.Fatalf("current holder %q, want %q", got, newHolder)
		}
		if flash := text(".flash"); !strings.Contains(flash, "任职已更新") {
			t.Fatalf("flash %q", flash)
		}
		if hist := text("#history-table"); !strings.Contains(hist, old) || !strings.Contains(hist, "2026-11-26") {
			t.Fatalf("history lacks the previous holder %s ending 2026-11-26:\n%s", old, hist)
		}
		shot(t, ctx, "post.png")

		// The village page shows the new holder.
		submit(t, ctx, `.crumbs a[href="`+villagePath+`"]`)
		if posts := text("#posts-table"); !strings.Contains(posts, newHolder) || strings.Contains(posts, old) {
			t.Fatalf("village post table after the change:\n%s", posts)
		}

		// The audit log has the change, with the new name, by the
		// leader's full name rather than their username.
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/audit")); err != nil {
			t.Fatal(err)
		}
		row := text("#audit-table tr:nth-child(2)")
		if !strings.Contains(row, "更换任职") || !strings.Contains(row, newHolder) || !strings.Contains(row, leader) {
			t.Fatalf("newest audit row: %q", row)
		}
		shot(t, ctx, "audit.png")
	})
}

// shot saves a PNG of the visible part of the page in the test's directory and, when
// DANGJIAN_SCREENSHOTS names a directory, there too.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if len(png) < 8 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot %s is not a PNG", name)
	}
	dirs := []string{t.TempDir()}
	if d := os.Getenv("DANGJIAN_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		if err := os.WriteFile(filepath.Join(d, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshot %s (%d bytes) in %s", name, len(png), strings.Join(dirs, ", "))
}
