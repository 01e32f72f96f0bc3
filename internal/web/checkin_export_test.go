package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
)

// TestBackgroundExport: an export of 1,500 registrations runs in the
// background with progress, then offers its file.
func TestBackgroundExport(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := context.Background()
	for i := 0; i < 1500; i++ {
		r := checkin.Registrant{Name: fmt.Sprintf("Khách %d", i), Email: fmt.Sprintf("bulk%d@example.vn", i)}
		if i == 7 { // a walk-in registered at the desk without an email
			r.Email = checkin.WalkInEmail()
		}
		r.EventID, r.Category = f.eventID, event.CatVisitor
		must(t, f.db.Register(ctx, &r))
	}
	resp := f.do(organizer, "POST", fmt.Sprintf("/api/v1/events/%d/exports", f.eventID), "application/json", `{"kind":"registrations"}`)
	var job struct {
		ID          int64
		Status      string
		Done, Total int
		Download    string
	}
	if resp.StatusCode != 202 || json.Unmarshal([]byte(readAll(t, resp)), &job) != nil || job.Download == "" {
		t.Fatalf("start export: %d", resp.StatusCode)
	}
	link := job.Download
	for deadline := time.Now().Add(30 * time.Second); job.Status != "done"; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("export not done: %+v", job)
		}
		body := readAll(t, f.do(organizer, "GET", fmt.Sprintf("/api/v1/events/%d/exports/%d", f.eventID, job.ID), "", ""))
		must(t, json.Unmarshal([]byte(body), &job))
	}
	if job.Done != 1501 || job.Total != 1501 {
		t.Fatalf("progress %d of %d, want 1501 of 1501", job.Done, job.Total)
	}
	csv := readAll(t, f.do(organizer, "GET", link, "", ""))
	if n := strings.Count(csv, "\n"); n != 1502 || !strings.Contains(csv, "bulk1499@example.vn") {
		t.Fatalf("file of %d lines", n)
	}
	if strings.Contains(csv, ".invalid") || !strings.Contains(csv, "Khách 7,,") {
		t.Error("the walk-in's made-up address is in the file")
	}
}
