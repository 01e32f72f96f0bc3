package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The workbook reads back with excelize: the sheet's name, the header, the
// rows as text (a long id survives, a phone number stays text), the
// frozen header; a name Excel would refuse is cleaned, not an error.
func TestWriteXLSX(t *testing.T) {
	var b bytes.Buffer
	header := []string{"ID", "Điện thoại", "회사"}
	rows := [][]string{{"1", "0274 3822 000", "한빛 로보틱스"}, {"12345678901234567890", "", "Công ty Minh Phát"}}
	if err := WriteXLSX(&b, "Meetings", header, rows); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.GetRows("Meetings")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || strings.Join(got[0], "|") != strings.Join(header, "|") ||
		strings.Join(got[1], "|") != strings.Join(rows[0], "|") || got[2][0] != "12345678901234567890" || got[2][2] != "Công ty Minh Phát" {
		t.Fatalf("rows read back: %q", got)
	}
	typ, err := f.GetCellType("Meetings", "B2")
	if err != nil || typ == excelize.CellTypeNumber {
		t.Errorf("a phone number became a number (%v, %v)", typ, err)
	}
	panes, err := f.GetPanes("Meetings")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	for name, want := range map[string]string{"Lịch gặp 10/03": "Lịch gặp 10 03", "'[]'": "Sheet1",
		strings.Repeat("한", 40): strings.Repeat("한", 31)} {
		var b bytes.Buffer
		if err := WriteXLSX(&b, name, header, rows); err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		f, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.GetSheetList(); len(got) != 1 || got[0] != want {
			t.Errorf("sheet named %q: %q, want %q", name, got, want)
		}
	}
}
