package main

// Browser tests: headless Chromium (Debian's chromium package) driven by
// chromedp against the shop on a loopback port, walking each flow as a
// shopper would. They run only with PIMKIT_BROWSER=1 (ci.sh sets it);
// then a Chromium that cannot be found or started FAILS them. Each flow
// saves screenshots in the test's artifact directory (go test -artifacts
// -outputdir DIR keeps them); a failing step names the page and element.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"golang.org/x/text/language"
)

// browser is one fresh Chromium (own profile) with the shop under test.
type browser struct {
	t    *testing.T
	ts   *testShop
	ctx  context.Context
	page string // the page the flow is on, for failure messages
}

// newBrowser starts Chromium, or skips without PIMKIT_BROWSER=1.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	if os.Getenv("PIMKIT_BROWSER") != "1" {
		t.Skip("browser test: set PIMKIT_BROWSER=1 to run it (needs Debian's chromium; examples/webshop/ci.sh does)")
	}
	exe := os.Getenv("PIMKIT_CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	if _, err := os.Stat(exe); err != nil {
		t.Fatalf("browser test: Chromium not found at %s (PIMKIT_CHROMIUM): %v", exe, err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1000, 800),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first Do starts the browser; its context must not time out (it
	// would stop the browser), so the steps get their own deadlines.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("browser test: Chromium %s did not start: %v", exe, err)
	}
	return &browser{t: t, ts: newTestShop(t), ctx: ctx}
}

// step runs actions on the current page; a failure names the page and
// the element.
// Each step may take a minute: generous, as the machine is shared and
// loaded; the waits poll the page, never sleep.
func (b *browser) step(element string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.shot("failed")
		b.t.Fatalf("page %s: element %s: %v", b.page, element, err)
	}
}

// open navigates to path and waits for the page's main element.
func (b *browser) open(path string) {
	b.t.Helper()
	b.page = path
	b.step("main#main", chromedp.Navigate(b.ts.URL+path), chromedp.WaitReady(chromedp.CSS("#main")))
}

// click clicks the element sel, waits for the load event of the page it
// leads to (subscribed before the click, so it cannot be missed), and then
// for wantOnNextPage on that page.
func (b *browser) click(sel, wantOnNextPage string) {
	b.t.Helper()
	b.step(sel, chromedp.WaitVisible(chromedp.CSS(sel)))
	get(b, sel+" (clicked; waiting for the next page to load)",
		chromedp.WaitEvent(cdppage.LoadEventFired, nil, chromedp.Click(chromedp.CSS(sel))))
	b.page = strings.TrimPrefix(get(b, "location", chromedp.Location()), b.ts.URL)
	b.step(wantOnNextPage+" (on the page after clicking "+sel+")", chromedp.WaitReady(chromedp.CSS(wantOnNextPage)))
}

// text returns the visible text of sel.
func (b *browser) text(sel string) string {
	b.t.Helper()
	b.step(sel, chromedp.WaitVisible(chromedp.CSS(sel)))
	return strings.TrimSpace(get(b, sel, chromedp.Text(chromedp.CSS(sel))))
}

// absent fails when sel is on the page.
func (b *browser) absent(sel string) {
	b.t.Helper()
	if n := get(b, sel, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", sel))); n != 0 {
		b.shot("failed")
		b.t.Fatalf("page %s: element %s is there and should not be", b.page, sel)
	}
}

// cookies returns the browser's cookies for the shop by name.
func (b *browser) cookies() map[string]string {
	b.t.Helper()
	out := map[string]string{}
	b.step("cookies", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		res, err := cdp.Call(ctx, t, network.GetCookies, network.GetCookiesParams{URLs: []string{b.ts.URL}})
		for _, c := range res.Cookies {
			out[c.Name] = c.Value
		}
		return err
	}))
	return out
}

// consentUpdates returns the Consent Mode updates the page pushed to the
// data layer, as the browser ran them.
func (b *browser) consentUpdates() []map[string]string {
	b.t.Helper()
	raw := get(b, "script#consent-mode", chromedp.Evaluate[string](
		`JSON.stringify(window.dataLayer.filter(a => a[0] === 'consent' && a[1] === 'update').map(a => a[2]))`))
	var out []map[string]string
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		b.t.Fatalf("page %s: dataLayer: %v", b.page, err)
	}
	return out
}

// shot saves a screenshot of the viewport as name.png in the test's
// artifact directory.
func (b *browser) shot(name string) { b.capture(name, chromedp.CaptureScreenshot()) }

// shotFull saves a screenshot of the whole page (PNG at quality 100).
func (b *browser) shotFull(name string) { b.capture(name, chromedp.FullScreenshot(100)) }

func (b *browser) capture(name string, a chromedp.Action[[]byte]) {
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	png, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return
	}
	p := filepath.Join(b.t.ArtifactDir(), name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return
	}
	b.t.Logf("screenshot %s", p)
}

// subject is the browser's session ID, the consent ledger's key.
func (b *browser) subject() string {
	b.t.Helper()
	sid := b.cookies()[cookieSession]
	if sid == "" {
		b.t.Fatalf("page %s: no session cookie", b.page)
	}
	return sid
}

func (b *browser) ledger() []privacy.ConsentEvent {
	b.t.Helper()
	bodies, err := b.ts.st.consent(context.Background(), b.subject())
	if err != nil {
		b.t.Fatal(err)
	}
	var out []privacy.ConsentEvent
	for _, raw := range bodies {
		var e privacy.ConsentEvent
		if err := json.Unmarshal(raw, &e); err != nil {
			b.t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// TestBrowserRejectCookies: the banner is shown before any non-essential
// cookie; "reject all" leaves no statistics or advertising cookie, and the
// page's Consent Mode update denies analytics.
func TestBrowserRejectCookies(t *testing.T) {
	b := newBrowser(t)
	b.open("/da/p/mug")
	b.text("#consent-banner")
	b.shot("banner")
	if cs := b.cookies(); len(cs) != 1 || cs[cookieSession] == "" {
		t.Fatalf("page %s: cookies before any choice: %v, want only %s", b.page, keys(cs), cookieSession)
	}
	b.click("#consent-reject", "#product")
	b.absent("#consent-banner")
	if cs := b.cookies(); cs[cookieAnalytics] != "" || cs[cookieMarketing] != "" {
		t.Errorf("page %s: cookies after reject: %v", b.page, keys(cs))
	}
	ups := b.consentUpdates()
	if len(ups) != 1 || ups[0]["analytics_storage"] != "denied" || ups[0]["ad_storage"] != "denied" {
		t.Errorf("page %s: Consent Mode updates after reject: %v", b.page, ups)
	}
	b.shot("rejected")
}

// TestBrowserAcceptCookies: "accept all" is recorded in the consent ledger
// with the banner's notice hash; the statistics cookie is then set, and
// the receipt link appears on "your data", where one form withdraws the
// consent again and the cookies go.
func TestBrowserAcceptCookies(t *testing.T) {
	b := newBrowser(t)
	b.open("/en/")
	b.click("#consent-accept", "#main")
	events := b.ledger()
	if len(events) != 2 || events[0].Action != privacy.Given || events[0].Method != privacy.MethodBanner ||
		events[0].Notice != bannerNotice("en") {
		t.Fatalf("page %s: ledger after accept: %v", b.page, events)
	}
	if cs := b.cookies(); cs[cookieAnalytics] == "" || cs[cookieMarketing] == "" {
		t.Errorf("page %s: cookies after accept: %v", b.page, keys(cs))
	}
	if ups := b.consentUpdates(); len(ups) != 1 || ups[0]["analytics_storage"] != "granted" {
		t.Errorf("page %s: Consent Mode updates after accept: %v", b.page, ups)
	}
	b.open("/en/your-data")
	if got := b.text("#consent-history"); !strings.Contains(got, "given") {
		t.Errorf("page %s: element #consent-history: %q", b.page, got)
	}
	b.text("#receipt-link")
	b.shot("accepted-your-data")
	// Withdrawing is as easy as giving (GDPR Art. 7(3)): untick both, save.
	b.ts.clock.Set(testNow.Add(time.Hour))
	b.step("#change-analytics, #change-marketing", chromedp.Click(chromedp.CSS("#change-analytics")),
		chromedp.Click(chromedp.CSS("#change-marketing")))
	b.click("#change-save", "#consent-history")
	if cs := b.cookies(); cs[cookieAnalytics] != "" || cs[cookieMarketing] != "" {
		t.Errorf("page %s: cookies after withdrawing consent: %v", b.page, keys(cs))
	}
	if got := b.text("#consent-history"); !strings.Contains(got, "withdrawn") {
		t.Errorf("page %s: element #consent-history: %q, want the withdrawal", b.page, got)
	}
}

// TestBrowserGPC: a shopper who accepted everything turns on Global
// Privacy Control; the next page records the Sec-GPC: 1 header as an
// objection to targeted advertising, which ends the earlier consent
// (GDPR Art. 21(5)): the advertising cookie is deleted and the ad flags
// are denied, while statistics stay on. A second browser that sends GPC
// from the start is told so in the banner and, after "accept all", gets
// no advertising cookie.
func TestBrowserGPC(t *testing.T) {
	b := newBrowser(t)
	b.open("/da/")
	b.click("#consent-accept", "#main")
	if cs := b.cookies(); cs[cookieMarketing] == "" {
		t.Fatalf("page %s: no advertising cookie after accept all, before GPC", b.page)
	}
	b.sendGPC()
	b.open("/da/p/mug")
	cs := b.cookies()
	if cs[cookieMarketing] != "" {
		t.Errorf("page %s: GPC: the advertising cookie is still set after the signal", b.page)
	}
	if cs[cookieAnalytics] == "" {
		t.Errorf("page %s: GPC: the statistics cookie is gone (GPC does not object to statistics)", b.page)
	}
	ups := b.consentUpdates()
	if len(ups) != 1 || ups[0]["ad_personalization"] != "denied" || ups[0]["ad_user_data"] != "denied" ||
		ups[0]["analytics_storage"] != "granted" {
		t.Errorf("page %s: GPC: Consent Mode updates %v, want ad personalization and user data denied, analytics granted", b.page, ups)
	}
	var objected bool
	for _, e := range b.ledger() {
		objected = objected || (e.Action == privacy.Objected && e.Source == privacy.GPCSource)
	}
	if !objected {
		t.Errorf("GPC: no objection by signal in the ledger")
	}
	b.shot("gpc-after")

	fresh := newBrowser(t)
	fresh.sendGPC()
	fresh.open("/en/")
	fresh.text("#gpc-note")
	fresh.shot("gpc-banner")
	fresh.click("#consent-accept", "#main")
	if cs := fresh.cookies(); cs[cookieMarketing] != "" || cs[cookieAnalytics] == "" {
		t.Errorf("page %s: GPC from the start, accept all: cookies %v, want statistics only", fresh.page, keys(cs))
	}
}

// sendGPC makes the browser send Sec-GPC: 1 with every request.
func (b *browser) sendGPC() {
	b.t.Helper()
	b.step("Sec-GPC header", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Sec-GPC": "1"}})
		return err
	}))
}

// TestBrowserBuyAndWithdraw: buy a mug, see VAT and the withdrawal
// deadline (14 days from delivery, Directive 2011/83/EU Art. 9), press
// the withdrawal button within the deadline, and see the confirmation with
// the refund duty (Art. 13) and the credit note that cancels the invoice.
func TestBrowserBuyAndWithdraw(t *testing.T) {
	b := newBrowser(t)
	b.open("/da/p/mug?variant=MUG-GREEN")
	b.click("#consent-reject", "#product")
	b.step("form#checkout",
		chromedp.SetValue(chromedp.CSS("#quantity"), "2"),
		chromedp.SendKeys(chromedp.CSS("#name"), "Karen Testesen"),
		chromedp.SendKeys(chromedp.CSS("#email"), "karen.testesen@example.com"),
		chromedp.SendKeys(chromedp.CSS("#address"), "Testvej 17, 8000 Aarhus C"))
	b.click("#buy", "#order-number")
	if got := b.text("#order-vat"); !strings.Contains(got, "35,98") { // 2 x 89.95 = 179.90, a fifth is VAT
		t.Errorf("page %s: element #order-vat: %q, want 35,98", b.page, got)
	}
	if got := b.text("#withdrawal-deadline"); got != "2026-07-06" {
		t.Errorf("page %s: element #withdrawal-deadline: %q, want 2026-07-06", b.page, got)
	}
	b.shot("order")
	b.ts.clock.Set(testNow.Add(7 * 24 * time.Hour)) // within the deadline
	b.click("#withdraw", "#withdrawn")
	if got := b.text("#withdrawn"); !strings.Contains(got, "2026-06-29") {
		t.Errorf("page %s: element #withdrawn: %q", b.page, got)
	}
	if got := b.text("#duties"); !strings.Contains(got, "tilbagebetal alle betalinger") {
		t.Errorf("page %s: element #duties: %q, want the refund duty (in Danish)", b.page, got)
	}
	b.absent("#withdraw")
	if got := b.text("#credit-note-number"); got != "NW-000002" {
		t.Errorf("page %s: element #credit-note-number: %q, want NW-000002", b.page, got)
	}
	if got := b.text("#credit-note-total"); !strings.Contains(got, "179,90") {
		t.Errorf("page %s: element #credit-note-total: %q, want the whole 179,90", b.page, got)
	}
	b.shotFull("withdrawn")
}

// TestBrowserErasure: request erasure on "your data" and see the deadline
// (one month, GDPR Art. 12(3), rolled past a weekend) and what is kept by
// law.
func TestBrowserErasure(t *testing.T) {
	b := newBrowser(t)
	b.open("/en/p/BOWL-01")
	b.click("#consent-accept", "#product")
	b.step("form#checkout",
		chromedp.SendKeys(chromedp.CSS("#name"), "Karen Testesen"),
		chromedp.SendKeys(chromedp.CSS("#email"), "karen.testesen@example.com"),
		chromedp.SendKeys(chromedp.CSS("#address"), "Testvej 17, 8000 Aarhus C"))
	b.click("#buy", "#order-number")
	// Received on Wed 2026-07-22: one month ends on Sat 2026-08-22 and rolls
	// to Mon 2026-08-24 (Reg. 1182/71 Art. 3(2)(c), 3(4)); 30 days would
	// end on Fri 2026-08-21.
	b.ts.clock.Set(time.Date(2026, 7, 22, 10, 0, 0, 0, contract.Copenhagen()))
	b.open("/en/your-data")
	b.click("#erase", "#requests")
	if got := b.text("#requests"); !strings.Contains(got, "2026-08-24") {
		t.Errorf("page %s: element #requests: %q, want the deadline 2026-08-24", b.page, got)
	}
	ret := b.text("#retention")
	if !strings.Contains(ret, "GDPR Art. 7(1)") {
		t.Errorf("page %s: element #retention: %q, want the consent records kept as proof", b.page, ret)
	}
	if !strings.Contains(ret, "2031-12-31") || !strings.Contains(ret, "bogføringsloven § 10") {
		t.Errorf("page %s: element #retention: %q, want the invoice kept until 2031-12-31 by the Bookkeeping Act", b.page, ret)
	}
	b.shotFull("your-data")
}

// TestBrowserJSONLD: the JSON-LD the browser parsed from the product page
// is the catalog's: a ProductGroup with one Product per variant, each with
// its SKU, GTIN and price incl. VAT in DKK.
func TestBrowserJSONLD(t *testing.T) {
	b := newBrowser(t)
	for _, lang := range []string{"da", "en"} {
		b.open("/" + lang + "/p/mug")
		raw := get(b, "script#jsonld", chromedp.Evaluate[string](
			`JSON.stringify(JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent))`))
		var ld struct {
			Type       string `json:"@type"`
			Name       string `json:"name"`
			HasVariant []struct {
				Type   string `json:"@type"`
				SKU    string `json:"sku"`
				GTIN   string `json:"gtin"`
				Offers struct {
					Price    string         `json:"price"`
					Currency string         `json:"priceCurrency"`
					Prior    *priceSpecJSON `json:"priceSpecification"`
				} `json:"offers"`
			} `json:"hasVariant"`
		}
		if err := json.Unmarshal([]byte(raw), &ld); err != nil {
			t.Fatalf("page %s: element script#jsonld: %v", b.page, err)
		}
		p, _ := b.ts.shop.cat.find("mug")
		vs := p.Group.Variants()
		if ld.Type != "ProductGroup" || len(ld.HasVariant) != len(vs) {
			t.Fatalf("page %s: element script#jsonld: %s", b.page, raw)
		}
		for i, v := range vs {
			m, _ := price(v)
			gv, _ := v.Get("ean", contract.Locale{}, "")
			gtin, _ := gv.Text()
			got := ld.HasVariant[i]
			if got.Type != "Product" || got.SKU != v.ID || got.GTIN != gtin || got.Offers.Price != m.Amount().StringFixed(2) || got.Offers.Currency != "DKK" {
				t.Errorf("page %s: element script#jsonld: variant %d is %+v, the catalog has %s at %s", b.page, i, got, v.ID, m)
			}
			// A reduced variant's offer carries the prior price as its
			// strikethrough price (Directive 98/6/EC Art. 6a).
			checkPriorPriceLD(t, b.page, v.ID, got.Offers.Prior)
			// The price the page shows for the variant is the same price.
			shown := b.text(fmt.Sprintf(`tr[data-sku=%q] .price`, v.ID))
			if want := m.Format(map[string]language.Tag{"da": language.Danish, "en": language.BritishEnglish}[lang]); !strings.HasPrefix(shown, want) {
				t.Errorf("page %s: element tr[data-sku=%s] .price: %q, want %q", b.page, v.ID, shown, want)
			}
		}
		// The reduced variant shows the lowest price of the 30 days before
		// the reduction (Directive 98/6/EC Art. 6a).
		if got := b.text(`tr[data-sku="MUG-SAND"] .prior`); !strings.Contains(got, "109") {
			t.Errorf("page %s: element tr[data-sku=MUG-SAND] .prior: %q, want 109.95", b.page, got)
		}
		// The product-safety information (GPSR Art. 19) in the shopper's language.
		want := map[string]string{"da": "Advarsler og sikkerhedsoplysninger", "en": "Warnings and safety information"}[lang]
		if got := b.text("#safety"); !strings.Contains(got, want) || !strings.Contains(got, "Nordlys Keramik ApS") {
			t.Errorf("page %s: element #safety: %q", b.page, got)
		}
		if lang == "en" {
			b.click("#consent-reject", "#product")
			b.shot("product")
		}
	}
}

// get runs one action that returns a value on the current page; a
// failure names the page and the element.
func get[T any](b *browser, element string, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.shot("failed")
		b.t.Fatalf("page %s: element %s: %v", b.page, element, err)
	}
	return v
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
