package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/pimkit/pimkit/examples/host/internal/store"
)

// A SQLite path is a file name, never a DSN: nothing in it may change the
// connection's settings (foreign keys, durability), and the file opened is
// the one named.
func TestOpenSQLitePathIsAFileName(t *testing.T) {
	for _, row := range []struct {
		name, file string
		refused    bool
	}{
		{"a query string would open another file with foreign keys off", "a?x.db", true},
		{"a pragma in the path would turn durability off", "x.db?_pragma=synchronous(OFF)", true},
		{"percent signs, spaces and URI characters are part of the name", "my db%41 &=;+,'#x.db", false},
		{"a plain name", "pimkit.db", false},
	} {
		t.Run(row.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			db, err := store.OpenSQLite(row.file)
			if row.refused {
				if !errors.Is(err, store.ErrSQLitePath) {
					t.Fatalf("OpenSQLite(%q) = %v, want ErrSQLitePath", row.file, err)
				}
				if err.Error() != store.ErrSQLitePath.Error() {
					t.Errorf("the error repeats the path: %v", err)
				}
				if ents, _ := os.ReadDir(dir); len(ents) != 0 {
					t.Errorf("a refused path created %v", ents)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			want, _ := filepath.Abs(row.file)
			if db.Where() != want {
				t.Errorf("Where() = %q, want %q", db.Where(), want)
			}
			ctx := context.Background()
			if _, err := db.Exec(ctx, `CREATE TABLE t (x TEXT)`); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(want); err != nil {
				t.Errorf("the file named was not created: %v", err)
			}
			for pragma, want := range map[string]string{"foreign_keys": "1", "synchronous": "2", "journal_mode": "wal"} {
				var got string
				if err := db.QueryRow(ctx, `PRAGMA `+pragma).Scan(&got); err != nil || got != want {
					t.Errorf("PRAGMA %s = %q, %v, want %q", pragma, got, err, want)
				}
			}
		})
	}
}
