package web_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is the browser the browser tests drive: Debian's chromium
// unless DANGJIAN_TEST_CHROMIUM names another. Without it the test is
// skipped locally and fails under CI, where skipping would hide it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	p := os.Getenv("DANGJIAN_TEST_CHROMIUM")
	if p == "" {
		p = "/usr/bin/chromium"
	}
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium not found at %s: browser tests must run in CI (use scripts/test)", p)
		}
		t.Skipf("chromium not found at %s; run scripts/test to include the browser tests", p)
	}
	return p
}

// browser starts one headless chromium with a window of the given size
// and a fresh profile, with everything that would reach the network on
// its own turned off. The returned context has a time limit; the browser
// itself is started first on a context without one, as chromedp requires.
func browser(t *testing.T, width, height int) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	// Headless Chromium keeps its window at least 500 px wide whatever
	// the flag asks, so the viewport is set as a phone's would be.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height), chromedp.EmulateScale(1))); err != nil {
		cancelCtx()
		cancelAlloc()
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// submit clicks a form's button or a link and waits for the page it leads to,
// which must answer 200.
func submit(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	step, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	resp, err := chromedp.RunResponse(step, chromedp.Click(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
	if resp.Status != 200 {
		t.Fatalf("click %s: status %d at %s", sel, resp.Status, resp.URL)
	}
}
