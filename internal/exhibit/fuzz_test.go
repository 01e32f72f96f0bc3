package exhibit_test

import (
	"bytes"
	"testing"

	"ketnoi/internal/exhibit"
)

// FuzzImport feeds arbitrary bytes to both readers and the validator: they
// must never panic, and whatever Validate accepts must be a sound layout.
func FuzzImport(f *testing.F) {
	f.Add([]byte(goodCSV))
	f.Add([]byte("code,x,y,w,h,type\n\"A,1\n"))
	f.Add([]byte("code,x,y,w,h,type\nA,NaN,0,3,3,shell\n"))
	f.Add([]byte(`{"booths":[{"code":"A-1","x":0,"y":0,"w":3,"h":3,"type":"shell"}],"features":[{"type":"pillar","x":1,"y":1,"w":1,"h":1}]}`))
	f.Add([]byte(`{"booths":[{"code":"A-1","x":1e308,"y":-0,"w":3,"h":3,"type":"shell"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, parse := range []func([]byte) ([]exhibit.Row, error){
			func(b []byte) ([]exhibit.Row, error) { return exhibit.ParseCSV(bytes.NewReader(b)) },
			func(b []byte) ([]exhibit.Row, error) { return exhibit.ParseJSON(bytes.NewReader(b)) },
		} {
			rows, err := parse(data)
			if err != nil {
				if err.Error() == "" {
					t.Fatal("empty error message")
				}
				continue
			}
			l, err := exhibit.Validate(hall, rows, nil)
			if err != nil {
				continue
			}
			for i, a := range l.Booths {
				if a.X < 0 || a.Y < 0 || a.X+a.W > hall.Width+1e-6 || a.Y+a.H > hall.Depth+1e-6 || a.W <= 0 || a.H <= 0 {
					t.Fatalf("accepted booth outside the hall: %+v", a)
				}
				for _, b := range l.Booths[i+1:] {
					if a.Code == b.Code {
						t.Fatalf("accepted duplicate code %s", a.Code)
					}
					if a.X+1e-6 < b.X+b.W && b.X+1e-6 < a.X+a.W && a.Y+1e-6 < b.Y+b.H && b.Y+1e-6 < a.Y+a.H {
						t.Fatalf("accepted overlapping booths %s and %s", a.Code, b.Code)
					}
				}
			}
		}
	})
}
