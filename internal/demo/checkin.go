package demo

import (
	"context"
	"fmt"

	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/store"
)

// seedCheckin sets the fair's entrances up as its organizers would before
// the first morning, so that the demo's scanner, kiosk and live dashboard
// work at once: the halls by two gates (re-entry after an exit scan), the
// VIP lounge once a day for VIPs and speakers.
func seedCheckin(ctx context.Context, db *store.DB) error {
	halls := &checkin.List{EventID: FairID, Name: "Sảnh triển lãm", Rule: checkin.Reentry}
	lounge := &checkin.List{EventID: FairID, Name: "Phòng chờ VIP", Rule: checkin.OncePerDay,
		Categories: []string{string(event.CatVIP), string(event.CatSpeaker)}}
	for _, l := range []*checkin.List{halls, lounge} {
		if err := db.CreateCheckinList(ctx, l); err != nil {
			return fmt.Errorf("demo check-in: %w", err)
		}
	}
	gates := [][]checkin.Gate{
		{{Code: "N1", Name: "Cổng Bắc", Hall: "A", ListID: halls.ID}, {Code: "N2", Name: "Cổng Bắc", Hall: "A", ListID: halls.ID}},
		{{Code: "S1", Name: "Cổng Nam", Hall: "C", ListID: halls.ID}},
		{{Code: "VIP", Name: "Phòng chờ VIP", ListID: lounge.ID}},
	}
	for _, g := range gates {
		for i := range g {
			g[i].EventID = FairID
		}
		if err := db.CreateGates(ctx, g); err != nil {
			return fmt.Errorf("demo check-in: %w", err)
		}
	}
	return nil
}
