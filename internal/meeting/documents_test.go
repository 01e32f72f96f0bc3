package meeting

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
)

func sheet() Sheet {
	zone := time.FixedZone("ICT", 7*3600)
	slots := Slots([]string{"2027-03-10"}, zone)
	return Sheet{Title: "Lịch gặp cá nhân · Triển lãm", Subtitle: "Nguyễn Thị Hồng Nhung", Zone: zone, Host: "ketnoi.test",
		Heads: [4]string{"Thời gian", "Địa điểm", "Với", "Trạng thái"},
		Entries: []Entry{
			{MeetingID: 7, Starts: slots[1].Starts, Ends: slots[1].Ends, Where: "Gian hàng A-101", With: "Công ty TNHH Tự động hóa Minh Phát", Status: "Đã xếp lịch", Note: "Xin gặp"},
			{MeetingID: 9, Starts: slots[9].Starts, Ends: slots[9].Ends, Where: "Bàn T03", With: "(주)한빛로보틱스", Status: "Đã gặp"},
		}}
}

func TestICSParsesBack(t *testing.T) {
	sh := sheet()
	b, err := ICS(sh, time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	evs := cal.Events()
	if len(evs) != 2 {
		t.Fatalf("%d events", len(evs))
	}
	for i, ev := range evs {
		start, err := ev.DateTimeStart(nil)
		if err != nil || !start.Equal(sh.Entries[i].Starts) {
			t.Errorf("event %d starts %v (%v), want %v", i, start, err, sh.Entries[i].Starts)
		}
		sum, _ := ev.Props.Text(ical.PropSummary)
		loc, _ := ev.Props.Text(ical.PropLocation)
		uid, _ := ev.Props.Text(ical.PropUID)
		if sum != sh.Entries[i].With || loc != sh.Entries[i].Where || !strings.HasSuffix(uid, "@ketnoi.test") {
			t.Errorf("event %d: %q %q %q", i, sum, loc, uid)
		}
		// Each meeting reminds its reader ten minutes before.
		var alarms []*ical.Component
		for _, c := range ev.Children {
			if c.Name == ical.CompAlarm {
				alarms = append(alarms, c)
			}
		}
		if len(alarms) != 1 {
			t.Fatalf("event %d has %d alarms, want 1", i, len(alarms))
		}
		trig := alarms[0].Props.Get(ical.PropTrigger)
		if d, err := trig.Duration(); err != nil || d != -10*time.Minute {
			t.Errorf("event %d reminds at %v (%v), want 10 minutes before", i, d, err)
		}
	}
	if _, err := ICS(Sheet{Title: "empty"}, time.Now()); err == nil {
		t.Error("an empty calendar was written; iCalendar needs one component")
	}
}

func TestPDF(t *testing.T) {
	var b bytes.Buffer
	if err := WritePDF(&b, sheet()); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) || b.Len() < 5000 {
		t.Fatalf("not a PDF with an embedded font: %d bytes", b.Len())
	}
	if !bytes.Contains(b.Bytes(), []byte("/FontFile2")) {
		t.Error("no TrueType font is embedded")
	}
	// Where poppler's pdftotext is installed (Debian poppler-utils), the
	// Vietnamese text must come back out of the file.
	if _, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
		cmd.Stdin = &b
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		for _, want := range []string{"Nguyễn Thị Hồng Nhung", "Gian hàng A-101", "Tự động hóa Minh Phát", "10/03 09:00"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("the PDF's text lacks %q:\n%s", want, out)
			}
		}
		// A Korean reader's sheet writes the day month first.
		ko := sheet()
		ko.DayLayout = "1/2"
		var kb bytes.Buffer
		if err := WritePDF(&kb, ko); err != nil {
			t.Fatal(err)
		}
		cmd = exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
		cmd.Stdin = &kb
		if out, err := cmd.Output(); err != nil || !strings.Contains(string(out), "3/10 09:00") {
			t.Errorf("the Korean sheet's day: %v\n%s", err, out)
		}
	}
}

// TestPDFNamesBeyondTheFonts: a partner named with an emoji is written
// without it (the PDF library's font mapping panicked on it).
func TestPDFNamesBeyondTheFonts(t *testing.T) {
	sh := sheet()
	sh.Entries[0].With = "Phuong Nam Mechanical 🔧"
	var b bytes.Buffer
	if err := WritePDF(&b, sh); err != nil || !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
		t.Fatalf("schedule with an emoji: %v", err)
	}
}

// FuzzWritePDF: a schedule's PDF is written whatever a partner's name or a
// message holds (typed by anyone), never a panic.
func FuzzWritePDF(f *testing.F) {
	for _, s := range []string{"Phuong Nam Mechanical 🔧", "한빛로보틱스", "a\xffb\x00c", strings.Repeat("Đ", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sh := sheet()
		sh.Entries[0].With, sh.Entries[0].Note, sh.Subtitle = s, s, s
		var b bytes.Buffer
		if err := WritePDF(&b, sh); err == nil && !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
			t.Fatalf("no PDF and no error for %q", s)
		} // an error is an answer; a panic fails the target
	})
}
