// Package sheet writes tables as Excel workbooks: a header row and rows of
// text, the form organizers and exhibitors take lists away in.
package sheet

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes one sheet named name (cleaned to what Excel accepts)
// with the header in bold, frozen above the rows, and a filter on every
// column. Text is kept as text: an id or a phone number is never turned
// into a number or a date.
func WriteXLSX(w io.Writer, name string, header []string, rows [][]string) error {
	name = sheetName(name)
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return fmt.Errorf("xlsx sheet name: %w", err)
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("xlsx style: %w", err)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("xlsx panes: %w", err)
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = excelize.Cell{Value: h, StyleID: bold}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return fmt.Errorf("xlsx header: %w", err)
	}
	for i, r := range rows {
		cells := make([]any, len(r))
		for j, v := range r {
			cells[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return fmt.Errorf("xlsx row %d: %w", i+2, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if len(header) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(header), len(rows)+1)
		if err := f.AutoFilter(name, "A1:"+last, nil); err != nil {
			return fmt.Errorf("xlsx filter: %w", err)
		}
	}
	// Written to a buffer first: a failure half way must not leave the
	// client a truncated file under a 200.
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	_, err = w.Write(b.Bytes())
	return err
}

// sheetName makes a name Excel accepts: at most 31 characters, none of
// : \ / ? * [ ], not empty and not starting or ending with an apostrophe.
// The names come from the message catalogue, so a translation can never
// make a download fail.
func sheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return ' '
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	name = strings.Trim(name, "' ")
	if name == "" {
		return "Sheet1"
	}
	return name
}
