package main

import (
	"strings"
	"testing"
)

// jairDir is the published benchmark, relative to this package.
const jairDir = "../../../../../shared/bench/b2b-jair2022"

// The seed table solves each instance once per seed and sums the breaks:
// tic-12 and tic-13 have a proven optimum of 0, which ketnoi reaches on
// every seed (a search that lost them would fail here); a bad seed is
// named in the error.
func TestSeedTable(t *testing.T) {
	var out strings.Builder
	if err := seedTable(&out, jairDir, "tic-12,tic-13", "1,2"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| seed | tic-12 | tic-13 | total |", "| 1 | 0 | 0 | **0** |", "| 2 | 0 | 0 | **0** |", "all seeds: 0 breaks"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
	if err := seedTable(&out, jairDir, "tic-12", "one"); err == nil || !strings.Contains(err.Error(), `"one"`) {
		t.Errorf("a bad seed: want an error naming it, got %v", err)
	}
}
