package allocate

import (
	"strings"
	"testing"
)

const okHead = `"halls":[{"id":"A"}],
"booths":[{"code":"A-1","hall":"A","x":0,"y":0,"w":3,"h":3,"type":"shell"},
          {"code":"A-2","hall":"A","x":3,"y":0,"w":3,"h":3,"type":"shell","status":"blocked"}]`

// badFiles are files the CLI must reject, with the words the message must
// contain to name the offending entries.
var badFiles = []struct {
	name, json string
	want       []string
}{
	{"not json", `{"halls": [`, []string{"read problem"}},
	{"unknown field", `{` + okHead + `,"exhibitors":[],"colour":1}`, []string{"colour"}},
	{"trailing data", `{` + okHead + `,"exhibitors":[]} {}`, []string{"trailing"}},
	{"duplicate booth", `{"halls":[{"id":"A"}],"booths":[
		{"code":"A-1","hall":"A","x":0,"y":0,"w":3,"h":3,"type":"shell"},
		{"code":"A-1","hall":"A","x":6,"y":0,"w":3,"h":3,"type":"shell"}],"exhibitors":[]}`,
		[]string{`booth "A-1": duplicate`}},
	{"overlap", `{"halls":[{"id":"A"}],"booths":[
		{"code":"A-1","hall":"A","x":0,"y":0,"w":3,"h":3,"type":"shell"},
		{"code":"A-9","hall":"A","x":2,"y":1,"w":3,"h":3,"type":"shell"}],"exhibitors":[]}`,
		[]string{`"A-1" and "A-9" overlap`}},
	{"duplicate exhibitor", `{` + okHead + `,"exhibitors":[
		{"id":"x","type":"shell","area":9},{"id":"x","type":"shell","area":9}]}`,
		[]string{`exhibitor "x": duplicate`}},
	{"unknown preferred", `{` + okHead + `,"exhibitors":[{"id":"x","type":"shell","area":9,"preferred":["B-7"]}]}`,
		[]string{`"x"`, `"B-7" does not exist`}},
	{"unknown lock booth", `{` + okHead + `,"exhibitors":[{"id":"x","type":"shell","area":9}],
		"locks":[{"exhibitor":"x","booths":["Z-1"]}]}`, []string{`"Z-1"`, `"x"`, "does not exist"}},
	{"unknown lock exhibitor", `{` + okHead + `,"exhibitors":[],"locks":[{"exhibitor":"ghost","booths":["A-1"]}]}`,
		[]string{`"ghost" does not exist`}},
	{"lock on blocked", `{` + okHead + `,"exhibitors":[{"id":"x","type":"shell","area":9}],
		"locks":[{"exhibitor":"x","booths":["A-2"]}]}`, []string{`"A-2"`, "blocked"}},
	{"two locks on a booth", `{` + okHead + `,"exhibitors":[{"id":"x","type":"shell","area":9},{"id":"y","type":"shell","area":9}],
		"locks":[{"exhibitor":"x","booths":["A-1"]},{"exhibitor":"y","booths":["A-1"]}]}`,
		[]string{`"A-1" is locked to both "x" and "y"`}},
	{"locked competitors", `{"halls":[{"id":"A"}],"booths":[
		{"code":"A-1","hall":"A","x":0,"y":0,"w":3,"h":3,"type":"shell"},
		{"code":"A-2","hall":"A","x":3,"y":0,"w":3,"h":3,"type":"shell"}],
		"exhibitors":[{"id":"x","type":"shell","area":9,"competitors":["y"]},{"id":"y","type":"shell","area":9}],
		"locks":[{"exhibitor":"x","booths":["A-1"]},{"exhibitor":"y","booths":["A-2"]}]}`,
		[]string{`competitors "x"`, `"y"`, "side by side"}},
	{"lock breaks zone rule", `{"halls":[{"id":"A"}],"booths":[
		{"code":"A-1","hall":"A","x":0,"y":0,"w":3,"h":3,"type":"shell","zone":"R"}],
		"exhibitors":[{"id":"x","sector":"food","type":"shell","area":9}],
		"zone_rules":[{"zone":"R","sectors":["robotics"]}],
		"locks":[{"exhibitor":"x","booths":["A-1"]}]}`, []string{`"A-1"`, `zone "R"`, `"food"`}},
	{"lock on a booth sold to another", `{"halls":[{"id":"A"}],"booths":[
		{"code":"A-1","hall":"A","x":0,"y":0,"w":3,"h":3,"type":"shell","status":"sold","holder":"y"}],
		"exhibitors":[{"id":"x","type":"shell","area":9},{"id":"y","type":"shell","area":9}],
		"locks":[{"exhibitor":"x","booths":["A-1"]}]}`, []string{`"A-1" is sold for "y", not for "x"`}},
	{"bad type and status", `{"halls":[{"id":"A"}],"booths":[
		{"code":"A-1","hall":"A","x":0,"y":0,"w":3,"h":3,"type":"tent","status":"gone"}],"exhibitors":[]}`,
		[]string{`"tent"`, `"gone"`}},
	{"unknown hall", `{"halls":[{"id":"A"}],"booths":[
		{"code":"B-1","hall":"B","x":0,"y":0,"w":3,"h":3,"type":"shell"}],"exhibitors":[]}`, []string{`booth "B-1": unknown hall "B"`}},
	{"bad size", `{"halls":[{"id":"A"}],"booths":[
		{"code":"A-1","hall":"A","x":0,"y":0,"w":-3,"h":3,"type":"shell"}],"exhibitors":[]}`, []string{`booth "A-1": rectangle`}},
	{"unknown competitor", `{` + okHead + `,"exhibitors":[{"id":"x","type":"shell","area":9,"competitors":["nobody"]}]}`,
		[]string{`competitor "nobody"`}},
	{"too many preferences", `{` + okHead + `,"exhibitors":[{"id":"x","type":"shell","area":9,"preferred":["A-1","A-2","A-1","A-2"]}]}`,
		[]string{"at most 3"}},
	{"bad adjacency", `{` + okHead + `,"exhibitors":[],"adjacency":[["A-1","Q-5"]]}`, []string{`"Q-5"`}},
	{"bad options", `{` + okHead + `,"exhibitors":[],"options":{"area_tolerance":0.5}}`, []string{"area_tolerance"}},
}

func TestParseRejects(t *testing.T) {
	for _, c := range badFiles {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(c.json))
			if err == nil {
				t.Fatal("Parse accepted the file")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestParseReportsAllIssues(t *testing.T) {
	_, err := Parse(strings.NewReader(`{"halls":[{"id":"A"}],"booths":[
		{"code":"A-1","hall":"A","x":0,"y":0,"w":3,"h":3,"type":"shell"}],
		"exhibitors":[{"id":"x","type":"shell","area":9,"preferred":["N-1"]},{"id":"y","type":"hut","area":9}]}`))
	if err == nil || !strings.Contains(err.Error(), `"N-1"`) || !strings.Contains(err.Error(), `"hut"`) {
		t.Fatalf("want both issues in one error, got %v", err)
	}
}
