package event

import (
	"fmt"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
)

// ClashError says which session already holds a room at the time another
// asked for it, so that a page can name it in the reader's language; the
// apperr.Error that wraps it names it in English for the API.
type ClashError struct {
	Other Session
}

func (e *ClashError) Error() string {
	return fmt.Sprintf("room %d is taken by session %d", e.Other.RoomID, e.Other.ID)
}

// CheckPlacement refuses a session that starts or ends outside the
// event's days (in the venue's zone) or overlaps another session of
// sameRoom. sameRoom may hold the session itself (an update): it is
// skipped by id. The first clash found is named.
func CheckPlacement(s *Session, e *Event, zone *time.Location, sameRoom []Session) error {
	f := apperr.Fields{}
	days := map[string]bool{}
	for _, d := range e.Days() {
		days[d] = true
	}
	if !days[s.StartsAt.In(zone).Format(DateLayout)] {
		f.Add("starts_at", "is not a day of the event")
	}
	// A session may end at midnight: the minute before is its last.
	if !days[s.EndsAt.Add(-time.Minute).In(zone).Format(DateLayout)] {
		f.Add("ends_at", "is not a day of the event")
	}
	if err := f.Err(); err != nil {
		return err
	}
	for _, o := range sameRoom {
		if o.ID != s.ID && o.RoomID == s.RoomID && Overlap(s, &o) {
			return &apperr.Error{Code: apperr.Conflict, Message: "The room is taken at that time.",
				Fields: apperr.Fields{"room_id": "is taken at that time by: " + describe(&o, zone)}, Err: &ClashError{Other: o}}
		}
	}
	return nil
}

// Overlap reports whether two sessions share some time; one ending when
// the other starts does not.
func Overlap(a, b *Session) bool {
	return a.StartsAt.Before(b.EndsAt) && b.StartsAt.Before(a.EndsAt)
}

// describe names a session for a message: its id, title and times.
func describe(s *Session, zone *time.Location) string {
	title := s.Title.In(i18n.EN)
	return fmt.Sprintf("session %d “%s” %s–%s", s.ID, title, s.StartsAt.In(zone).Format("15:04"), s.EndsAt.In(zone).Format("15:04"))
}

// SpeakerClashes lists, for each session, the other sessions that overlap
// it and share a speaker with it: a speaker cannot be in two rooms at
// once, though an organizer may still want it (a recorded talk), so it is
// a warning, not a refusal.
func SpeakerClashes(ss []Session) map[int64][]Session {
	out := map[int64][]Session{}
	for i := range ss {
		for j := range ss {
			if i != j && Overlap(&ss[i], &ss[j]) && shareSpeaker(&ss[i], &ss[j]) {
				out[ss[i].ID] = append(out[ss[i].ID], ss[j])
			}
		}
	}
	return out
}

func shareSpeaker(a, b *Session) bool {
	for _, x := range a.Speakers {
		for _, y := range b.Speakers {
			if x.ID == y.ID {
				return true
			}
		}
	}
	return false
}

// Validate checks a room.
func (r *Room) Validate() error {
	f := apperr.Fields{}
	r.Name = org.TrimText(r.Name)
	if r.Name.IsZero() {
		f.Add("name", "is required in at least one language")
	} else if r.Name.Longest() > org.MaxName {
		f.Add("name", "is longer than 200 characters")
	}
	if r.Capacity < 0 || r.Capacity > 100_000 {
		f.Add("capacity", "must be a whole number from 0 to 100000")
	}
	return f.Err()
}

// Validate checks a speaker.
func (sp *Speaker) Validate() error {
	f := apperr.Fields{}
	sp.Name = strings.TrimSpace(sp.Name)
	sp.Title = org.TrimText(sp.Title)
	if sp.Name == "" {
		f.Add("name", "is required")
	} else if len([]rune(sp.Name)) > org.MaxName {
		f.Add("name", "is longer than 200 characters")
	}
	if sp.Title.Longest() > org.MaxName {
		f.Add("title", "is longer than 200 characters")
	}
	return f.Err()
}

// Track names a forum track in the three languages. Sessions hold its Key
// in their Track.
type Track struct {
	EventID int64     `json:"event_id"`
	Key     string    `json:"key"`
	Name    i18n.Text `json:"name"`
}

// Validate checks a track; a track without an English name is named by
// its key in English.
func (t *Track) Validate() error {
	f := apperr.Fields{}
	t.Key = strings.TrimSpace(t.Key)
	t.Name = org.TrimText(t.Name)
	if t.Key == "" {
		f.Add("key", "is required")
	} else if len(t.Key) > 80 {
		f.Add("key", "is longer than 80 characters")
	}
	if t.Name.Longest() > 80 {
		f.Add("name", "is longer than 80 characters")
	}
	if t.Name.EN == "" {
		t.Name.EN = t.Key
	}
	return f.Err()
}

// NameTrack sets a session's TrackName from the event's track names.
func NameTrack(s *Session, names map[string]i18n.Text) {
	s.TrackName = i18n.Text{}
	if s.Track == "" {
		return
	}
	if n, ok := names[s.Track]; ok {
		s.TrackName = n
		return
	}
	s.TrackName = i18n.Text{EN: s.Track}
}
