package web

import (
	"testing"

	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
)

// TestKnownTrack: a track typed in another case, or by one of its names,
// is the event's track; anything else is a new one.
func TestKnownTrack(t *testing.T) {
	tracks := []event.Track{{Key: "Smart factory", Name: i18n.Text{VI: "Nhà máy thông minh", EN: "Smart factory", KO: "스마트 팩토리"}}}
	for typed, want := range map[string]string{
		"smart factory": "Smart factory", "SMART FACTORY": "Smart factory", "nhà máy thông minh": "Smart factory",
		"스마트 팩토리": "Smart factory", "Logistics": "Logistics", "": "",
	} {
		if got := knownTrack(tracks, typed); got != want {
			t.Errorf("knownTrack(%q) = %q, want %q", typed, got, want)
		}
	}
}

// TestSameName: a room named alike in any language, whatever the case,
// is the same name; an empty name is nobody's.
func TestSameName(t *testing.T) {
	rooms := []event.Room{{Name: i18n.Text{VI: "Phòng Lan", EN: "Orchid Room"}}}
	for name, want := range map[i18n.Text]bool{
		{VI: "phòng lan"}:              true,
		{EN: " ORCHID ROOM "}:          true,
		{VI: "Phòng Sen", EN: "Lotus"}: false,
		{KO: "Phòng Lan"}:              false, // another language's name
		{}:                             false,
	} {
		if got := sameName(rooms, name); got != want {
			t.Errorf("sameName(%+v) = %v, want %v", name, got, want)
		}
	}
}
