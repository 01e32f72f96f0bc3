package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store"
)

// ict is the fair's zone: the rules read days and clashes in it.
var ict = event.Zone("Asia/Ho_Chi_Minh")

func at(day, hour, min int) time.Time { return time.Date(2027, 3, day, hour, min, 0, 0, ict).UTC() }

// TestSessionPlacementRules: a session must fall on one of the event's
// days in the venue's zone and must not overlap another in its room,
// whether created or moved by an update; a refused write leaves nothing
// behind, and the clash names the session in the way.
func TestSessionPlacementRules(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, _ := mustFair(t, db)
		r1 := &event.Room{EventID: e.ID, Name: i18n.Text{EN: "Room 1"}, Capacity: 100}
		r2 := &event.Room{EventID: e.ID, Name: i18n.Text{EN: "Room 2"}, Capacity: 50}
		for _, r := range []*event.Room{r1, r2} {
			if err := db.CreateRoom(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		sp := &event.Speaker{EventID: e.ID, Name: "Lê Minh", Title: i18n.Text{EN: "Director"}}
		if err := db.CreateSpeaker(ctx, sp); err != nil {
			t.Fatal(err)
		}
		keynote := &event.Session{EventID: e.ID, RoomID: r1.ID, Title: i18n.Text{EN: "Keynote"}, Language: i18n.EN,
			StartsAt: at(10, 9, 0), EndsAt: at(10, 10, 0), Speakers: []event.Speaker{{ID: sp.ID}}}
		if err := db.CreateSession(ctx, keynote); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name       string
			room       int64
			start, end time.Time
			code       apperr.Code
			field      string
		}{
			{"overlapping in the same room", r1.ID, at(10, 9, 30), at(10, 10, 30), apperr.Conflict, "room_id"},
			{"inside another", r1.ID, at(10, 9, 15), at(10, 9, 45), apperr.Conflict, "room_id"},
			{"the day before the event", r2.ID, at(9, 9, 0), at(9, 10, 0), apperr.Invalid, "starts_at"},
			{"the day after the event", r2.ID, at(13, 9, 0), at(13, 10, 0), apperr.Invalid, "starts_at"},
			{"running into the night after the last day", r2.ID, at(12, 23, 0), at(13, 1, 0), apperr.Invalid, "ends_at"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				s := &event.Session{EventID: e.ID, RoomID: c.room, Title: i18n.Text{EN: "Panel"}, Language: i18n.EN, StartsAt: c.start, EndsAt: c.end,
					Speakers: []event.Speaker{{ID: sp.ID}}}
				err := db.CreateSession(ctx, s)
				var ae *apperr.Error
				if !errors.As(err, &ae) || ae.Code != c.code || ae.Fields[c.field] == "" {
					t.Fatalf("got %v, want %s on %s", err, c.code, c.field)
				}
				if c.code == apperr.Conflict {
					var clash *event.ClashError
					if !errors.As(err, &clash) || clash.Other.ID != keynote.ID {
						t.Fatalf("the clash does not name the keynote: %v", err)
					}
				}
			})
		}
		if _, total, _ := db.Sessions(ctx, e.ID, store.SessionFilter{Limit: 10}); total != 1 {
			t.Fatalf("refused sessions were written: %d sessions", total)
		}

		// Back to back in one room, and at the same time in another, is fine.
		next := &event.Session{EventID: e.ID, RoomID: r1.ID, Title: i18n.Text{EN: "Next"}, Language: i18n.VI, StartsAt: at(10, 10, 0), EndsAt: at(10, 11, 0)}
		parallel := &event.Session{EventID: e.ID, RoomID: r2.ID, Title: i18n.Text{EN: "Parallel"}, Language: i18n.KO, StartsAt: at(10, 9, 0), EndsAt: at(10, 10, 0)}
		for _, s := range []*event.Session{next, parallel} {
			if err := db.CreateSession(ctx, s); err != nil {
				t.Fatalf("%s: %v", s.Title.EN, err)
			}
		}
		// Moving the parallel session onto the keynote's room is refused
		// and changes nothing; keeping it where it is, re-saved, is fine.
		moved := *parallel
		moved.RoomID, moved.Title = r1.ID, i18n.Text{EN: "Moved"}
		if err := db.UpdateSession(ctx, &moved); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("move onto the keynote: %v", err)
		}
		if got, _ := db.Session(ctx, e.ID, parallel.ID); got.RoomID != r2.ID || got.Title.EN != "Parallel" {
			t.Fatalf("refused update was written: %+v", got)
		}
		parallel.EndsAt = at(10, 10, 30)
		if err := db.UpdateSession(ctx, parallel); err != nil {
			t.Fatalf("re-save in place: %v", err)
		}
		// A room of another event is not found.
		other := *next
		other.ID, other.RoomID = 0, 9999
		if err := db.CreateSession(ctx, &other); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("foreign room: %v", err)
		}
		// Deleting a session someone saved tells how many had it.
		p := &account.Person{Email: "v@example.vn", Name: "V", Lang: i18n.VI}
		if err := db.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := db.SetInAgenda(ctx, p.ID, e.ID, keynote.ID, true); err != nil {
			t.Fatal(err)
		}
		if n, _ := db.SavedCounts(ctx, e.ID); n[keynote.ID] != 1 {
			t.Fatalf("saved counts %v", n)
		}
		gone, err := db.DeleteSession(ctx, e.ID, keynote.ID)
		if err != nil || gone.Saved != 1 || gone.Session.Title.EN != "Keynote" || gone.ID == 0 {
			t.Fatalf("delete: %+v %v", gone, err)
		}
		if mine, _ := db.Agenda(ctx, p.ID); len(mine) != 0 {
			t.Fatalf("the agenda still holds %d sessions", len(mine))
		}
		if _, err := db.DeleteSession(ctx, e.ID, keynote.ID); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("delete twice: %v", err)
		}
		if _, _, err := db.RestoreSession(ctx, e.ID+99, gone.ID); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("restore from another event: %v", err)
		}
		// Undone, it comes back (under a new id) with its speaker and agenda.
		back, n, err := db.RestoreSession(ctx, e.ID, gone.ID)
		if err != nil || n != 1 || back.ID == 0 {
			t.Fatalf("restore: %+v %d %v", back, n, err)
		}
		if got, err := db.Session(ctx, e.ID, back.ID); err != nil || len(got.Speakers) != 1 || !got.StartsAt.Equal(keynote.StartsAt) || got.Title.EN != "Keynote" {
			t.Fatalf("restored session %+v %v", got, err)
		}
		if mine, _ := db.Agenda(ctx, p.ID); len(mine) != 1 || mine[0].ID != back.ID {
			t.Fatalf("the agenda after the undo: %+v", mine)
		}
		if _, _, err := db.RestoreSession(ctx, e.ID, gone.ID); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("restore twice: %v", err)
		}
		// Deleted again and its time taken meanwhile (SQLite may even give
		// the new session the old id), the undo is the clash.
		again, err := db.DeleteSession(ctx, e.ID, back.ID)
		if err != nil || again.ID == gone.ID {
			t.Fatalf("delete again: %+v %v", again, err)
		}
		if err := db.CreateSession(ctx, &event.Session{EventID: e.ID, RoomID: r1.ID, Title: i18n.Text{EN: "Again"}, Language: i18n.EN,
			StartsAt: at(10, 9, 0), EndsAt: at(10, 10, 0)}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.RestoreSession(ctx, e.ID, again.ID); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("restore onto a taken time: %v", err)
		}
		if sps, err := db.Speakers(ctx, e.ID); err != nil || len(sps) != 1 || sps[0].Title.EN != "Director" {
			t.Fatalf("speakers %+v %v", sps, err)
		}
	})
}

// TestTrackNames: a track is named in three languages and renamed in
// place; sessions read back carry their track's names, and a track the
// event never named is its key in English.
func TestTrackNames(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, _ := mustFair(t, db)
		r := &event.Room{EventID: e.ID, Name: i18n.Text{EN: "Room 1"}}
		if err := db.CreateRoom(ctx, r); err != nil {
			t.Fatal(err)
		}
		for i, track := range []string{"Smart factory", "Unnamed"} {
			s := &event.Session{EventID: e.ID, RoomID: r.ID, Title: i18n.Text{EN: track}, Track: track, Language: i18n.EN,
				StartsAt: at(10, 9+i, 0), EndsAt: at(10, 10+i, 0)}
			if err := db.CreateSession(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		tk := &event.Track{EventID: e.ID, Key: "Smart factory", Name: i18n.Text{VI: "Nhà máy", EN: "Smart factory", KO: "팩토리"}}
		if err := db.SaveTrack(ctx, tk); err != nil {
			t.Fatal(err)
		}
		tk.Name.VI, tk.Name.KO = "Nhà máy thông minh", "스마트 팩토리"
		if err := db.SaveTrack(ctx, tk); err != nil {
			t.Fatalf("rename: %v", err)
		}
		ts, err := db.Tracks(ctx, e.ID)
		if err != nil || len(ts) != 1 || ts[0].Name.KO != "스마트 팩토리" {
			t.Fatalf("tracks %+v %v", ts, err)
		}
		ss, _, err := db.Sessions(ctx, e.ID, store.SessionFilter{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if ss[0].TrackName != tk.Name || ss[1].TrackName != (i18n.Text{EN: "Unnamed"}) {
			t.Fatalf("track names %+v, %+v", ss[0].TrackName, ss[1].TrackName)
		}
		if err := db.SaveTrack(ctx, &event.Track{EventID: e.ID + 99, Key: "X"}); err == nil {
			t.Fatal("a track of no event was saved")
		}
	})
}

// TestConcurrentSessionsInOneRoom: writers racing to put overlapping
// sessions in one room cannot both see it free: one wins, the others get
// the clash (the room's row is locked on PostgreSQL, SQLite takes writers
// in turn).
func TestConcurrentSessionsInOneRoom(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, _ := mustFair(t, db)
		r := &event.Room{EventID: e.ID, Name: i18n.Text{EN: "Room 1"}}
		if err := db.CreateRoom(ctx, r); err != nil {
			t.Fatal(err)
		}
		const writers = 6
		errs := make(chan error, writers)
		for i := 0; i < writers; i++ {
			go func(i int) {
				errs <- db.CreateSession(ctx, &event.Session{EventID: e.ID, RoomID: r.ID, Title: i18n.Text{EN: fmt.Sprint("Talk ", i)}, Language: i18n.EN,
					StartsAt: at(11, 9, i*5), EndsAt: at(11, 10, i*5)})
			}(i)
		}
		won := 0
		for i := 0; i < writers; i++ {
			err := <-errs
			switch {
			case err == nil:
				won++
			case !apperr.Is(err, apperr.Conflict):
				t.Errorf("a racing writer got %v, want a clash", err)
			}
		}
		if _, n, _ := db.Sessions(ctx, e.ID, store.SessionFilter{Limit: 10}); won != 1 || n != 1 {
			t.Fatalf("%d writers won, %d sessions stored: want one", won, n)
		}
	})
}

// TestDeleteTrack: a track no session carries loses its names; one a
// session carries is refused and kept; an unknown one is not found.
func TestDeleteTrack(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, _ := mustFair(t, db)
		r := &event.Room{EventID: e.ID, Name: i18n.Text{EN: "Room 1"}}
		mustDo(t, db.CreateRoom(ctx, r))
		s := &event.Session{EventID: e.ID, RoomID: r.ID, Title: i18n.Text{EN: "Used"}, Track: "Used", Language: i18n.EN,
			StartsAt: at(10, 9, 0), EndsAt: at(10, 10, 0)}
		mustDo(t, db.CreateSession(ctx, s))
		for _, key := range []string{"Used", "Unused"} {
			mustDo(t, db.SaveTrack(ctx, &event.Track{EventID: e.ID, Key: key, Name: i18n.Text{EN: key}}))
		}
		if err := db.DeleteTrack(ctx, e.ID, "Used"); !errors.Is(err, store.ErrTrackInUse) {
			t.Errorf("deleting a track in use: %v", err)
		}
		mustDo(t, db.DeleteTrack(ctx, e.ID, "Unused"))
		if ts, err := db.Tracks(ctx, e.ID); err != nil || len(ts) != 1 || ts[0].Key != "Used" {
			t.Errorf("tracks after: %+v, %v", ts, err)
		}
		if err := db.DeleteTrack(ctx, e.ID, "Unused"); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("deleting it again: %v", err)
		}
	})
}
