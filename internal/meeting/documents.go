package meeting

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"ketnoi/internal/pdftext"
	"os"
	"sync"
	"time"
	"unicode"

	"github.com/emersion/go-ical"
	"github.com/go-pdf/fpdf"
)

// Entry is one line of a personal schedule, already written in the
// reader's language.
type Entry struct {
	MeetingID int64
	Starts    time.Time
	Ends      time.Time
	Where     string // "Bàn T03", "Gian hàng A-101"
	With      string // the other organization
	Status    string // "Đã xếp lịch"
	Note      string // the request's message
}

// Sheet is a personal schedule: a title, column headings and entries.
type Sheet struct {
	Title    string
	Subtitle string
	Heads    [4]string // time, where, with, status
	Entries  []Entry
	Zone     *time.Location
	Host     string // for iCalendar UIDs, e.g. "ketnoi.example"
	// DayLayout writes a meeting's day in the reader's manner (a Go time
	// layout): "02/01" (10/03 for 10 March) by default; a Korean reader
	// takes 10/03 for 3 October and reads "1/2" (3/10).
	DayLayout string
}

// clean keeps the sheet's text within what its fonts draw (pdftext).
func (sh Sheet) clean() Sheet {
	sh.Title, sh.Subtitle = pdftext.Clean(sh.Title), pdftext.Clean(sh.Subtitle)
	for i := range sh.Heads {
		sh.Heads[i] = pdftext.Clean(sh.Heads[i])
	}
	entries := make([]Entry, len(sh.Entries))
	for i, e := range sh.Entries {
		e.Where, e.With, e.Status, e.Note = pdftext.Clean(e.Where), pdftext.Clean(e.With), pdftext.Clean(e.Status), pdftext.Clean(e.Note)
		entries[i] = e
	}
	sh.Entries = entries
	return sh
}

// DejaVu Sans covers Latin with every Vietnamese diacritic and is free to
// embed (fonts/DejaVu-LICENSE.txt).
//
//go:embed fonts/DejaVuSans.ttf
var dejaVu []byte

// HangulFontPath is where Korean text's font is read from (Debian's
// fonts-nanum); KETNOI_HANGUL_FONT overrides it. Without it, Korean text
// is written in the PDF as its English fallback by the caller.
var HangulFontPath = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"

var hangul struct {
	once sync.Once
	data []byte
}

func hangulFont() []byte {
	hangul.once.Do(func() {
		path := HangulFontPath
		if p := os.Getenv("KETNOI_HANGUL_FONT"); p != "" {
			path = p
		}
		hangul.data, _ = os.ReadFile(path)
	})
	return hangul.data
}

// HasHangulFont reports whether PDFs can show Korean text.
func HasHangulFont() bool { return len(hangulFont()) > 0 }

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// WritePDF writes the sheet as an A4 PDF.
func WritePDF(w io.Writer, sh Sheet) error {
	sh = sh.clean()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("dejavu", "", dejaVu)
	ko := HasHangulFont()
	if ko {
		pdf.AddUTF8FontFromBytes("hangul", "", hangulFont())
	}
	font := func(s string, size float64) {
		if ko && hasHangul(s) {
			pdf.SetFont("hangul", "", size)
			return
		}
		pdf.SetFont("dejavu", "", size)
	}
	pdf.SetMargins(15, 15, 15)
	pdf.AddPage()
	font(sh.Title, 16)
	pdf.MultiCell(0, 8, sh.Title, "", "L", false)
	font(sh.Subtitle, 10)
	pdf.MultiCell(0, 6, sh.Subtitle, "", "L", false)
	pdf.Ln(3)
	widths := []float64{38, 32, 80, 30}
	pdf.SetFillColor(230, 240, 234)
	for i, h := range sh.Heads {
		font(h, 10)
		pdf.CellFormat(widths[i], 8, h, "1", 0, "L", true, 0, "")
	}
	pdf.Ln(-1)
	zone := sh.Zone
	if zone == nil {
		zone = time.UTC
	}
	for _, e := range sh.Entries {
		day := sh.DayLayout
		if day == "" {
			day = "02/01"
		}
		when := e.Starts.In(zone).Format(day+" 15:04") + "–" + e.Ends.In(zone).Format("15:04")
		cells := []string{when, e.Where, e.With, e.Status}
		for i, c := range cells {
			font(c, 9)
			pdf.CellFormat(widths[i], 7, clip(pdf, c, widths[i]-2), "1", 0, "L", false, 0, "")
		}
		pdf.Ln(-1)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("schedule PDF: %w", err)
	}
	return pdf.Output(w)
}

// clip shortens text to fit a cell width.
func clip(pdf *fpdf.Fpdf, s string, width float64) string {
	if pdf.GetStringWidth(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && pdf.GetStringWidth(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// alarmBefore is when a calendar reminds of a meeting: time enough to walk
// across a fair's halls to its table or booth.
const alarmBefore = "-PT10M"

// alarm is a meeting's reminder in the reader's own calendar.
func alarm(with string) *ical.Component {
	a := ical.NewComponent(ical.CompAlarm)
	a.Props.SetText(ical.PropAction, "DISPLAY")
	a.Props.SetText(ical.PropDescription, with)
	trigger := ical.NewProp(ical.PropTrigger)
	trigger.SetValueType(ical.ValueDuration)
	trigger.Value = alarmBefore
	a.Props.Set(trigger)
	return a
}

// ICS returns the sheet as an iCalendar file with one event per meeting,
// each with its reminder.
func ICS(sh Sheet, now time.Time) ([]byte, error) {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//ketnoi//meetings//EN")
	cal.Props.SetText("X-WR-CALNAME", sh.Title)
	host := sh.Host
	if host == "" {
		host = "ketnoi"
	}
	for _, e := range sh.Entries {
		ev := ical.NewEvent()
		ev.Props.SetText(ical.PropUID, fmt.Sprintf("meeting-%d@%s", e.MeetingID, host))
		ev.Props.SetDateTime(ical.PropDateTimeStamp, now.UTC())
		ev.Props.SetDateTime(ical.PropDateTimeStart, e.Starts.UTC())
		ev.Props.SetDateTime(ical.PropDateTimeEnd, e.Ends.UTC())
		ev.Props.SetText(ical.PropSummary, e.With)
		ev.Props.SetText(ical.PropLocation, e.Where)
		desc := e.Status
		if e.Note != "" {
			desc += "\n" + e.Note
		}
		ev.Props.SetText(ical.PropDescription, desc)
		ev.Children = append(ev.Children, alarm(e.With))
		cal.Children = append(cal.Children, ev.Component)
	}
	var b bytes.Buffer
	if err := ical.NewEncoder(&b).Encode(cal); err != nil {
		return nil, fmt.Errorf("schedule iCalendar: %w", err)
	}
	return b.Bytes(), nil
}
