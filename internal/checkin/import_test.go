package checkin_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
)

var fair = &event.Event{StartDate: "2027-03-10", EndDate: "2027-03-12"}

func TestParseRowsReportsEveryProblemByRow(t *testing.T) {
	rows, err := checkin.ReadCSV(strings.NewReader("\ufeffName,Email,Category,Consent,Interests,Days\n" +
		"Nguyễn An,an@example.vn,delegate,có,robotics,2027-03-10\n" +
		",bad,visitor,,,\n" +
		"Kim,kim@example.vn,astronaut,maybe,,2030-01-01\n" +
		"Lê Bình,AN@example.vn,,,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	regs, problems := checkin.ParseRows(rows, fair)
	if regs != nil {
		t.Fatal("a file with problems must import nothing")
	}
	want := map[string]bool{"3/name": true, "3/email": true, "4/category": true, "4/consent": true, "4/days": true, "5/email": true}
	got := map[string]bool{}
	for _, p := range problems {
		got[strconv.Itoa(p.Row)+"/"+p.Field] = true
	}
	for k := range want {
		if !got[k] {
			t.Errorf("missing problem %s in %+v", k, problems)
		}
	}
	good, problems := checkin.ParseRows(rows[:2], fair)
	if problems != nil || len(good) != 1 || !good[0].Consent || good[0].Email != "an@example.vn" || good[0].Days[0] != "2027-03-10" {
		t.Fatalf("good row: %+v %+v", good, problems)
	}
}

func TestReadXLSX(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"name", "email", "organization"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"김민준", "kim@example.kr", "한국생산기술연구원"})
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := checkin.ReadXLSX(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	regs, problems := checkin.ParseRows(rows, fair)
	if problems != nil || len(regs) != 1 || regs[0].OrgName != "한국생산기술연구원" || regs[0].Category != event.CatDelegate {
		t.Fatalf("%+v %+v", regs, problems)
	}
	if _, err := checkin.ReadXLSX([]byte("PK\x03\x04 not a workbook")); err == nil {
		t.Fatal("a damaged workbook was read")
	}
}

// FuzzImport: no file panics the readers or the row parser, and whatever
// is accepted is valid.
func FuzzImport(f *testing.F) {
	f.Add([]byte("name,email\nAn,an@example.vn\n"))
	f.Add([]byte("name,email,category,days\n\"A\"\"n\",x@y.vn,vip,2027-03-11;2027-03-12\n"))
	f.Add([]byte("PK\x03\x04"))
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"name", "email"})
	var b bytes.Buffer
	x.WriteTo(&b)
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, read := range []func() ([][]string, error){
			func() ([][]string, error) { return checkin.ReadCSV(bytes.NewReader(data)) },
			func() ([][]string, error) { return checkin.ReadXLSX(data) },
		} {
			rows, err := read()
			if err != nil {
				continue
			}
			regs, problems := checkin.ParseRows(rows, fair)
			if regs != nil && problems != nil {
				t.Fatal("both registrants and problems: an import is all or nothing")
			}
			for _, r := range regs {
				if err := r.Validate(fair); err != nil {
					t.Fatalf("accepted an invalid row: %v", err)
				}
			}
		}
	})
}
