package store_test

import (
	"context"
	"sync"
	"testing"

	"ketnoi/internal/event"
	"ketnoi/internal/store"
)

// TestExportJobsClaimedOnce: many workers claim at once; each job goes to
// exactly one of them.
func TestExportJobsClaimedOnce(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ev, regs := checkinEvent(t, db, event.CatVisitor)
		for i := 0; i < 20; i++ {
			ckMust(t, db.CreateExportJob(ctx, &store.ExportJob{EventID: ev, PersonID: regs[0].PersonID, Kind: "registrations"}))
		}
		var mu sync.Mutex
		got := map[int64]int{}
		var wg sync.WaitGroup
		for w := 0; w < 6; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					j, ok, err := db.ClaimExportJob(ctx)
					if err != nil {
						t.Error(err)
						return
					}
					if !ok {
						return
					}
					mu.Lock()
					got[j.ID]++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if len(got) != 20 {
			t.Fatalf("%d jobs claimed, want 20", len(got))
		}
		for id, n := range got {
			if n != 1 {
				t.Fatalf("job %d claimed %d times", id, n)
			}
		}
	})
}
