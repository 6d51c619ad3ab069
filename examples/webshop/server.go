package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"golang.org/x/text/language"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// server is the webshop: its state lives in the store, its rules in pimkit.
type server struct {
	st        *store
	cat       *catalogData
	policy    privacy.Policy
	inventory privacy.CookieInventory
	agreement contract.Agreement
	rules     privacy.ConsentRules
	key       []byte           // signs CSRF tokens and hashes subjects in receipts and exports
	now       func() time.Time // the shop's clock; tests set it
	base      string           // the shop's public address, for JSON-LD links
	log       *slog.Logger     // never given personal data
	pages     map[string]*template.Template
	mux       *http.ServeMux
}

// config is what main (or a test) gives newServer.
type config struct {
	Store  *store
	Key    []byte
	Now    func() time.Time
	Base   string
	Logger *slog.Logger
}

func newServer(cfg config) (*server, error) {
	cat, err := newCatalog()
	if err != nil {
		return nil, err
	}
	s := &server{st: cfg.Store, cat: cat, policy: shopPolicy(), inventory: shopCookies(),
		key: cfg.Key, now: cfg.Now, base: cfg.Base, log: cfg.Logger,
		rules: privacy.ConsentRules{MaxAge: contract.Months(12)}}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if len(s.key) < 32 {
		return nil, errors.New("webshop: the key must have at least 32 bytes")
	}
	if err := s.inventory.Validate(); err != nil {
		return nil, err
	}
	if err := s.inventory.CheckPolicy(s.policy); err != nil {
		return nil, err
	}
	if err := s.policy.Validate(privacy.DefaultTaxonomy()); err != nil {
		return nil, err
	}
	// The privacy page gives every item GDPR Art. 13 requires.
	if missing := privacy.CheckInformation(s.policy).Missing(); len(missing) > 0 {
		return nil, fmt.Errorf("webshop: the privacy policy lacks %v (GDPR Art. 13)", missing)
	}
	s.agreement, err = contract.Conclude(contract.AgreementSpec{Kind: contract.SelfServe, Customer: seller,
		Concluded: contract.MustDate(2026, 1, 30), Terms: contract.OpenDIMSTerms()})
	if err != nil {
		return nil, err
	}
	if err := s.parseTemplates(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

func (s *server) parseTemplates() error {
	funcs := template.FuncMap{
		"t": func(lang, key string) string { return tr(lang, key) },
	}
	s.pages = map[string]*template.Template{}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return err
	}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return err
		}
		s.pages[base] = t
	}
	return nil
}

func (s *server) routes() {
	m := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	m.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	m.HandleFunc("GET /{$}", s.root)
	for _, lang := range []string{"da", "en"} {
		p := "/" + lang
		m.HandleFunc("GET "+p+"/{$}", s.page(lang, s.list))
		m.HandleFunc("GET "+p+"/p/{id}", s.page(lang, s.productPage))
		m.HandleFunc("POST "+p+"/consent", s.page(lang, s.consent))
		m.HandleFunc("POST "+p+"/checkout", s.page(lang, s.checkout))
		m.HandleFunc("GET "+p+"/order/{number}", s.page(lang, s.orderPage))
		m.HandleFunc("POST "+p+"/order/{number}/withdraw", s.page(lang, s.withdraw))
		m.HandleFunc("GET "+p+"/order/{number}/invoice", s.page(lang, s.invoicePage))
		m.HandleFunc("GET "+p+"/order/{number}/invoice.xml", s.page(lang, s.peppolInvoice))
		m.HandleFunc("GET "+p+"/your-data", s.page(lang, s.yourData))
		m.HandleFunc("GET "+p+"/your-data/export", s.page(lang, s.export))
		m.HandleFunc("GET "+p+"/your-data/receipt", s.page(lang, s.receipt))
		m.HandleFunc("POST "+p+"/your-data/erase", s.page(lang, s.erase))
		m.HandleFunc("GET "+p+"/admin", s.page(lang, s.admin))
		m.HandleFunc("GET "+p+"/privacy", s.page(lang, s.privacyPage))
	}
	m.HandleFunc("/", s.notFound)
	s.mux = m
}

// ServeHTTP logs each request by its route pattern and status: never its
// path, query, form, cookies or address, which may identify a shopper.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	rec.Header().Set("X-Content-Type-Options", "nosniff")
	rec.Header().Set("Referrer-Policy", "same-origin")
	s.mux.ServeHTTP(rec, r)
	pattern := r.Pattern
	if pattern == "" {
		pattern = "(none)"
	}
	s.log.Info("request", "route", pattern, "status", rec.status, "ms", time.Since(start).Milliseconds())
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// root sends the shopper to the Danish or English shop by Accept-Language.
func (s *server) root(w http.ResponseWriter, r *http.Request) {
	lang := "da"
	tags, _, _ := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if len(tags) > 0 {
		if base, _ := tags[0].Base(); base.String() == "en" {
			lang = "en"
		}
	}
	http.Redirect(w, r, "/"+lang+"/", http.StatusSeeOther)
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	lang := "da"
	if strings.HasPrefix(r.URL.Path, "/en/") {
		lang = "en"
	}
	sess, err := s.session(w, r, lang)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	sess.fail(http.StatusNotFound, "err_not_found")
}

// session is one request of one shopper: the language, the pseudonymous
// session ID that the consent ledger keys the shopper by, and the
// shopper's consent ledger.
type session struct {
	s      *server
	w      http.ResponseWriter
	r      *http.Request
	lang   string
	tag    language.Tag
	locale contract.Locale
	sid    string
	isNew  bool
	now    time.Time
	gpc    privacy.GPC
	ledger privacy.Ledger
}

// handler is a page handler; an error it returns is a server error.
type handler func(*session) error

// page wraps a handler with the session: the page's language, the
// session cookie, CSRF on every POST, and the Global Privacy Control
// signal recorded as an objection.
func (s *server) page(lang string, h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, err := s.session(w, r, lang)
		if err != nil {
			s.log.Error("session", "err", err.Error())
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
			if err := r.ParseForm(); err != nil {
				sess.fail(http.StatusBadRequest, "err_form")
				return
			}
			if sess.isNew || !hmac.Equal([]byte(r.PostForm.Get("csrf")), []byte(s.csrf(sess.sid))) {
				sess.fail(http.StatusForbidden, "err_csrf")
				return
			}
		}
		if err := sess.recordGPC(); err != nil {
			s.log.Error("gpc", "err", err.Error())
			sess.fail(http.StatusInternalServerError, "err_internal")
			return
		}
		if err := h(sess); err != nil {
			s.log.Error("handler", "route", r.Pattern, "err", err.Error())
			sess.fail(http.StatusInternalServerError, "err_internal")
		}
	}
}

func (s *server) session(w http.ResponseWriter, r *http.Request, lang string) (*session, error) {
	sess := &session{s: s, w: w, r: r, lang: lang, now: s.now().UTC()}
	sess.tag, sess.locale = language.Danish, danish
	if lang == "en" {
		sess.tag, sess.locale = language.BritishEnglish, english
	}
	if c, err := r.Cookie(cookieSession); err == nil && validSID(c.Value) {
		sess.sid = c.Value
	} else {
		var b [16]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, err
		}
		sess.sid = hex.EncodeToString(b[:])
		sess.isNew = true
		http.SetCookie(w, &http.Cookie{Name: cookieSession, Value: sess.sid, Path: "/", HttpOnly: true,
			SameSite: http.SameSiteLaxMode})
	}
	sess.gpc = privacy.ParseGPC(r.Header.Get("Sec-GPC"), r.Header.Get("Sec-GPC") != "")
	return sess, sess.loadLedger(r.Context())
}

func validSID(v string) bool {
	if len(v) != 32 {
		return false
	}
	_, err := hex.DecodeString(v)
	return err == nil
}

// csrf is the session's CSRF token: an HMAC of the session ID under the
// shop's key, so it cannot be made without the key and is bound to the
// session cookie (which is SameSite=Lax and HttpOnly).
func (s *server) csrf(sid string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("csrf\x00" + sid))
	return hex.EncodeToString(m.Sum(nil))
}

func (sess *session) loadLedger(ctx context.Context) error {
	bodies, err := sess.s.st.consent(ctx, sess.sid)
	if err != nil {
		return err
	}
	events := make([]privacy.ConsentEvent, 0, len(bodies))
	for _, b := range bodies {
		var e privacy.ConsentEvent
		if err := json.Unmarshal(b, &e); err != nil {
			return err
		}
		events = append(events, e)
	}
	l, err := privacy.NewLedger(events...)
	if err != nil {
		return err
	}
	sess.ledger = l
	return nil
}

// record appends events to the shopper's ledger and stores them; the
// ledger checks them first, so nothing invalid is stored.
func (sess *session) record(events ...privacy.ConsentEvent) error {
	if len(events) == 0 {
		return nil
	}
	l, err := sess.ledger.Append(events...)
	if err != nil {
		return err
	}
	bodies := make([][]byte, len(events))
	for i, e := range events {
		if bodies[i], err = json.Marshal(e); err != nil {
			return err
		}
	}
	if err := sess.s.st.addConsent(sess.r.Context(), sess.sid, bodies); err != nil {
		return err
	}
	sess.ledger = l
	return nil
}

// recordGPC records a Sec-GPC: 1 request header as an objection to
// targeted advertising and sharing (privacy.GPCEvents), once: not again
// while the last signal's objection is the state in force, nor while the
// ledger already ignores the signal for an explicit opt-in given after
// it. Whether the signal outranks the consent in force is the ledger's
// to decide (GDPR Art. 21(5)): the shop records what the browser sent.
func (sess *session) recordGPC() error {
	if sess.gpc != privacy.GPCOptOut {
		return nil
	}
	st := sess.ledger.State(sess.sid, privacy.UseTargetedAds, sess.now)
	if st.Status == privacy.ObjectedStatus && st.Method == privacy.MethodSignal || st.SignalIgnored {
		return nil
	}
	return sess.record(privacy.GPCEvents(sess.sid, sess.now, sess.gpc)...)
}

// decided reports whether the shopper has answered the banner.
func (sess *session) decided() bool {
	for e := range sess.ledger.All() {
		if e.Method == privacy.MethodBanner {
			return true
		}
	}
	return false
}

// cookies sets exactly the cookies of the inventory that the consent
// state allows now, and deletes the non-essential ones it does not allow.
// It returns the decisions.
func (sess *session) cookies() []privacy.CookieDecision {
	ds := sess.ledger.Cookies(sess.s.inventory, sess.sid, sess.now, sess.s.rules, privacy.Child{})
	for _, d := range ds {
		c := d.Cookie
		if c.Name == cookieSession {
			continue // set by session(); pimkit allows it as strictly necessary
		}
		_, err := sess.r.Cookie(c.Name)
		present := err == nil
		switch {
		case d.Decision.Allowed && !present:
			http.SetCookie(sess.w, &http.Cookie{Name: c.Name, Value: sess.pseudonym(c.Name), Path: "/",
				MaxAge: int(time.Duration(c.Lifetime).Seconds()), HttpOnly: true, SameSite: http.SameSiteLaxMode})
		case !d.Decision.Allowed && present:
			http.SetCookie(sess.w, &http.Cookie{Name: c.Name, Value: "", Path: "/", MaxAge: -1})
		}
	}
	return ds
}

// pseudonym is the value of a consented cookie: derived from the session,
// so statistics count a visitor without a second identifier to erase.
func (sess *session) pseudonym(name string) string {
	m := hmac.New(sha256.New, sess.s.key)
	m.Write([]byte(name + "\x00" + sess.sid))
	return hex.EncodeToString(m.Sum(nil))[:24]
}

// consentMode returns the Consent Mode v2 flags for the shopper now.
func (sess *session) consentMode() privacy.ConsentMode {
	return sess.ledger.ConsentMode(privacy.DefaultConsentModeMapping(), sess.sid, sess.now, sess.s.rules, privacy.Child{})
}

// granted reports whether use is consented now.
func (sess *session) granted(use privacy.DataUse) bool {
	return sess.ledger.Valid(sess.sid, use, sess.now, sess.s.rules, privacy.Child{}).Allowed
}

// view is what every page template gets.
type view struct {
	Lang        string
	Other       string // the other language
	Path        string // the path without the language, for the language switch
	Title       string
	CSRF        string
	Banner      bool
	GPC         bool
	Analytics   bool
	Marketing   bool
	BannerText  string
	ModeDefault template.JS // Consent Mode v2 flags as the JSON gtag takes
	ModeUpdate  template.JS // "" before any choice or signal
	Data        any
}

// modeJS is m as the JSON object gtag('consent', ...) takes.
func modeJS(m privacy.ConsentMode) template.JS {
	b, err := json.Marshal(m)
	if err != nil {
		return "{}"
	}
	return template.JS(strings.ReplaceAll(string(b), "<", `\u003c`))
}

// render writes a page: first the cookies the consent state allows, then
// the HTML, buffered so that a template error is a clean error page.
func (sess *session) render(status int, name, title string, data any) {
	sess.cookies()
	v := view{Lang: sess.lang, Other: map[string]string{"da": "en", "en": "da"}[sess.lang],
		Path: strings.TrimPrefix(sess.r.URL.Path, "/"+sess.lang), Title: title, CSRF: sess.s.csrf(sess.sid),
		Banner: !sess.decided(), GPC: sess.gpc == privacy.GPCOptOut, BannerText: bannerText[sess.lang],
		Analytics: sess.granted(privacy.UseAnalytics), Marketing: sess.granted(privacy.UseTargetedAds),
		ModeDefault: modeJS(privacy.DefaultConsentModeMapping().Derive(nil)), Data: data}
	if sess.decided() || v.GPC {
		v.ModeUpdate = modeJS(sess.consentMode())
	}
	var b bytes.Buffer
	if err := sess.s.pages[name].Execute(&b, v); err != nil {
		sess.s.log.Error("template", "page", name, "err", err.Error())
		http.Error(sess.w, "internal error", http.StatusInternalServerError)
		return
	}
	sess.w.Header().Set("Content-Type", "text/html; charset=utf-8")
	sess.w.Header().Set("Cache-Control", "no-store")
	sess.w.WriteHeader(status)
	sess.w.Write(b.Bytes())
}

// fail renders the readable error page with a message by key; the
// message never repeats what was sent.
func (sess *session) fail(status int, key string, details ...string) {
	sess.render(status, "error", tr(sess.lang, "error"), struct {
		Status  int
		Message string
		Details []string
	}{status, tr(sess.lang, key), details})
}

func (sess *session) redirect(path string) {
	sess.cookies()
	http.Redirect(sess.w, sess.r, "/"+sess.lang+path, http.StatusSeeOther)
}
