package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/examples/host/internal/storetest"
)

// Six programs migrating one new database at once ("host init" on every
// node of a deployment) all succeed, and each migration is applied once.
func TestConcurrentMigrationsTakeTurns(t *testing.T) {
	const programs = 6
	for trial := range 3 {
		storetest.EachUnmigrated(t, func(t *testing.T, open func() *store.DB) {
			dbs := make([]*store.DB, programs)
			for i := range dbs {
				dbs[i] = open()
			}
			var wg sync.WaitGroup
			errs := make([]error, programs)
			fresh := make([]int, programs)
			start := make(chan struct{})
			for i, db := range dbs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					applied, err := db.Migrate(context.Background(), storetest.Epoch)
					errs[i] = err
					for _, a := range applied {
						if a.New {
							fresh[i]++
						}
					}
				}()
			}
			close(start)
			wg.Wait()
			total := 0
			for i, err := range errs {
				if err != nil {
					t.Errorf("trial %d: program %d: %v", trial, i, err)
				}
				total += fresh[i]
			}
			if total != int(store.LatestVersion()) {
				t.Errorf("trial %d: %d migrations applied in all, want each of %d once", trial, total, store.LatestVersion())
			}
		})
	}
}
