package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/billing/peppol"
	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"golang.org/x/net/html"
)

// consumerOrder is a valid checkout form for a consumer.
func consumerOrder(sku string, qty string) url.Values {
	return url.Values{"sku": {sku}, "quantity": {qty}, "name": {"Karen Testesen"},
		"email": {"karen.testesen@example.com"}, "address": {"Testvej 17, 8000 Aarhus C"}}
}

// checkValid fails the test with every HTML problem of p.
func checkValid(t *testing.T, p page) {
	t.Helper()
	if ps := checkHTML(p.body); len(ps) > 0 {
		t.Errorf("page %s is not valid HTML:\n  %s", p.path, strings.Join(ps, "\n  "))
	}
	if p.doc == nil {
		t.Fatalf("page %s: not HTML (%s)", p.path, p.header.Get("Content-Type"))
	}
}

func setCookies(p page) map[string]*http.Cookie {
	out := map[string]*http.Cookie{}
	for _, c := range (&http.Response{Header: p.header}).Cookies() {
		out[c.Name] = c
	}
	return out
}

// TestEveryPageIsValidHTML visits every page in both languages, in every
// state (banner, after a choice, an order, a withdrawal, an erasure
// request, errors) and checks the structure and the CSRF tokens.
func TestEveryPageIsValidHTML(t *testing.T) {
	ts := newTestShop(t)
	for _, lang := range []string{"da", "en"} {
		sh := ts.shopper(t)
		var pages []page
		for _, path := range []string{"/", "/p/mug", "/p/mug?variant=MUG-SAND", "/p/BOWL-01", "/p/PLATE-01", "/your-data", "/admin", "/privacy", "/nope", "/p/nope"} {
			pages = append(pages, sh.get("/"+lang+path))
		}
		pages = append(pages, sh.post("/"+lang+"/consent", url.Values{"choice": {"accept"}, "back": {"/"}}))
		pages = append(pages, sh.get("/"+lang+"/"))
		res := sh.post("/"+lang+"/checkout", consumerOrder("MUG-BLUE", "2"))
		order := res.header.Get("Location")
		pages = append(pages, sh.get(order), sh.get(order+"/invoice"))
		sh.post(order+"/withdraw", nil)
		pages = append(pages, sh.get(order))
		sh.post("/"+lang+"/your-data/erase", nil)
		pages = append(pages, sh.get("/"+lang+"/your-data"), sh.get("/"+lang+"/admin"))
		pages = append(pages, sh.post("/"+lang+"/checkout", url.Values{"sku": {"x"}}))
		for i, p := range pages {
			if p.status == http.StatusSeeOther {
				continue
			}
			checkValid(t, p)
			if dir := os.Getenv("PIMKIT_HTML_DIR"); dir != "" { // for the Nu HTML Checker, see vnu_test.go
				name := fmt.Sprintf("%s-%02d.html", lang, i)
				if err := os.WriteFile(filepath.Join(dir, name), []byte(p.body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := attr(all(p.doc, "html")[0], "lang"); got != lang {
				t.Errorf("page %s: lang %q", p.path, got)
			}
		}
	}
}

// TestBannerBeforeAnyNonEssentialCookie: a first visit gets only the
// session cookie, the banner with accept and reject side by side as the
// same kind of button, and Consent Mode defaults that deny everything.
func TestBannerBeforeAnyNonEssentialCookie(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	p := sh.get("/da/p/mug")
	if find(p.doc, "consent-banner") == nil {
		t.Fatal("page /da/p/mug: #consent-banner missing on the first visit")
	}
	for name := range setCookies(p) {
		if name != cookieSession {
			t.Errorf("first visit sets cookie %s before any consent", name)
		}
	}
	acc, rej := find(p.doc, "consent-accept"), find(p.doc, "consent-reject")
	if acc == nil || rej == nil || acc.Parent != rej.Parent || attr(acc, "class") != attr(rej, "class") {
		t.Error("accept and reject are not equal buttons side by side (ePrivacy Art. 5(3), GDPR Art. 7(3): as easy to refuse)")
	}
	if !strings.Contains(p.body, `gtag('consent', 'default', {"ad_storage":"denied","ad_user_data":"denied","ad_personalization":"denied","analytics_storage":"denied","functionality_storage":"denied","personalization_storage":"denied","security_storage":"granted"})`) {
		t.Errorf("Consent Mode defaults are not all denied (security_storage granted as essential):\n%s", mustText(t, p, "consent-mode"))
	}
	if strings.Contains(p.body, "'update'") {
		t.Error("a Consent Mode update before any choice")
	}
}

// TestRejectSetsNoAnalyticsCookie: reject all records a "no" for both
// purposes, with the banner's notice hash, and the server sets no cookie
// but the session.
func TestRejectSetsNoAnalyticsCookie(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	sh.get("/da/")
	res := sh.post("/da/consent", url.Values{"choice": {"reject"}, "back": {"/p/mug"}})
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/da/p/mug" {
		t.Fatalf("reject: %d %s", res.status, res.header.Get("Location"))
	}
	p := sh.get("/da/p/mug")
	if sh.cookie(cookieAnalytics) != "" || sh.cookie(cookieMarketing) != "" {
		t.Error("cookies after reject: analytics or marketing set")
	}
	if find(p.doc, "consent-banner") != nil {
		t.Error("banner shown again after reject")
	}
	if !strings.Contains(p.body, `"analytics_storage":"denied"`) || !strings.Contains(p.body, "gtag('consent', 'update'") {
		t.Error("no Consent Mode update denying analytics after reject")
	}
	events := ledgerOf(t, ts, sh)
	if len(events) != 2 {
		t.Fatalf("ledger has %d events, want 2 (statistics, advertising)", len(events))
	}
	for _, e := range events {
		if e.Action != privacy.Withdrawn || e.Method != privacy.MethodBanner || e.Notice != bannerNotice("da") {
			t.Errorf("reject recorded as %v", e)
		}
	}
}

func ledgerOf(t *testing.T, ts *testShop, sh *shopper) []privacy.ConsentEvent {
	t.Helper()
	bodies, err := ts.st.consent(t.Context(), sh.cookie(cookieSession))
	if err != nil {
		t.Fatal(err)
	}
	var out []privacy.ConsentEvent
	for _, b := range bodies {
		var e privacy.ConsentEvent
		if err := json.Unmarshal(b, &e); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// TestAcceptRecordsConsentWithProof: accept all grants both purposes in
// the ledger with the notice hash, sets exactly the inventory's cookies,
// updates Consent Mode and yields a receipt with the evidence.
func TestAcceptRecordsConsentWithProof(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	sh.get("/en/")
	sh.post("/en/consent", url.Values{"choice": {"accept"}, "back": {"/"}})
	p := sh.get("/en/")
	if sh.cookie(cookieAnalytics) == "" || sh.cookie(cookieMarketing) == "" {
		t.Error("accept all: the analytics and marketing cookies are not set")
	}
	if !strings.Contains(p.body, `"analytics_storage":"granted"`) || !strings.Contains(p.body, `"ad_storage":"granted"`) {
		t.Error("Consent Mode update does not grant analytics and ads after accept")
	}
	events := ledgerOf(t, ts, sh)
	if len(events) != 2 || events[0].Action != privacy.Given || events[0].Notice != bannerNotice("en") ||
		events[0].Policy != shopPolicy().Effective {
		t.Fatalf("ledger after accept: %v", events)
	}
	r := sh.get("/en/your-data/receipt")
	var rc privacy.Receipt
	if err := json.Unmarshal([]byte(r.body), &rc); err != nil {
		t.Fatalf("receipt: %v", err)
	}
	if rc.Version != privacy.KantaraVersion || len(rc.Evidence) != 2 || strings.Contains(r.body, sh.cookie(cookieSession)) {
		t.Errorf("receipt: version %q, %d evidence, subject hashed: %v", rc.Version, len(rc.Evidence), !strings.Contains(r.body, sh.cookie(cookieSession)))
	}
	// Choosing again by purpose: statistics only.
	res := sh.post("/en/consent", url.Values{"choice": {"choose"}, "analytics": {"on"}, "back": {"/"}})
	sh.get("/en/")
	if sh.cookie(cookieMarketing) != "" {
		t.Error("marketing cookie kept after choosing statistics only")
	}
	if c := setCookies(res)[cookieMarketing]; c == nil || c.MaxAge >= 0 {
		t.Error("the server did not delete the marketing cookie after consent to it ended")
	}
}

// TestGPCMeansMarketingOff: Sec-GPC: 1 is recorded as an objection by
// signal; "accept all" then leaves advertising off, and only an explicit
// tick overrides it (GDPR Art. 21(5)).
func TestGPCMeansMarketingOff(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	sh.gpc = true
	p := sh.get("/da/")
	if find(p.doc, "gpc-note") == nil {
		t.Error("banner does not say GPC is honoured")
	}
	events := ledgerOf(t, ts, sh)
	if len(events) == 0 || events[0].Action != privacy.Objected || events[0].Source != privacy.GPCSource {
		t.Fatalf("GPC not recorded as an objection: %v", events)
	}
	sh.get("/da/p/mug")
	if n := len(ledgerOf(t, ts, sh)); n != len(events) {
		t.Errorf("GPC recorded again on every request: %d events, then %d", len(events), n)
	}
	sh.post("/da/consent", url.Values{"choice": {"accept"}, "back": {"/"}})
	p = sh.get("/da/")
	if sh.cookie(cookieMarketing) != "" {
		t.Error("GPC: marketing cookie set after accept all")
	}
	if sh.cookie(cookieAnalytics) == "" {
		t.Error("GPC: analytics cookie missing after accept all (GPC does not object to statistics)")
	}
	for _, flag := range []string{`"ad_storage":"denied"`, `"ad_personalization":"denied"`, `"ad_user_data":"denied"`} {
		if !strings.Contains(p.body, flag) {
			t.Errorf("GPC: Consent Mode update lacks %s", flag)
		}
	}
	// An explicit tick for targeted ads after the signal wins over it.
	ts.clock.Set(testNow.Add(time.Minute))
	sh.post("/da/consent", url.Values{"choice": {"choose"}, "marketing": {"on"}, "back": {"/"}})
	ts.clock.Set(testNow.Add(2 * time.Minute))
	sh.get("/da/")
	if sh.cookie(cookieMarketing) == "" {
		t.Error("GPC: an explicit opt-in after the signal did not set the marketing cookie")
	}
	// The signal keeps coming: recorded once more, and ignored by the
	// ledger for the explicit opt-in.
	st := loadLedger(t, ts, sh).State(sh.cookie(cookieSession), privacy.UseTargetedAds, testNow.Add(2*time.Minute))
	if !st.Granted() || !st.SignalIgnored {
		t.Errorf("GPC after an explicit opt-in: %+v, want granted, the signal recorded and ignored", st)
	}
	n := len(ledgerOf(t, ts, sh))
	sh.get("/da/p/mug")
	if m := len(ledgerOf(t, ts, sh)); m != n {
		t.Errorf("an ignored GPC signal recorded again on every request: %d events, then %d", n, m)
	}
	// The shopper confirms the opt-in again on "your data"; the next
	// signal must not undo it (Art. 21(5): the confirmed consent keeps
	// the standing of the opt-in it renews).
	ts.clock.Set(testNow.Add(3 * time.Minute))
	sh.post("/da/consent", url.Values{"choice": {"choose"}, "analytics": {"on"}, "marketing": {"on"}, "back": {"/your-data"}})
	ts.clock.Set(testNow.Add(4 * time.Minute))
	p = sh.get("/da/")
	events = ledgerOf(t, ts, sh)
	if last := events[len(events)-1]; last.Action != privacy.Objected || last.Source != privacy.GPCSource {
		t.Errorf("GPC after the confirmation not recorded: the last event is %+v", last)
	}
	if sh.cookie(cookieMarketing) == "" || !strings.Contains(p.body, `"ad_storage":"granted"`) {
		t.Error("GPC: the signal after a confirmed explicit opt-in turned targeted ads off (Art. 21(5))")
	}
}

// TestCookiesAlwaysMatchInventoryAndConsent: over a whole visit, every
// cookie the server sets is in the inventory, and a non-essential one is
// set only when the ledger allows it at that moment.
func TestCookiesAlwaysMatchInventoryAndConsent(t *testing.T) {
	ts := newTestShop(t)
	inv := map[string]privacy.Cookie{}
	for _, c := range shopCookies().Cookies {
		inv[c.Name] = c
	}
	for _, gpc := range []bool{false, true} {
		sh := ts.shopper(t)
		sh.gpc = gpc
		check := func(p page) {
			for name, c := range setCookies(p) {
				ic, ok := inv[name]
				if !ok {
					t.Errorf("page %s sets cookie %s, which is not in the inventory", p.path, name)
					continue
				}
				if c.MaxAge < 0 || !ic.NeedsConsent() {
					continue
				}
				l := loadLedger(t, ts, sh)
				ok = false
				for _, d := range l.Cookies(shopCookies(), sh.cookie(cookieSession), ts.clock.Now(), ts.shop.rules, privacy.Child{}) {
					if d.Cookie.Name == name {
						ok = d.Decision.Allowed
					}
				}
				if !ok {
					t.Errorf("page %s sets %s without consent", p.path, name)
				}
			}
		}
		check(sh.get("/da/"))
		for _, choice := range []url.Values{{"choice": {"reject"}}, {"choice": {"accept"}}, {"choice": {"choose"}, "analytics": {"on"}}} {
			check(sh.post("/da/consent", choice))
			check(sh.get("/da/p/mug"))
			check(sh.get("/da/your-data"))
		}
	}
}

func loadLedger(t *testing.T, ts *testShop, sh *shopper) privacy.Ledger {
	l, err := privacy.NewLedger(ledgerOf(t, ts, sh)...)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestCSRFOnEveryForm: every POST route refuses a missing or foreign token
// with the readable error page, and stores nothing.
func TestCSRFOnEveryForm(t *testing.T) {
	ts := newTestShop(t)
	victim := ts.shopper(t)
	victim.get("/da/")
	victim.post("/da/consent", url.Values{"choice": {"reject"}})
	victim.post("/da/checkout", consumerOrder("BOWL-01", "1"))
	order := victim.last.Header.Get("Location")
	other := ts.shopper(t)
	for _, path := range []string{"/da/consent", "/da/checkout", order + "/withdraw", "/da/your-data/erase"} {
		for _, token := range []string{"", other.csrf(), strings.Repeat("0", 64)} {
			before := countRows(t, ts)
			form := consumerOrder("BOWL-01", "1")
			form.Set("choice", "accept")
			form.Set("csrf", token)
			if token == "" {
				form.Del("csrf")
			}
			p := victim.do(http.MethodPost, path, form)
			if p.status != http.StatusForbidden || find(p.doc, "error") == nil {
				t.Errorf("POST %s with token %.8q: status %d, want 403 with the error page", path, token, p.status)
			}
			if after := countRows(t, ts); after != before {
				t.Errorf("POST %s with a bad token stored something: %v -> %v", path, before, after)
			}
		}
	}
	// A POST without a session (a cross-site form in a fresh browser) too.
	fresh := ts.shopper(t)
	if p := fresh.do(http.MethodPost, "/da/consent", url.Values{"choice": {"accept"}, "csrf": {"x"}}); p.status != http.StatusForbidden {
		t.Errorf("POST without a session: %d", p.status)
	}
}

// countRows counts what the store holds.
func countRows(t *testing.T, ts *testShop) [4]int {
	t.Helper()
	var n [4]int
	for i, table := range []string{"consent_events", "orders", "withdrawals", "requests"} {
		if err := ts.st.db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n[i]); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

// TestCheckoutWithdrawal: a consumer buys two mugs, sees VAT per line, the
// invoice with its due date, and the right of withdrawal with its
// deadline (14 days from delivery, Directive 2011/83/EU Art. 9); the
// button withdraws and shows the refund duty (Art. 13); after the
// deadline the button is gone and a late POST is refused.
func TestCheckoutWithdrawal(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	sh.get("/da/")
	res := sh.post("/da/checkout", consumerOrder("MUG-SAND", "2"))
	if res.status != http.StatusSeeOther {
		t.Fatalf("checkout: %d %s", res.status, mustText(t, res, "error"))
	}
	order := res.header.Get("Location")
	if order != "/da/order/NW-000001" {
		t.Fatalf("order page %q", order)
	}
	p := sh.get(order)
	checkValid(t, p)
	// 2 x 99.95 incl. 25 % VAT: gross 199.90, VAT 39.98 (a fifth).
	if got := mustText(t, p, "order-vat"); got != "39,98 kr." && !strings.Contains(got, "39,98") {
		t.Errorf("order VAT %q, want 39,98", got)
	}
	if got := mustText(t, p, "order-gross"); !strings.Contains(got, "199,90") {
		t.Errorf("order gross %q, want 199,90", got)
	}
	// The payment term is 14 days from Mon 2026-06-22: Mon 2026-07-06.
	if got := mustText(t, p, "due"); got != "2026-07-06" {
		t.Errorf("due %q", got)
	}
	// Delivered at checkout on 2026-06-22: 14 days end on Mon 2026-07-06.
	if got := mustText(t, p, "withdrawal-deadline"); got != "2026-07-06" {
		t.Errorf("withdrawal deadline %q, want 2026-07-06 (Directive 2011/83/EU Art. 9(2)(b))", got)
	}
	inv := sh.get(order + "/invoice")
	checkValid(t, inv)
	if got := mustText(t, inv, "invoice-total"); !strings.Contains(got, "199,90") {
		t.Errorf("invoice total %q", got)
	}
	if got := mustText(t, inv, "invoice-vat"); !strings.Contains(got, "39,98") {
		t.Errorf("invoice VAT %q", got)
	}
	ts.clock.Set(testNow.Add(5 * 24 * time.Hour))
	if w := sh.post(order+"/withdraw", nil); w.status != http.StatusSeeOther {
		t.Fatalf("withdraw: %d", w.status)
	}
	p = sh.get(order)
	if got := mustText(t, p, "withdrawn"); !strings.Contains(got, "2026-06-27") {
		t.Errorf("withdrawn %q", got)
	}
	if got := mustText(t, p, "duties"); !strings.Contains(got, "tilbagebetal alle betalinger") {
		t.Errorf("no refund duty (Art. 13, in Danish) after withdrawal: %q", got)
	}
	if find(p.doc, "withdraw") != nil {
		t.Error("the withdraw button is still there after withdrawing")
	}
	// The credit note cancels the whole invoice, numbered in the invoice
	// sequence and referring to the invoice (momsbekendtgørelsen § 58, stk. 2).
	if got := mustText(t, p, "credit-note-number"); got != "NW-000002" {
		t.Errorf("credit note number %q, want NW-000002", got)
	}
	if got := mustText(t, p, "credit-note"); !strings.Contains(got, "NW-000001 (2026-06-22)") || !strings.Contains(got, "199,90") {
		t.Errorf("credit note %q", got)
	}
	before := countRows(t, ts)
	if w := sh.post(order+"/withdraw", nil); w.status != http.StatusSeeOther {
		t.Errorf("second withdrawal: %d", w.status)
	}
	if after := countRows(t, ts); after != before {
		t.Error("a second withdrawal stored something")
	}
	// Another order, withdrawn too late.
	res = sh.post("/da/checkout", consumerOrder("BOWL-01", "1"))
	late := res.header.Get("Location")
	if late != "/da/order/NW-000003" {
		t.Errorf("the next order is %s, want NW-000003: one unbroken sequence with the credit note", late)
	}
	// Ordered Sat 2026-06-27: 14 days end on Sat 2026-07-11, rolled to Mon
	// 2026-07-13 (Reg. 1182/71 Art. 3(4)); on 2026-07-17 it is over.
	ts.clock.Set(testNow.Add(25 * 24 * time.Hour))
	p = sh.get(late)
	if find(p.doc, "withdraw") != nil || find(p.doc, "no-withdrawal") == nil {
		t.Error("page after the deadline: the withdraw button is shown")
	}
	before = countRows(t, ts)
	if w := sh.post(late+"/withdraw", nil); w.status != http.StatusConflict {
		t.Errorf("late withdrawal: %d, want 409", w.status)
	}
	if after := countRows(t, ts); after != before {
		t.Error("a late withdrawal was stored")
	}
	// Someone else's order is not found.
	if p := ts.shopper(t).get(order); p.status != http.StatusNotFound {
		t.Errorf("another shopper sees the order: %d", p.status)
	}
}

// TestBusinessCustomer: a company with a CVR number gets an invoice with
// its CVR and no right of withdrawal (it is not a consumer).
func TestBusinessCustomer(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	form := consumerOrder("PLATE-01", "3")
	form.Set("company", "Testfirma ApS")
	form.Set("cvr", "43782495")
	res := sh.post("/en/checkout", form)
	if res.status != http.StatusSeeOther {
		t.Fatalf("checkout: %d", res.status)
	}
	order := res.header.Get("Location")
	p := sh.get(order)
	if find(p.doc, "no-withdrawal") == nil || find(p.doc, "withdraw") != nil {
		t.Error("a business order offers withdrawal")
	}
	inv := sh.get(order + "/invoice")
	if got := mustText(t, inv, "invoice-buyer"); !strings.Contains(got, "CVR 43782495") {
		t.Errorf("buyer %q", got)
	}
	// The Peppol BIS 3.0 file: UBL that peppol.Read takes back, the buyer
	// addressed by its CVR number (scheme 0184), the amounts the invoice's.
	if find(inv.doc, "peppol-link") == nil {
		t.Error("no Peppol link on a business invoice")
	}
	x := sh.get(order + "/invoice.xml")
	if x.status != http.StatusOK || !strings.HasPrefix(x.header.Get("Content-Type"), "application/xml") ||
		!strings.Contains(x.header.Get("Content-Disposition"), "NW-000001.xml") {
		t.Fatalf("invoice.xml: %d %s %s", x.status, x.header.Get("Content-Type"), x.header.Get("Content-Disposition"))
	}
	doc, err := peppol.Read(strings.NewReader(x.body))
	if err != nil {
		t.Fatalf("peppol.Read: %v", err)
	}
	if doc.ID != "NW-000001" || doc.Buyer.Endpoint != (peppol.Identifier{ID: "43782495", Scheme: "0184"}) ||
		doc.Totals.Payable.String() != "447.00 DKK" || doc.Seller.VATID != "DK12345674" {
		t.Errorf("Peppol document: id %s, buyer %+v, payable %s, seller VAT %s", doc.ID, doc.Buyer.Endpoint, doc.Totals.Payable, doc.Seller.VATID)
	}
	if err := doc.Check(); err != nil {
		t.Errorf("Peppol document check: %v", err)
	}
	// A consumer's order has none.
	c := ts.shopper(t)
	res = c.post("/en/checkout", consumerOrder("PLATE-01", "1"))
	if p := c.get(res.header.Get("Location") + "/invoice.xml"); p.status != http.StatusNotFound {
		t.Errorf("a consumer's invoice.xml: %d, want 404", p.status)
	}
	if p := c.get(res.header.Get("Location") + "/invoice"); find(p.doc, "peppol-link") != nil {
		t.Error("a Peppol link on a consumer's invoice")
	}
}

// TestBadInputStoresNothing: bad forms get the readable error page naming
// the fields (never their values), and nothing is stored.
func TestBadInputStoresNothing(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	sh.get("/da/")
	company := consumerOrder("PLATE-01", "1")
	company.Set("company", "Firma ApS")
	company.Set("cvr", "12345678") // fails the mod-11 check
	for _, tc := range []struct {
		name string
		form url.Values
		want string
	}{
		{"unknown product", consumerOrder("NOPE", "1"), "vare"},
		{"quantity 0", consumerOrder("MUG-BLUE", "0"), "antal"},
		{"quantity text", consumerOrder("MUG-BLUE", "två"), "antal"},
		{"e-mail", func() url.Values { f := consumerOrder("MUG-BLUE", "1"); f.Set("email", "karen@"); return f }(), "e-mail"},
		{"empty name", func() url.Values { f := consumerOrder("MUG-BLUE", "1"); f.Set("name", " "); return f }(), "navn"},
		{"long address", func() url.Values {
			f := consumerOrder("MUG-BLUE", "1")
			f.Set("address", strings.Repeat("x", 501))
			return f
		}(), "adresse"},
		{"CVR without company", func() url.Values { f := consumerOrder("MUG-BLUE", "1"); f.Set("cvr", "43782495"); return f }(), "CVR"},
		{"bad CVR", company, "buyer.cvr"},
		{"bad consent choice", url.Values{"choice": {"maybe"}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := countRows(t, ts)
			path := "/da/checkout"
			if tc.form.Has("choice") {
				path = "/da/consent"
			}
			p := sh.post(path, tc.form)
			if p.status != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", p.status)
			}
			checkValid(t, p)
			msg := mustText(t, p, "error")
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error page %q does not name %q", msg, tc.want)
			}
			for k, v := range tc.form {
				if k != "csrf" && len(v[0]) > 3 && strings.Contains(p.body, v[0]) && v[0] != "Firma ApS" {
					t.Errorf("error page repeats the input %q", v[0])
				}
			}
			if after := countRows(t, ts); after != before {
				t.Errorf("bad input stored something: %v -> %v", before, after)
			}
		})
	}
}

// TestYourData: the export is a portability download with the orders;
// an erasure request shows its deadline (one month, GDPR Art. 12(3)) and
// that the invoice is kept five years after the year end by the
// Bookkeeping Act while the order's contact data is erased.
func TestYourData(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	sh.get("/en/")
	sh.post("/en/consent", url.Values{"choice": {"accept"}})
	sh.post("/en/checkout", consumerOrder("MUG-BLUE", "1"))
	x := sh.get("/en/your-data/export")
	if !strings.Contains(x.header.Get("Content-Disposition"), "attachment") {
		t.Error("the export is not a download")
	}
	var exp privacy.SubjectExport
	if err := json.Unmarshal([]byte(x.body), &exp); err != nil {
		t.Fatal(err)
	}
	if exp.Format != privacy.ExportFormat || exp.Kind != privacy.Portability || len(exp.Items) < 2 ||
		!strings.Contains(x.body, "karen.testesen@example.com") || strings.Contains(x.body, sh.cookie(cookieSession)) {
		t.Errorf("export: %s", x.body)
	}
	for _, it := range exp.Items {
		if it.Category == "user.payment" {
			t.Error("portability export has the invoice, processed by law, not on consent or contract (Art. 20(1))")
		}
	}
	if exp.Withheld != 1 {
		t.Errorf("portability export: withheld %d, want 1 (the invoice)", exp.Withheld)
	}
	// The access copy (Art. 15) has everything, the invoice too.
	a := sh.get("/en/your-data/export?kind=access")
	var acc privacy.SubjectExport
	if err := json.Unmarshal([]byte(a.body), &acc); err != nil {
		t.Fatal(err)
	}
	if acc.Kind != privacy.Access || acc.Withheld != 0 || len(acc.Items) != len(exp.Items)+1 ||
		!strings.Contains(a.header.Get("Content-Disposition"), "nordlys-access.json") {
		t.Errorf("access copy: kind %v, withheld %d, %d items (portability %d)", acc.Kind, acc.Withheld, len(acc.Items), len(exp.Items))
	}
	// The invoice in the access copy is the stored billing.Invoice, whole:
	// a domestic invoice without an exchange rate passes the export's
	// check of its validate tags.
	var orderNumber string
	for _, it := range acc.Items {
		if it.Category != "user.payment" {
			continue
		}
		b, err := json.Marshal(it.Value)
		if err != nil {
			t.Fatal(err)
		}
		var inv billing.Invoice
		if err := json.Unmarshal(b, &inv); err != nil {
			t.Fatalf("access copy: the invoice item is not a billing.Invoice: %v", err)
		}
		_, body, err := ts.st.order(context.Background(), inv.Number) // the order has the invoice's number
		if err != nil {
			t.Fatal(err)
		}
		var d orderDoc
		if err := json.Unmarshal(body, &d); err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(d.Invoice)
		got, _ := json.Marshal(inv)
		if !bytes.Equal(got, want) || !inv.TaxCurrencyRate.IsZero() {
			t.Errorf("access copy: invoice %s\nwant the stored one %s", got, want)
		}
		orderNumber = inv.Number
	}
	if orderNumber == "" {
		t.Error("access copy: no invoice (user.payment)")
	}
	if p := sh.get("/en/your-data/export?kind=everything"); p.status != http.StatusBadRequest {
		t.Errorf("export of an unknown kind: %d", p.status)
	}
	p := sh.get("/en/your-data")
	checkValid(t, p)
	if got := mustText(t, p, "consent-history"); !strings.Contains(got, "given") || !strings.Contains(got, "banner") {
		t.Errorf("consent history %q", got)
	}
	if find(p.doc, "receipt-link") == nil {
		t.Error("no receipt link")
	}
	sh.post("/en/your-data/erase", nil)
	p = sh.get("/en/your-data")
	// Received Mon 2026-06-22: one month ends Wed 2026-07-22.
	if got := mustText(t, p, "requests"); !strings.Contains(got, "2026-07-22") {
		t.Errorf("erasure deadline: %q", got)
	}
	ret := mustText(t, p, "retention")
	if !strings.Contains(ret, "invoice NW-000001 keep 2031-12-31") || !strings.Contains(ret, "bogføringsloven § 10") {
		t.Errorf("retention does not keep the invoice by the Bookkeeping Act: %q", ret)
	}
	if !strings.Contains(ret, "order NW-000001 erase") {
		t.Errorf("retention does not erase the order's contact data: %q", ret)
	}
	// In Danish: the codes named, the reasons in Danish.
	da := sh.get("/da/your-data")
	if got := mustText(t, da, "requests"); !strings.Contains(got, "sletning") || !strings.Contains(got, "2026-07-22") {
		t.Errorf("Danish requests: %q", got)
	}
	if got := mustText(t, da, "consent-history"); !strings.Contains(got, "givet") || !strings.Contains(got, "cookiebanner") {
		t.Errorf("Danish consent history: %q", got)
	}
}

// TestAdmin: last month's SLA report with the SVG bar, and the
// obligations calendar with the shop's agreement, the refund after a
// withdrawal and an erasure deadline.
func TestAdmin(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	sh.post("/da/checkout", consumerOrder("MUG-BLUE", "1"))
	sh.post(sh.last.Header.Get("Location")+"/withdraw", nil)
	sh.post("/da/your-data/erase", nil)
	p := sh.get("/en/admin")
	checkValid(t, p)
	if n := find(p.doc, "uptime-bar"); n == nil || len(all(n, "svg")) != 1 || len(all(n, "rect")) < 28 {
		t.Error("no SVG uptime bar with a bar per day")
	}
	if got := mustText(t, p, "sla-decision"); got == "" {
		t.Error("no SLA decision")
	}
	cal := mustText(t, p, "obligations")
	for _, want := range []string{"NW-000001", "keep_confidential", "refund", "answer_request",
		"OpenDIMS keep_confidential", "Nordlys Webshop ApS refund", "the shopper return_goods", "Nordlys Webshop ApS answer_request"} {
		if !strings.Contains(cal, want) {
			t.Errorf("obligations calendar lacks %q: %s", want, cal)
		}
	}
}

// TestAdminInDanish: the Danish admin page names every obligation of the
// calendar in Danish -- what it is, and its rule as Danish law cites it
// (pkt., art., stk.) -- with pimkit's code kept in data-what.
func TestAdminInDanish(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	sh.post("/da/checkout", consumerOrder("MUG-BLUE", "1"))
	sh.post(sh.last.Header.Get("Location")+"/withdraw", nil)
	sh.post("/da/your-data/erase", nil)
	p := sh.get("/da/admin")
	checkValid(t, p)
	table := find(p.doc, "obligations")
	if table == nil {
		t.Fatal("page /da/admin: no table#obligations")
	}
	rows := 0
	for _, td := range all(table, "td") {
		if attr(td, "class") != "what" {
			continue
		}
		rows++
		c, label := attr(td, "data-what"), textOf(td)
		if c == "" || label == c || strings.Contains(label, "_") {
			t.Errorf("page /da/admin: td.what %q (data-what %q) is not named in Danish", label, c)
		}
	}
	if rows < 8 {
		t.Errorf("page /da/admin: %d obligations, want the agreement's, the withdrawal's and the request's", rows)
	}
	cal := mustText(t, p, "obligations")
	for _, want := range []string{
		"OpenDIMS hold oplysninger fortrolige 2026-01-30 00:00 vilkår pkt. 9.1", // terms 9.1
		"kunden fortryd købet",                             // Directive 2011/83/EU Art. 9
		"Nordlys Webshop ApS tilbagebetal alle betalinger", // Art. 13
		"kunden send varerne tilbage",                      // Art. 14
		"direktiv 2011/83/EU art. 13 NW-000001",            // the order
		"Nordlys Webshop ApS besvar anmodningen",           // GDPR Art. 12(3)
		"GDPR art. 12, stk. 3 sletning",                    // the request's kind
		"Henvisning",                                       // the column
	} {
		if !strings.Contains(cal, want) {
			t.Errorf("page /da/admin: table#obligations lacks %q: %s", want, cal)
		}
	}
	for _, code := range []string{"keep_confidential", "refund", "answer_request", "terms ", "Directive", "erasure"} {
		if strings.Contains(cal, code) {
			t.Errorf("page /da/admin: table#obligations shows %q untranslated: %s", code, cal)
		}
	}
}

// TestRuleInDanish: rules as pimkit gives them, cited the Danish way.
func TestRuleInDanish(t *testing.T) {
	for _, c := range []struct{ in, da string }{
		{"terms 17.2", "vilkår pkt. 17.2"},                                                   // the OpenDIMS terms' clause
		{"Directive 2011/83/EU Art. 11a", "direktiv 2011/83/EU art. 11a"},                    // an article with a letter
		{"GDPR Art. 12(3)", "GDPR art. 12, stk. 3"},                                          // a paragraph is "stk."
		{"Directive 2011/83/EU Art. 9(2)(b)", "direktiv 2011/83/EU art. 9, stk. 2, litra b"}, // a point is "litra"
		{"renteloven § 9 b", "renteloven § 9 b"},                                             // Danish already
	} {
		if got := rule("da", c.in); got != c.da {
			t.Errorf("rule(da, %q) = %q, want %q", c.in, got, c.da)
		}
		if got := rule("en", c.in); got != c.in {
			t.Errorf("rule(en, %q) = %q, want it as it is", c.in, got)
		}
	}
}

// TestJSONLDMatchesCatalog: the product page's JSON-LD is the catalog's,
// a ProductGroup with one offer per variant at the price incl. VAT.
func TestJSONLDMatchesCatalog(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	for _, lang := range []string{"da", "en"} {
		p := sh.get("/" + lang + "/p/mug")
		var ld struct {
			Type       string `json:"@type"`
			Name       string `json:"name"`
			HasVariant []struct {
				SKU    string `json:"sku"`
				GTIN   string `json:"gtin"`
				Offers struct {
					Price    string         `json:"price"`
					Currency string         `json:"priceCurrency"`
					Prior    *priceSpecJSON `json:"priceSpecification"`
				} `json:"offers"`
			} `json:"hasVariant"`
		}
		if err := json.Unmarshal([]byte(mustText(t, p, "jsonld")), &ld); err != nil {
			t.Fatalf("page %s: #jsonld: %v", p.path, err)
		}
		prod, _ := ts.shop.cat.find("mug")
		vs := prod.Group.Variants()
		if ld.Type != "ProductGroup" || len(ld.HasVariant) != len(vs) {
			t.Fatalf("JSON-LD %+v", ld)
		}
		if want := text(vs[0], "title", map[string]contract.Locale{"da": danish, "en": english}[lang]); ld.Name != want {
			t.Errorf("name %q, want %q", ld.Name, want)
		}
		for i, v := range vs {
			m, _ := price(v)
			if ld.HasVariant[i].SKU != v.ID || ld.HasVariant[i].Offers.Price != m.Amount().StringFixed(2) ||
				ld.HasVariant[i].Offers.Currency != "DKK" {
				t.Errorf("variant %d: %+v, want %s at %s", i, ld.HasVariant[i], v.ID, m)
			}
			checkPriorPriceLD(t, p.path, v.ID, ld.HasVariant[i].Offers.Prior)
		}
	}
	p := sh.get("/da/p/BOWL-01")
	if !strings.Contains(mustText(t, p, "jsonld"), `"@type":"Product"`) {
		t.Error("a simple product is not a schema.org Product")
	}
	_ = catalog.InclVAT
}

// priceSpecJSON is a schema.org price specification as JSON-LD carries it.
type priceSpecJSON struct {
	Type      string `json:"@type"`
	PriceType string `json:"priceType"`
	Price     string `json:"price"`
	Currency  string `json:"priceCurrency"`
}

// checkPriorPriceLD checks the priceSpecification of sku's offer on the
// test's day (2026-06-22) against the catalog's price history: a reduced
// variant carries the lowest price of the 30 days before the reduction
// (Directive 98/6/EC Art. 6a) as a StrikethroughPrice; any other none.
func checkPriorPriceLD(t testing.TB, page, sku string, got *priceSpecJSON) {
	t.Helper()
	prior, reduced, err := priorPrice(sku, contract.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case !reduced && got != nil:
		t.Errorf("page %s: element script#jsonld: %s is not reduced, yet its offer has a priceSpecification %+v", page, sku, *got)
	case reduced && got == nil:
		t.Errorf("page %s: element script#jsonld: the offer of the reduced %s has no priceSpecification (the prior price %s)", page, sku, prior)
	case reduced:
		want := priceSpecJSON{Type: "UnitPriceSpecification", PriceType: "https://schema.org/StrikethroughPrice",
			Price: prior.Amount().StringFixed(2), Currency: "DKK"}
		if *got != want {
			t.Errorf("page %s: element script#jsonld: the offer of %s has priceSpecification %+v, want %+v", page, sku, *got, want)
		}
	}
}

// TestPriorPriceIsTheLowestOfThe30Days: the demo's reduced mug was 109.95
// for a week within the 30 days before its reduction to 99.95 on
// 2026-06-15, and 119.95 the day before it; the prior price the page and
// its JSON-LD show is 109.95 (Directive 98/6/EC Art. 6a(2)).
func TestPriorPriceIsTheLowestOfThe30Days(t *testing.T) {
	prior, reduced, err := priorPrice("MUG-SAND", contract.DateOf(testNow))
	if err != nil || !reduced || prior.Text() != "109.95" {
		t.Errorf("prior price of MUG-SAND on %s: %v %v %v, want 109.95", contract.DateOf(testNow), prior, reduced, err)
	}
	if _, reduced, _ := priorPrice("MUG-SAND", contract.MustDate(2026, 6, 14)); reduced {
		t.Error("MUG-SAND reduced the day before its reduction")
	}
	// A simple product without a reduction keeps the catalog's markup byte for byte.
	ts := newTestShop(t)
	prod, _ := ts.shop.cat.find("BOWL-01")
	var b strings.Builder
	if err := ts.shop.cat.compiled.ProductJSONLD(&b, prod.Record, publishOptions(danish, ts.shop.base)); err != nil {
		t.Fatal(err)
	}
	got, err := withPriorPrices([]byte(b.String()), contract.DateOf(testNow))
	if err != nil || string(got) != b.String() {
		t.Errorf("withPriorPrices changed the markup of an unreduced product: %s\nwas %s (%v)", got, b.String(), err)
	}
}

// TestNoPersonalDataInLogs: a whole visit leaves no name, e-mail address,
// street address, session ID or order number in the log.
func TestNoPersonalDataInLogs(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	sh.gpc = true
	sh.get("/da/")
	sh.post("/da/consent", url.Values{"choice": {"accept"}})
	sh.post("/da/checkout", consumerOrder("MUG-BLUE", "1"))
	order := sh.last.Header.Get("Location")
	sh.get(order)
	sh.post(order+"/withdraw", nil)
	bad := consumerOrder("MUG-BLUE", "1")
	bad.Set("email", "karen.testesen@")
	sh.post("/da/checkout", bad)
	sh.post("/da/your-data/erase", nil)
	sh.get("/da/your-data/export")
	logs := ts.logs.String()
	if !strings.Contains(logs, "route=") {
		t.Fatalf("nothing logged: %q", logs)
	}
	for _, secret := range []string{"Karen", "testesen", "Testvej", sh.cookie(cookieSession), "NW-000001", "127.0.0.1"} {
		if strings.Contains(logs, secret) {
			t.Errorf("the log contains %q", secret)
		}
	}
}

// TestConsentGoesBackOnlyWithinTheShop: the banner's "back" field cannot
// send the shopper to another site.
func TestConsentGoesBackOnlyWithinTheShop(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	for _, back := range []string{"//evil.example/", "/\\evil.example", "https://evil.example/", "/p/mug\r\nX: y"} {
		p := sh.post("/da/consent", url.Values{"choice": {"reject"}, "back": {back}})
		if got := p.header.Get("Location"); got != "/da/" {
			t.Errorf("back %q: redirected to %q, want /da/", back, got)
		}
	}
}

// TestProductSafety: every product page shows the GPSR Art. 19
// information in the shopper's language: the manufacturer with its
// addresses, the type and batch, and the warnings.
func TestProductSafety(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	for _, tc := range []struct{ path, label, warning string }{
		{"/da/p/mug", "Advarsler og sikkerhedsoplysninger", "Tåler opvaskemaskine og mikroovn"},
		{"/en/p/mug", "Warnings and safety information", "Dishwasher and microwave safe"},
		{"/en/p/PLATE-01", "Manufacturer's postal address", "Porcelain can chip"},
	} {
		got := mustText(t, sh.get(tc.path), "safety")
		for _, want := range []string{tc.label, tc.warning, "Nordlys Keramik ApS", "sikkerhed@nordlys.example", "parti 2026-"} {
			if !strings.Contains(got, want) {
				t.Errorf("page %s: #safety lacks %q: %q", tc.path, want, got)
			}
		}
	}
}

// TestPriorPriceBesideAReduction: the reduced sand mug shows the lowest
// price of the 30 days before the reduction -- 109.95, a week's promotion
// inside the window, not the 119.95 of the day before (Directive 98/6/EC
// Art. 6a) -- and the variants not reduced show none.
func TestPriorPriceBesideAReduction(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	p := sh.get("/da/p/mug")
	priors := map[string]string{}
	for _, tr := range all(p.doc, "tr") {
		if sku := attr(tr, "data-sku"); sku != "" {
			for _, sp := range all(tr, "span") {
				if attr(sp, "class") == "prior note" {
					priors[sku] = textOf(sp)
				}
			}
		}
	}
	if len(priors) != 1 || !strings.Contains(priors["MUG-SAND"], "109,95") {
		t.Errorf("prior prices %v, want MUG-SAND's 109,95 only", priors)
	}
	// Before the reduction there is none to show.
	ts.clock.Set(time.Date(2026, 6, 14, 12, 0, 0, 0, contract.Copenhagen()))
	if p := sh.get("/en/p/mug"); strings.Contains(p.body, "prior note") {
		t.Error("a prior price before the reduction began")
	}
}

// TestWithdrawConsentOnYourData: consent is withdrawn where it is
// looked at, as easily as it was given (GDPR Art. 7(3)): one form on
// "your data", which then shows the change.
func TestWithdrawConsentOnYourData(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	sh.post("/en/consent", url.Values{"choice": {"accept"}})
	p := sh.get("/en/your-data")
	if n := find(p.doc, "change-analytics"); n == nil || !hasAttr(n, "checked") {
		t.Fatal("your-data: the statistics box is not shown ticked after accept")
	}
	ts.clock.Set(testNow.Add(time.Hour))
	res := sh.post("/en/consent", url.Values{"choice": {"choose"}, "back": {"/your-data"}})
	if got := res.header.Get("Location"); got != "/en/your-data" {
		t.Errorf("back to %q", got)
	}
	sh.get("/en/your-data")
	if sh.cookie(cookieAnalytics) != "" || sh.cookie(cookieMarketing) != "" {
		t.Error("cookies kept after withdrawing consent on your-data")
	}
	st := loadLedger(t, ts, sh).State(sh.cookie(cookieSession), privacy.UseAnalytics, ts.clock.Now())
	if st.Status != privacy.WithdrawnStatus {
		t.Errorf("statistics after withdrawal: %v", st.Status)
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestPrivacyPageGivesArt13: the privacy page is rendered from the policy,
// whose Statements say where it gives each item of GDPR Art. 13; every
// statement's heading is on the English page with a block at its
// paragraph, and privacy.CheckInformation finds nothing missing.
func TestPrivacyPageGivesArt13(t *testing.T) {
	ts := newTestShop(t)
	sh := ts.shopper(t)
	p := sh.get("/en/privacy")
	checkValid(t, p)
	blocks := map[string][]*html.Node{}
	for _, h := range all(p.doc, "h2") {
		for n := h.NextSibling; n != nil; n = n.NextSibling {
			if n.Type != html.ElementNode {
				continue
			}
			if n.Data == "h2" {
				break
			}
			blocks[textOf(h)] = append(blocks[textOf(h)], n)
		}
	}
	for _, st := range shopPolicy().Statements {
		bs := blocks[st.Heading]
		if len(bs) < st.Paragraph || textOf(bs[st.Paragraph-1]) == "" {
			t.Errorf("statement %v: the page has no block %d under %q", st.Item, st.Paragraph, st.Heading)
		}
	}
	if m := privacy.CheckInformation(shopPolicy()).Missing(); len(m) > 0 {
		t.Errorf("GDPR Art. 13 items missing: %v", m)
	}
	for _, want := range []string{"Datatilsynet", "privacy@nordlys.example", "bogføringsloven § 10", "Global Privacy Control"} {
		if !strings.Contains(mustText(t, p, "privacy-policy"), want) {
			t.Errorf("privacy page lacks %q", want)
		}
	}
}

// TestConcurrentCheckoutsNumberWithoutGaps: orders placed at once take
// the numbers 1..n of the invoice sequence, each once, none skipped
// (momsbekendtgørelsen § 58(1)(2): one unbroken sequence).
func TestConcurrentCheckoutsNumberWithoutGaps(t *testing.T) {
	ts := newTestShop(t)
	const n = 12
	shoppers := make([]*shopper, n)
	for i := range shoppers {
		shoppers[i] = ts.shopper(t)
		shoppers[i].get("/da/")
	}
	got := make(chan string, n)
	var wg sync.WaitGroup
	for _, sh := range shoppers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			form := consumerOrder("MUG-BLUE", "1")
			form.Set("csrf", ts.shop.csrf(sh.cookie(cookieSession)))
			req, _ := http.NewRequest(http.MethodPost, ts.URL+"/da/checkout", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			res, err := sh.c.Do(req)
			if err != nil {
				got <- "error: " + err.Error()
				return
			}
			res.Body.Close()
			got <- res.Header.Get("Location")
		}()
	}
	wg.Wait()
	close(got)
	seen := map[string]bool{}
	for loc := range got {
		seen[loc] = true
	}
	for i := 1; i <= n; i++ {
		if loc := fmt.Sprintf("/da/order/NW-%06d", i); !seen[loc] {
			t.Errorf("order %s missing; got %v", loc, seen)
		}
	}
}
