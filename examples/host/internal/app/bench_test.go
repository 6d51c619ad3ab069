package app_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/examples/host/internal/app"
	"github.com/pimkit/pimkit/examples/host/internal/storetest"
)

// BenchmarkBillMonth bills one month of 100 monthly subscriptions on a
// fresh SQLite file: 100 renewals, 200 invoices and the collection pass,
// each unit its own transaction (synchronous=FULL, so fsync-bound).
func BenchmarkBillMonth(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		db := storetest.SQLite(b)
		a, err := app.New(db, func() time.Time { return clock }, io.Discard, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		if err := a.Init(context.Background()); err != nil {
			b.Fatal(err)
		}
		for i := range 100 {
			id := fmt.Sprintf("C%03d", i)
			if err := a.Subscribe(context.Background(), customer(id), "sub-"+id, "basic-monthly", contract.MustDate(2025, 12, 31)); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		if _, err := a.Bill(context.Background(), "2026-01"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportProducts imports 1,000 new products from CSV into a fresh
// SQLite file, one transaction each.
func BenchmarkImportProducts(b *testing.B) {
	var csv strings.Builder
	csv.WriteString("sku,status,version,title-da_DK,price-DKK\n")
	for i := range 1000 {
		fmt.Fprintf(&csv, "SKU-%04d,draft,0,Vare %d,%d.50\n", i, i, 100+i)
	}
	for b.Loop() {
		b.StopTimer()
		db := storetest.SQLite(b)
		a, err := app.New(db, func() time.Time { return clock }, io.Discard, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := a.ImportProducts(context.Background(), strings.NewReader(csv.String()), catalog.CSVOptions{})
		if err != nil || res.Created != 1000 {
			b.Fatalf("import: %+v, %v", res, err)
		}
	}
}
