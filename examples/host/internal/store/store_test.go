package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/examples/host/internal/storetest"
)

var cph, _ = time.LoadLocation("Europe/Copenhagen")

func TestMigrateIsIdempotentAndRecorded(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		again, err := db.Migrate(ctx, storetest.Epoch.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != int(store.LatestVersion()) {
			t.Fatalf("Migrate listed %d migrations, want %d", len(again), store.LatestVersion())
		}
		for _, a := range again {
			if a.New {
				t.Errorf("second Migrate applied version %d again", a.Version)
			}
			if !a.At.Equal(storetest.Epoch) {
				t.Errorf("version %d applied at %v, want %v (the first run)", a.Version, a.At, storetest.Epoch)
			}
		}
		v, err := db.SchemaVersion(ctx)
		if err != nil || v != store.LatestVersion() {
			t.Errorf("SchemaVersion() = %d, %v, want %d", v, err, store.LatestVersion())
		}
	})
}

func TestMigrateRefusesChangedOrNewerSchema(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.Exec(ctx, `UPDATE schema_migrations SET checksum = ? WHERE version = 1`, "edited"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Migrate(ctx, storetest.Epoch); !errors.Is(err, store.ErrMigrationChanged) {
			t.Errorf("Migrate after a migration changed = %v, want ErrMigrationChanged", err)
		}
		if _, err := db.Exec(ctx, `INSERT INTO schema_migrations VALUES (?, ?, ?, ?)`,
			store.LatestVersion()+1, "from the future", "x", store.InstantUTC(storetest.Epoch)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Migrate(ctx, storetest.Epoch); !errors.Is(err, store.ErrSchemaTooNew) {
			t.Errorf("Migrate of a newer schema = %v, want ErrSchemaTooNew", err)
		}
	})
}

func product(id, title string, at time.Time) store.Record {
	body, _ := json.Marshal(map[string]string{"sku": id, "title": title})
	return store.Record{Kind: "product", ID: id, Schema: "product@1", Body: body, UpdatedAt: at}
}

func TestRecordsOptimisticConcurrency(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		recs := db.Records()
		at := time.Date(2026, 1, 5, 9, 0, 0, 0, cph)
		created, err := recs.Create(ctx, product("SKU-1", "Chair", at))
		if err != nil {
			t.Fatal(err)
		}
		if created.Version != 1 {
			t.Errorf("Create: version %d, want 1", created.Version)
		}
		got, err := recs.Get(ctx, "product", "SKU-1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(created, got, exact); diff != "" {
			t.Errorf("Get after Create (-want +got):\n%s", diff)
		}

		// Alice and Bob both read version 1; Alice writes first.
		alice := product("SKU-1", "Armchair", at.Add(time.Minute))
		alice.Version = 1
		bob := product("SKU-1", "Stool", at.Add(2*time.Minute))
		bob.Version = 1
		v2, err := recs.Update(ctx, alice)
		if err != nil || v2.Version != 2 {
			t.Fatalf("Update(alice) = version %d, %v, want 2, nil", v2.Version, err)
		}
		_, err = recs.Update(ctx, bob)
		var ce *store.ConflictError
		if !errors.As(err, &ce) || !errors.Is(err, store.ErrConflict) {
			t.Fatalf("Update(bob, stale) = %v, want a ConflictError", err)
		}
		if want := (store.ConflictError{Kind: "product", ID: "SKU-1", Want: 1, Have: 2}); *ce != want {
			t.Errorf("conflict = %+v, want %+v", *ce, want)
		}
		if want := `store: conflict: product "SKU-1" changed: wrote against version 1, current is 2`; err.Error() != want {
			t.Errorf("conflict message = %q, want %q", err, want)
		}
		got, _ = recs.Get(ctx, "product", "SKU-1")
		if diff := cmp.Diff(v2, got, exact); diff != "" {
			t.Errorf("the stale write changed the record (-want +got):\n%s", diff)
		}

		_, err = recs.Create(ctx, product("SKU-1", "Duplicate", at))
		if !errors.As(err, &ce) || ce.Want != 0 || ce.Have != 2 {
			t.Errorf("Create of an existing record = %v, want a conflict at version 2", err)
		}
		if _, err := recs.Get(ctx, "product", "SKU-404"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Get of a missing record = %v, want ErrNotFound", err)
		}
		hist, err := recs.History(ctx, "product", "SKU-1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]store.Record{created, v2}, hist, exact); diff != "" {
			t.Errorf("History (-want +got):\n%s", diff)
		}
	})
}

func TestRecordsConcurrentWritersOneWins(t *testing.T) {
	const writers = 8
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		recs := db.Records()
		at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
		if _, err := recs.Create(ctx, product("SKU-9", "Table", at)); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make([]error, writers)
		start := make(chan struct{})
		for i := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := product("SKU-9", fmt.Sprintf("Table by writer %d", i), at)
				r.Version = 1 // every writer read version 1
				<-start
				_, errs[i] = recs.Update(ctx, r)
			}()
		}
		close(start)
		wg.Wait()
		won, lost := 0, 0
		for i, err := range errs {
			switch {
			case err == nil:
				won++
			case errors.Is(err, store.ErrConflict):
				lost++
			default:
				t.Errorf("writer %d: %v", i, err)
			}
		}
		if won != 1 || lost != writers-1 {
			t.Errorf("%d writers of version 1: %d won, %d got a conflict; want 1 and %d", writers, won, lost, writers-1)
		}
		got, _ := recs.Get(ctx, "product", "SKU-9")
		if got.Version != 2 {
			t.Errorf("version after the race = %d, want 2", got.Version)
		}
	})
}

func TestOnceRunsEachKeyOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		at := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
		runs := 0
		work := func(tx *store.Tx) (string, error) {
			runs++
			_, err := store.CreateRecord(ctx, tx, product(fmt.Sprintf("SKU-%d", runs), "x", at))
			return fmt.Sprintf("run %d", runs), err
		}
		// A failing unit of work records nothing, so it runs again.
		_, _, err := db.Once(ctx, "test", "k1", at, func(tx *store.Tx) (string, error) {
			if _, err := store.CreateRecord(ctx, tx, product("SKU-FAIL", "x", at)); err != nil {
				return "", err
			}
			return "", errors.New("killed half-way")
		})
		if err == nil {
			t.Fatal("Once with a failing unit of work succeeded")
		}
		if _, err := db.Records().Get(ctx, "product", "SKU-FAIL"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the failed unit of work left its record behind: %v", err)
		}
		for i, want := range []struct {
			result string
			done   bool
		}{{"run 1", false}, {"run 1", true}, {"run 1", true}} {
			result, done, err := db.Once(ctx, "test", "k1", at, work)
			if err != nil || result != want.result || done != want.done {
				t.Errorf("call %d: Once = %q, %v, %v; want %q, %v, nil", i+1, result, done, err, want.result, want.done)
			}
		}
		if runs != 1 {
			t.Errorf("work ran %d times, want 1", runs)
		}
	})
}

// testKey is the ledger key of these tests.
var testKey = store.LedgerKey([]byte("0123456789abcdef0123456789abcdef"))

func appendN(t *testing.T, db *store.DB, n int) []store.Entry {
	t.Helper()
	var out []store.Entry
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, cph)
	for i := range n {
		e, err := db.Ledgers(testKey).Append(context.Background(), store.Entry{
			Ledger: "consent", Subject: fmt.Sprintf("subject-%d", i%2), Kind: "consent.given",
			At: at.Add(time.Duration(i) * time.Minute), Body: json.RawMessage(fmt.Sprintf(`{"purpose":"newsletter","n":%d}`, i)),
		})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

func TestLedgerChainVerifies(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		entries := appendN(t, db, 5)
		for i, e := range entries {
			if e.Seq != int64(i+1) {
				t.Errorf("entry %d: Seq = %d", i, e.Seq)
			}
			prev := store.GenesisHash
			if i > 0 {
				prev = entries[i-1].Hash
			}
			if e.Prev != prev || e.Hash != store.ComputeHash(e) || e.MAC != testKey.EntryMAC(e) {
				t.Errorf("entry %d does not chain: prev %s hash %s mac %s", e.Seq, e.Prev, e.Hash, e.MAC)
			}
		}
		head := testKey.SignHead("consent", store.Head{Seq: 4, Hash: entries[3].Hash})
		v, err := db.Ledgers(testKey).Verify(ctx, "consent", head, store.Head{Seq: 3, Hash: entries[2].Hash}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := (store.Verified{Ledger: "consent", Entries: 5, Head: store.Head{Seq: 5, Hash: entries[4].Hash}}); v != want {
			t.Errorf("Verify = %+v, want %+v", v, want)
		}
		got, err := db.Ledgers(testKey).Subject(ctx, "consent", "subject-1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]store.Entry{entries[1], entries[3]}, got, exact); diff != "" {
			t.Errorf("Subject (-want +got):\n%s", diff)
		}
		other := store.LedgerKey([]byte("another key of thirty-two bytes!"))
		if _, err := db.Ledgers(other).Verify(ctx, "consent", other.SignHead("consent", store.Head{}), store.Head{}, nil); !errors.Is(err, store.ErrTampered) {
			t.Errorf("Verify under another key = %v, want ErrTampered", err)
		}
		if _, err := db.Ledgers(nil).Append(ctx, store.Entry{Ledger: "consent", Kind: "k", Body: json.RawMessage(`{}`)}); !errors.Is(err, store.ErrNoLedgerKey) {
			t.Errorf("Append without a key = %v, want ErrNoLedgerKey", err)
		}
	})
}

func TestLedgerConcurrentAppendsStayContiguous(t *testing.T) {
	const appenders, each = 6, 5
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var wg sync.WaitGroup
		errs := make(chan error, appenders*each)
		for i := range appenders {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range each {
					_, err := db.Ledgers(testKey).Append(ctx, store.Entry{
						Ledger: "consent", Subject: fmt.Sprintf("s%d", i), Kind: "consent.given",
						At: time.Date(2026, 3, 1, 0, i, j, 0, time.UTC), Body: json.RawMessage(`{}`),
					})
					if err != nil {
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		v, err := db.Ledgers(testKey).Verify(ctx, "consent", testKey.SignHead("consent", store.Head{}), store.Head{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if v.Entries != appenders*each || v.Head.Seq != appenders*each {
			t.Errorf("after %d concurrent appends: %+v", appenders*each, v)
		}
	})
}
