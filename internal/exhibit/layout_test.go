package exhibit_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
)

var hall = event.Hall{ID: 7, EventID: 1, Code: "A", Width: 30, Depth: 20}

const goodCSV = `code,x,y,w,h,type,zone,price_vnd
A-101,0,0,3,3,shell,KR,30000000
A-102,3,0,3,3,shell,KR,30000000
A-103,6,0,3,3,corner,,35.000.000
P1,10,10,1,1,pillar,,
`

func TestParseCSVAndValidate(t *testing.T) {
	rows, err := exhibit.ParseCSV(strings.NewReader(goodCSV))
	if err != nil {
		t.Fatal(err)
	}
	l, err := exhibit.Validate(hall, rows, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Booths) != 3 || len(l.Features) != 1 {
		t.Fatalf("got %d booths, %d features", len(l.Booths), len(l.Features))
	}
	b := l.Booths[2]
	if b.Code != "A-103" || b.Type != event.Corner || b.PriceVND != 35_000_000 || b.Status != event.Free || b.HallID != 7 {
		t.Fatalf("booth 3 = %+v", b)
	}
	if l.Features[0].Kind != exhibit.Pillar {
		t.Fatalf("feature = %+v", l.Features[0])
	}
}

// TestValidateReportsEveryRow: overlapping booths, booths outside the hall,
// duplicate codes, codes used in another hall and bad cells are all
// reported, each by its line.
func TestValidateReportsEveryRow(t *testing.T) {
	in := `code,x,y,w,h,type
A-1,0,0,3,3,shell
A-2,2,0,3,3,shell
A-3,28,0,3,3,shell
A-1,10,10,3,3,shell
B-9,15,15,2,2,shell
A-5,x,0,3,3,shell
A-6,20,10,3,3,tent
P,21,1,1,1,pillar
A-7,20,0,3,3,shell
`
	rows, err := exhibit.ParseCSV(strings.NewReader(in))
	var ie *exhibit.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("want an import error for the bad number, got %v", err)
	}
	if len(ie.Rows) != 1 || ie.Rows[0].Where != "line 7" {
		t.Fatalf("parse errors = %+v", ie.Rows)
	}
	rows = append(rows[:5], rows[6:]...) // drop the unparsable row, as a fixed file would
	_, err = exhibit.Validate(hall, rows, map[string]string{"B-9": "B"})
	if !errors.As(err, &ie) {
		t.Fatalf("want an import error, got %v", err)
	}
	want := map[string]string{
		"line 3":  "overlaps booth A-1",
		"line 4":  "outside the hall",
		"line 5":  "already used at line 2",
		"line 6":  "already used in hall B",
		"line 8":  "type must be",
		"line 10": "stands on a pillar",
	}
	got := map[string]string{}
	for _, r := range ie.Rows {
		got[r.Where] += r.Message + "; "
	}
	for where, frag := range want {
		if !strings.Contains(got[where], frag) {
			t.Errorf("%s: got %q, want it to say %q", where, got[where], frag)
		}
	}
	if len(got) != len(want) {
		t.Errorf("errors at %v, want exactly %v", got, want)
	}
}

func TestParseCSVHeader(t *testing.T) {
	for name, in := range map[string]string{
		"empty":     "",
		"missing":   "code,x,y,w\nA,1,1,1\n",
		"unknown":   "code,x,y,w,h,type,colour\n",
		"duplicate": "code,x,y,w,h,type,x\n",
	} {
		_, err := exhibit.ParseCSV(strings.NewReader(in))
		var ie *exhibit.ImportError
		if !errors.As(err, &ie) || ie.Rows[0].Where != "line 1" {
			t.Errorf("%s: got %v, want a line 1 error", name, err)
		}
	}
}

func TestParseJSON(t *testing.T) {
	in := `{"booths":[{"code":"A-1","x":0,"y":0,"w":3,"h":3,"type":"shell","zone":"KR","price_vnd":1000},
		{"code":"A-2","x":3,"y":0,"w":3,"h":3,"type":"island"}],
		"features":[{"type":"entrance","x":0,"y":19,"w":4,"h":1,"label":"Gate 1"}]}`
	rows, err := exhibit.ParseJSON(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	l, err := exhibit.Validate(hall, rows, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Booths) != 2 || l.Booths[0].Zone != "KR" || l.Features[0].Label != "Gate 1" {
		t.Fatalf("layout = %+v", l)
	}
	for name, bad := range map[string]string{
		"syntax":  `{"booths":[`,
		"unknown": `{"booths":[{"code":"A","colour":"red"}]}`,
		"type":    `{"booths":[{"code":"A","x":"one"}]}`,
		"feature": `{"features":[{"type":"shell","x":1,"y":1,"w":1,"h":1}]}`,
		"two":     `{} {}`,
	} {
		if _, err := exhibit.ParseJSON(strings.NewReader(bad)); err == nil {
			t.Errorf("%s: accepted %s", name, bad)
		}
	}
	_, err = exhibit.Validate(hall, nil, nil)
	if err == nil {
		t.Error("an empty file was accepted")
	}
}

func TestOverlapSweepMatchesPairs(t *testing.T) {
	// A grid of 400 booths with every tenth shifted onto its neighbour:
	// the sweep must find exactly the shifted ones.
	var b strings.Builder
	b.WriteString("code,x,y,w,h,type\n")
	shifted := 0
	for i := 0; i < 400; i++ {
		x, y := float64(i%20)*3, float64(i/20)*3
		if i%10 == 5 {
			x += 1.5
			shifted++
		}
		b.WriteString(strings.Join([]string{"B-" + strconv.Itoa(i), strconv.FormatFloat(x, 'f', -1, 64), strconv.FormatFloat(y, 'f', -1, 64), "3", "3", "shell"}, ",") + "\n")
	}
	rows, err := exhibit.ParseCSV(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = exhibit.Validate(event.Hall{Width: 100, Depth: 100}, rows, nil)
	var ie *exhibit.ImportError
	if !errors.As(err, &ie) {
		t.Fatal("overlaps not found")
	}
	// Each shifted booth overlaps its right-hand neighbour.
	if len(ie.Rows) != shifted {
		t.Fatalf("%d overlap errors, want %d: %v", len(ie.Rows), shifted, ie.Rows[:3])
	}
}
