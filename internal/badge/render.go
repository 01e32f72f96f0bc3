package badge

import (
	"bytes"
	_ "embed"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"ketnoi/internal/pdftext"
	"os"
	"runtime"
	"strconv"
	"sync"
	"unicode"

	"github.com/go-pdf/fpdf"
	qrcode "github.com/skip2/go-qrcode"
)

// DejaVu Sans covers Latin with every Vietnamese diacritic; it is free to
// embed and modify (see fonts/DejaVu-LICENSE.txt). The embedded files are
// subsets made with fontTools (Latin, Latin Extended, combining marks,
// Latin Extended Additional where Vietnamese lives, punctuation, ₫ and €):
// 53 KB each instead of 750 KB, and quicker to parse for every badge.
//
//	pyftsubset DejaVuSans.ttf --unicodes=U+0020-007E,U+00A0-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20AB,U+20AC,U+2116 --no-hinting --layout-features=''

var (
	//go:embed fonts/DejaVuSans.ttf
	dejaVu []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	dejaVuBold []byte
)

// HangulFontPath is where the Korean font is read from. Nanum Gothic
// (Debian's fonts-nanum, SIL OFL) is 4.6 MB, too large to embed in every
// binary; KETNOI_HANGUL_FONT overrides the path.
var HangulFontPath = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"

var hangul struct {
	once sync.Once
	data []byte
	err  error
}

func hangulFont() ([]byte, error) {
	hangul.once.Do(func() {
		path := HangulFontPath
		if p := os.Getenv("KETNOI_HANGUL_FONT"); p != "" {
			path = p
		}
		hangul.data, hangul.err = os.ReadFile(path)
		if hangul.err != nil {
			hangul.err = fmt.Errorf("badge: Korean names need a Hangul TrueType font at %s (Debian package fonts-nanum, or set KETNOI_HANGUL_FONT): %w", path, hangul.err)
		}
	})
	return hangul.data, hangul.err
}

// QR returns the QR code of a token as a bitmap with its quiet zone.
func QR(token string) ([][]bool, error) {
	q, err := qrcode.New(token, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("badge QR: %w", err)
	}
	return q.Bitmap(), nil
}

// PNG draws the QR code of a token, scale pixels per module.
func PNG(token string, scale int) ([]byte, error) {
	bm, err := QR(token)
	if err != nil {
		return nil, err
	}
	if scale < 1 || scale > 40 {
		return nil, fmt.Errorf("badge PNG: scale %d out of 1..40", scale)
	}
	n := len(bm) * scale
	img := image.NewGray(image.Rect(0, 0, n, n))
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			c := color.Gray{Y: 255}
			if bm[y/scale][x/scale] {
				c.Y = 0
			}
			img.SetGray(x, y, c)
		}
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, img); err != nil {
		return nil, fmt.Errorf("badge PNG: %w", err)
	}
	return b.Bytes(), nil
}

// Card is what one printed badge shows.
type Card struct {
	Name          string
	Organization  string
	JobTitle      string
	CategoryLabel string // in the event's language, e.g. "KHÁCH THAM QUAN"
	Color         string // the category band, "#RRGGBB"
	Token         string
	Number        string // the registration number, small
}

// cleanCards keeps the cards' text within what their fonts draw
// (pdftext): a registrant types their own name.
func cleanCards(cards []Card) []Card {
	out := make([]Card, len(cards))
	for i, c := range cards {
		c.Name, c.Organization, c.JobTitle = pdftext.Clean(c.Name), pdftext.Clean(c.Organization), pdftext.Clean(c.JobTitle)
		c.CategoryLabel, c.Number = pdftext.Clean(c.CategoryLabel), pdftext.Clean(c.Number)
		out[i] = c
	}
	return out
}

// Format is a badge size.
type Format string

const (
	A6   Format = "a6"   // 105 × 148 mm, portrait, for lanyard pouches
	CR80 Format = "cr80" // 85.6 × 54 mm, the credit-card size of card printers
)

// CategoryColors are the band colours of the registration categories.
var CategoryColors = map[string]string{
	"visitor": "#1565C0", "delegate": "#2E7D32", "speaker": "#EF6C00", "press": "#6A1B9A",
	"exhibitor_staff": "#00838F", "vip": "#B8860B", "organizer": "#C62828",
}

type layout struct {
	w, h                      float64
	band, nameSize, orgSize   float64
	qrX, qrY, qrSize, textW   float64
	nameY, orgY, jobY, footer float64
}

var layouts = map[Format]layout{
	A6:   {w: 105, h: 148, band: 16, nameSize: 24, orgSize: 13, qrX: 27.5, qrY: 82, qrSize: 50, textW: 95, nameY: 22, orgY: 56, jobY: 66, footer: 140},
	CR80: {w: 85.6, h: 54, band: 9, nameSize: 15, orgSize: 9, qrX: 55, qrY: 14, qrSize: 29, textW: 50, nameY: 12, orgY: 34, jobY: 41, footer: 49},
}

// PDF writes the cards, one per page of the format's size.
func PDF(w io.Writer, f Format, cards []Card) error {
	cards = cleanCards(cards)
	l, ok := layouts[f]
	if !ok {
		return fmt.Errorf("badge PDF: unknown format %q (a6 or cr80)", f)
	}
	// "P" keeps the given width and height as they are; "L" would swap them.
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: l.w, Ht: l.h}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.AddUTF8FontFromBytes("dejavu", "", dejaVu)
	pdf.AddUTF8FontFromBytes("dejavu", "B", dejaVuBold)
	if needsHangul(cards) {
		data, err := hangulFont()
		if err != nil {
			return err
		}
		pdf.AddUTF8FontFromBytes("hangul", "", data)
		pdf.AddUTF8FontFromBytes("hangul", "B", data)
	}
	qrs, err := qrImages(cards)
	if err != nil {
		return err
	}
	for i, c := range cards {
		if err := drawCard(pdf, l, c, qrs[i], i); err != nil {
			return err
		}
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("badge PDF: %w", err)
	}
	return nil
}

func needsHangul(cards []Card) bool {
	for _, c := range cards {
		if hasHangul(c.Name) || hasHangul(c.Organization) || hasHangul(c.JobTitle) || hasHangul(c.CategoryLabel) {
			return true
		}
	}
	return false
}

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// fontFor picks the family that covers the text's script.
func fontFor(s string) string {
	if hasHangul(s) {
		return "hangul"
	}
	return "dejavu"
}

// qrImages encodes every card's QR on all cores: choosing a QR mask is the
// costliest step of a badge.
func qrImages(cards []Card) ([][]byte, error) {
	out := make([][]byte, len(cards))
	errs := make([]error, len(cards))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = PNG(cards[i].Token, 1)
			}
		}()
	}
	for i := range cards {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("badge %d: %w", i+1, err)
		}
	}
	return out, nil
}

func drawCard(pdf *fpdf.Fpdf, l layout, c Card, qr []byte, i int) error {
	pdf.AddPage()
	r, g, b := hexColor(c.Color)
	pdf.SetFillColor(r, g, b)
	pdf.Rect(0, 0, l.w, l.band, "F")
	pdf.SetTextColor(255, 255, 255)
	pdf.SetFont(fontFor(c.CategoryLabel), "B", l.orgSize)
	pdf.SetXY(5, 0)
	pdf.CellFormat(l.w-10, l.band, c.CategoryLabel, "", 0, "C", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fontFor(c.Name), "B", l.nameSize)
	pdf.SetXY(5, l.nameY)
	pdf.MultiCell(l.textW, l.nameSize*0.45, c.Name, "", "L", false)
	pdf.SetFont(fontFor(c.Organization), "", l.orgSize)
	pdf.SetXY(5, l.orgY)
	pdf.MultiCell(l.textW, l.orgSize*0.45, c.Organization, "", "L", false)
	if c.JobTitle != "" {
		pdf.SetFont(fontFor(c.JobTitle), "", l.orgSize*0.8)
		pdf.SetXY(5, l.jobY)
		pdf.MultiCell(l.textW, l.orgSize*0.4, c.JobTitle, "", "L", false)
	}
	if err := drawQR(pdf, qr, l.qrX, l.qrY, l.qrSize, i); err != nil {
		return err
	}
	pdf.SetFont("dejavu", "", 6)
	pdf.SetXY(5, l.footer)
	pdf.CellFormat(l.w-10, 4, c.Number, "", 0, "L", false, 0, "")
	return pdf.Error()
}

// drawQR places the QR as a one-pixel-per-module image scaled up: a few
// hundred bytes per badge, crisp at any print resolution.
func drawQR(pdf *fpdf.Fpdf, img []byte, x, y, size float64, i int) error {
	name := "qr" + strconv.Itoa(i)
	pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(img))
	pdf.ImageOptions(name, x, y, size, size, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return pdf.Error()
}

func hexColor(s string) (r, g, b int) {
	if len(s) != 7 || s[0] != '#' {
		return 60, 60, 60
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return 60, 60, 60
	}
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}
