package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/net/html"
)

// testNow is the shop's clock in the tests: Monday 2026-06-22, 10:00 in
// Copenhagen.
var testNow = time.Date(2026, 6, 22, 10, 0, 0, 0, contract.Copenhagen())

// clock is a settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// lockedBuffer collects the shop's log.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// testShop is a running shop on a loopback port with its store, clock
// and log.
type testShop struct {
	*httptest.Server
	shop  *server
	st    *store
	clock *clock
	logs  *lockedBuffer
}

// openTestStore opens a fresh store: SQLite in a temporary directory, or,
// when PIMKIT_TEST_PG_DSN is set, a fresh schema in that PostgreSQL
// database.
func openTestStore(t testing.TB) *store {
	t.Helper()
	dsn := os.Getenv("PIMKIT_TEST_PG_DSN")
	if dsn == "" {
		st, err := openSQLite(filepath.Join(t.TempDir(), "shop.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	st, err := openPostgres(u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		st.Close()
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	})
	return st
}

func newTestShop(t testing.TB) *testShop {
	t.Helper()
	st := openTestStore(t)
	c := &clock{t: testNow}
	logs := &lockedBuffer{}
	ts := &testShop{st: st, clock: c, logs: logs}
	ts.Server = httptest.NewUnstartedServer(nil)
	s, err := newServer(config{Store: st, Key: bytes.Repeat([]byte{7}, 32), Now: c.Now,
		Base: "http://" + ts.Listener.Addr().String(), Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts.shop = s
	ts.Config.Handler = s
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

// shopper is a browser without JavaScript: a cookie jar that does not
// follow redirects by itself.
type shopper struct {
	t    testing.TB
	ts   *testShop
	c    *http.Client
	jar  *cookiejar.Jar
	gpc  bool
	last *http.Response
}

func (ts *testShop) shopper(t testing.TB) *shopper {
	jar, _ := cookiejar.New(nil)
	return &shopper{t: t, ts: ts, jar: jar, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// page is a fetched page: status, headers, body and the parsed tree.
type page struct {
	path   string
	status int
	header http.Header
	body   string
	doc    *html.Node
}

func (p *shopper) do(method, path string, form url.Values) page {
	p.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(context.Background(), method, p.ts.URL+path, body)
	if err != nil {
		p.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if p.gpc {
		req.Header.Set("Sec-GPC", "1")
	}
	res, err := p.c.Do(req)
	if err != nil {
		p.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	p.last = res
	pg := page{path: path, status: res.StatusCode, header: res.Header, body: string(b)}
	if strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		if pg.doc, err = html.Parse(bytes.NewReader(b)); err != nil {
			p.t.Fatalf("%s: %v", path, err)
		}
	}
	return pg
}

func (p *shopper) get(path string) page { p.t.Helper(); return p.do(http.MethodGet, path, nil) }

// post submits a form with the page's CSRF token.
func (p *shopper) post(path string, form url.Values) page {
	p.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if form.Get("csrf") == "" {
		form.Set("csrf", p.csrf())
	}
	return p.do(http.MethodPost, path, form)
}

// csrf returns the token of the shopper's session (visiting a page first
// when there is no session yet).
func (p *shopper) csrf() string {
	p.t.Helper()
	if p.cookie(cookieSession) == "" {
		p.get("/da/")
	}
	return p.ts.shop.csrf(p.cookie(cookieSession))
}

// cookie returns the value of the cookie name in the jar, "" if none.
func (p *shopper) cookie(name string) string {
	u, _ := url.Parse(p.ts.URL)
	for _, c := range p.jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

// find returns the first element with id, or nil.
func find(n *html.Node, id string) *html.Node {
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && attr(n, "id") == id {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, id); f != nil {
			return f
		}
	}
	return nil
}

// all returns every element named tag under n.
func all(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text content of n, whitespace collapsed.
func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			b.WriteString(" ") // cells and blocks are separate words
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// mustText returns the text of the element with id on the page, failing
// the test with the page and the element when it is missing.
func mustText(t testing.TB, p page, id string) string {
	t.Helper()
	n := find(p.doc, id)
	if n == nil {
		t.Fatalf("page %s: element #%s missing", p.path, id)
	}
	return textOf(n)
}
