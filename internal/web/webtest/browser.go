// Package webtest holds helpers for tests that drive the web pages through a
// real browser.
package webtest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Timeout bounds a whole browser test: starting Chromium, every page and
// every wait. A test that hangs on a missing element fails with the step that
// waited instead of running until go test's own ten-minute limit.
const Timeout = 90 * time.Second

// RequireChromium returns the Chromium executable: $KETNOI_CHROMIUM, else
// chromium on the PATH. When none is found the test is skipped, except under
// CI (env CI set), where a missing browser means the end-to-end tests did not
// run, which is a failure. Call it before slow setup, so that a machine
// without a browser skips at once.
func RequireChromium(tb testing.TB) string {
	tb.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("CI") != "" {
			tb.Fatal("chromium not found (set KETNOI_CHROMIUM): the browser tests must run in CI")
		}
		tb.Skip("chromium not found (set KETNOI_CHROMIUM to run the browser tests)")
	}
	return path
}

// MustBrowser starts a headless Chromium for the test and returns a chromedp
// context with one open tab, which ends after Timeout; the browser is closed
// when the test ends. It skips or fails as RequireChromium does.
func MustBrowser(tb testing.TB) context.Context {
	tb.Helper()
	path := RequireChromium(tb)
	ctx, cancelTimeout := context.WithTimeout(context.Background(), Timeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, allocatorOptions(path)...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	// Cleanups run last-in first-out: close the tab and browser, then wait
	// for the process to exit and its profile to be removed.
	tb.Cleanup(cancelTimeout)
	tb.Cleanup(cancelAlloc)
	tb.Cleanup(cancelBrowser)
	// Start the browser and open the tab now, so that a browser that cannot
	// start fails here with its own output rather than in the first step.
	if err := chromedp.Do(bctx); err != nil {
		tb.Fatalf("start chromium %s: %v", path, err)
	}
	return bctx
}

// chromiumPath finds the browser: $KETNOI_CHROMIUM (scripts/test.sh sets it),
// else chromium or chromium-browser on the PATH.
func chromiumPath() string {
	if p := os.Getenv("KETNOI_CHROMIUM"); p != "" {
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
		return ""
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// allocatorOptions are exactly the flags the project runs Chromium with,
// instead of chromedp's longer default list. chromedp itself adds the
// transport (--remote-debugging-pipe), the first page (about:blank) and a
// fresh temporary --user-data-dir, which it removes when the browser exits.
func allocatorOptions(path string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
	}
}
