// Package floorpdf draws a hall's floor plan as a printable PDF: booths as
// labelled rectangles scaled to an A3 landscape page, pillars and
// entrances, and a legend listing each booth's exhibitor.
package floorpdf

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"ketnoi/internal/pdftext"
	"os"
	"sort"
	"sync"
	"unicode"

	"github.com/go-pdf/fpdf"
)

// DejaVu Sans covers Latin with every Vietnamese diacritic and is free to
// embed (fonts/DejaVu-LICENSE.txt).
//
//go:embed fonts/DejaVuSans.ttf
var dejaVu []byte

// HangulFontPath is the Korean TrueType font, read at run time (Debian's
// fonts-nanum; 4.6 MB, too large to embed). KETNOI_HANGUL_FONT overrides
// it. Without it, Korean names are replaced by their English name.
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

// Booth is one booth to draw.
type Booth struct {
	Code       string
	X, Y, W, H float64
	Status     string // free, held, sold, blocked
	// Name is the exhibitor's name in the reader's language; Fallback is
	// a Latin-script name used when Name needs a font that is missing.
	Name, Fallback string
}

// Feature is a pillar, entrance or aisle.
type Feature struct {
	Kind, Label string
	X, Y, W, H  float64
}

// Plan is one hall.
type Plan struct {
	Title    string
	Subtitle string
	Width    float64 // metres
	Depth    float64
	Booths   []Booth
	Features []Feature
	Legend   string // heading of the list of exhibitors
}

var fills = map[string][3]int{
	"free": {220, 242, 226}, "held": {255, 236, 179}, "sold": {187, 211, 245}, "blocked": {210, 210, 210},
}

// Write renders the plan.
func Write(w io.Writer, p Plan) error { return write(w, p.clean(), hangulFont()) }

// clean keeps the plan's text within what its fonts draw (pdftext): an
// exhibitor names itself.
func (p Plan) clean() Plan {
	p.Title, p.Subtitle, p.Legend = pdftext.Clean(p.Title), pdftext.Clean(p.Subtitle), pdftext.Clean(p.Legend)
	booths := make([]Booth, len(p.Booths))
	for i, b := range p.Booths {
		b.Code, b.Name, b.Fallback = pdftext.Clean(b.Code), pdftext.Clean(b.Name), pdftext.Clean(b.Fallback)
		booths[i] = b
	}
	features := make([]Feature, len(p.Features))
	for i, f := range p.Features {
		f.Label = pdftext.Clean(f.Label)
		features[i] = f
	}
	p.Booths, p.Features = booths, features
	return p
}

func write(w io.Writer, p Plan, ko []byte) error {
	pdf := fpdf.New("L", "mm", "A3", "")
	pdf.SetTitle(p.Title, true)
	pdf.AddUTF8FontFromBytes("dejavu", "", dejaVu)
	if ko != nil {
		pdf.AddUTF8FontFromBytes("hangul", "", ko)
	}
	pdf.SetAutoPageBreak(false, 10)
	pdf.AddPage()
	setFont(pdf, p.Title, 16, ko != nil)
	pdf.Text(12, 16, text(p.Title, "", ko != nil))
	setFont(pdf, p.Subtitle, 9, ko != nil)
	pdf.Text(12, 22, text(p.Subtitle, "", ko != nil))
	pageW, pageH := pdf.GetPageSize()
	drawHall(pdf, p, 12, 28, pageW-24, pageH-40, ko != nil)
	legend(pdf, p, ko != nil)
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("floor plan PDF: %w", err)
	}
	return nil
}

func drawHall(pdf *fpdf.Fpdf, p Plan, x0, y0, maxW, maxH float64, hasKO bool) {
	if p.Width <= 0 || p.Depth <= 0 {
		return
	}
	scale := min(maxW/p.Width, maxH/p.Depth)
	pdf.SetDrawColor(60, 60, 60)
	pdf.SetLineWidth(0.4)
	pdf.Rect(x0, y0, p.Width*scale, p.Depth*scale, "D")
	pdf.SetLineWidth(0.15)
	for _, f := range p.Features {
		switch f.Kind {
		case "pillar":
			pdf.SetFillColor(90, 90, 90)
		case "entrance":
			pdf.SetFillColor(255, 160, 160)
		default:
			pdf.SetFillColor(245, 245, 245)
		}
		pdf.Rect(x0+f.X*scale, y0+f.Y*scale, f.W*scale, f.H*scale, "FD")
	}
	for _, b := range p.Booths {
		c, ok := fills[b.Status]
		if !ok {
			c = fills["free"]
		}
		pdf.SetFillColor(c[0], c[1], c[2])
		bx, by, bw, bh := x0+b.X*scale, y0+b.Y*scale, b.W*scale, b.H*scale
		pdf.Rect(bx, by, bw, bh, "FD")
		size := min(7, max(3, bh*1.2))
		pdf.SetFont("dejavu", "", size)
		pdf.SetTextColor(20, 20, 20)
		if pdf.GetStringWidth(b.Code) < bw-0.5 {
			pdf.Text(bx+0.5, by+size*0.4+0.5, b.Code)
		}
	}
}

func legend(pdf *fpdf.Fpdf, p Plan, hasKO bool) {
	var named []Booth
	for _, b := range p.Booths {
		if b.Name != "" || b.Fallback != "" {
			named = append(named, b)
		}
	}
	if len(named) == 0 {
		return
	}
	sort.Slice(named, func(i, j int) bool { return named[i].Code < named[j].Code })
	pdf.AddPage()
	pdf.SetFont("dejavu", "", 12)
	pdf.Text(12, 16, p.Legend)
	pageW, pageH := pdf.GetPageSize()
	colW, lineH := (pageW-24)/4, 4.6
	x, y := 12.0, 24.0
	for _, b := range named {
		if y > pageH-10 {
			x, y = x+colW, 24
			if x > pageW-colW {
				pdf.AddPage()
				x = 12
			}
		}
		name := text(b.Name, b.Fallback, hasKO)
		pdf.SetFont("dejavu", "", 8)
		pdf.Text(x, y, b.Code)
		setFont(pdf, name, 8, hasKO)
		pdf.Text(x+16, y, clip(pdf, name, colW-18))
		y += lineH
	}
}

// text picks what can be drawn: Hangul needs the Korean font, else the
// Latin fallback (the English name) is used.
func text(s, fallback string, hasKO bool) string {
	if hasHangul(s) && !hasKO {
		if fallback != "" {
			return fallback
		}
		return stripHangul(s)
	}
	return s
}

func setFont(pdf *fpdf.Fpdf, s string, size float64, hasKO bool) {
	if hasKO && hasHangul(s) {
		pdf.SetFont("hangul", "", size)
		return
	}
	pdf.SetFont("dejavu", "", size)
}

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

func stripHangul(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		if !unicode.Is(unicode.Hangul, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clip shortens a name to fit a column.
func clip(pdf *fpdf.Fpdf, s string, w float64) string {
	r := []rune(s)
	for len(r) > 1 && pdf.GetStringWidth(string(r)) > w {
		r = r[:len(r)-1]
	}
	if len(r) < len([]rune(s)) {
		return string(r) + "…"
	}
	return s
}
