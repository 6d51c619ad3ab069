// Command webshop is a small Danish webshop built on pimkit: product pages
// with consumer prices incl. VAT and schema.org JSON-LD, a consent banner
// backed by the consent ledger, checkout with invoice and right of
// withdrawal, a "your data" page, and an admin page with the month's SLA
// report and the shop's obligations calendar. It stores its state in
// SQLite (default) or PostgreSQL.
//
//	go run ./examples/webshop                        # from the repository root: http://127.0.0.1:8080, ./webshop.db
//	go run . -addr 127.0.0.1:0 -db /tmp/shop.db      # in examples/webshop: any free port
//	go run . -pg 'postgres://user@127.0.0.1/shop'    # PostgreSQL
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (loopback by default)")
	dbPath := flag.String("db", "webshop.db", "SQLite database file")
	pg := flag.String("pg", "", "PostgreSQL DSN (instead of SQLite)")
	keyFile := flag.String("key", "webshop.key", "file with the shop's secret key (64 hex digits); created when missing")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(*addr, *dbPath, *pg, *keyFile, log); err != nil {
		fmt.Fprintln(os.Stderr, "webshop:", err)
		os.Exit(1)
	}
}

func run(addr, dbPath, pg, keyFile string, log *slog.Logger) error {
	var st *store
	var err error
	if pg != "" {
		st, err = openPostgres(pg)
	} else {
		st, err = openSQLite(dbPath)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	key, err := loadKey(keyFile)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String()
	s, err := newServer(config{Store: st, Key: key, Base: base, Logger: log})
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("webshop: listening on %s/ (Danish %s/da/, English %s/en/)\n", base, base, base)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// loadKey reads the shop's key, or creates it (mode 0600) when the file
// does not exist. The key signs CSRF tokens and hashes subjects in
// receipts and exports.
func loadKey(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		k := make([]byte, 32)
		if _, err := rand.Read(k); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, []byte(hex.EncodeToString(k)+"\n"), 0o600); err != nil {
			return nil, err
		}
		return k, nil
	}
	if err != nil {
		return nil, err
	}
	k, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(k) != 32 {
		return nil, errors.New("the key file must hold 64 hex digits")
	}
	return k, nil
}
