package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/meeting"
	"ketnoi/internal/schedule"
	"ketnoi/internal/store"
)

// TestSchedulerRuns: a run is kept as it was summed up and read back by
// its event only; an event keeps its last 20 runs, the older ones go.
func TestSchedulerRuns(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, _ := mustFair(t, db)
		at := time.Date(2027, 3, 10, 3, 5, 0, 0, time.UTC)
		first := meeting.Run{EventID: e.ID, At: at, Scheduled: 480, Moved: 3, Unplaced: 1, Kept: 20,
			Objective: schedule.Objective{Weight: 503, Idle: 41, Breaks: 17}, Took: 1520 * time.Millisecond, Left: []int64{7, 3, 11}}
		mustDo(t, db.SaveSchedulerRun(ctx, &first))
		got, err := db.SchedulerRun(ctx, e.ID, first.ID)
		if err != nil || !got.At.Equal(at) || got.Scheduled != 480 || got.Moved != 3 || got.Unplaced != 1 || got.Kept != 20 ||
			got.Objective != first.Objective || got.Took != first.Took || !slices.Equal(got.Left, []int64{7, 3, 11}) {
			t.Fatalf("run read back as %+v, %v; saved %+v", got, err, first)
		}
		if _, err := db.SchedulerRun(ctx, e.ID+1, first.ID); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("another event's run: %v, want not found", err)
		}
		last := first
		for i := 0; i < 20; i++ {
			last = meeting.Run{EventID: e.ID, At: at.Add(time.Duration(i+1) * time.Minute), Left: []int64{}}
			mustDo(t, db.SaveSchedulerRun(ctx, &last))
		}
		if _, err := db.SchedulerRun(ctx, e.ID, first.ID); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("the 21st run back is still kept: %v", err)
		}
		if got, err := db.SchedulerRun(ctx, e.ID, first.ID+1); err != nil || len(got.Left) != 0 {
			t.Errorf("the 20th run back: %+v, %v; want it kept", got, err)
		}
		if _, err := db.SchedulerRun(ctx, e.ID, last.ID); err != nil {
			t.Errorf("the last run: %v", err)
		}
	})
}
