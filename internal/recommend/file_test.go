package recommend

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestParseErrorsNameTheEntry(t *testing.T) {
	valid := `{"participants":[{"id":"a","kind":"enterprise","country":"VN","sectors":["robotics"]},
	 {"id":"b","kind":"institute","country":"KR","sectors":[]}],
	 "cards":[{"id":"c1","owner":"a","kind":"need","title":{"vi":"Robot hàn"},"sectors":["robotics"]}]}`
	if _, err := Parse(strings.NewReader(valid)); err != nil {
		t.Fatalf("valid input rejected: %v", err)
	}
	for name, tc := range map[string]struct{ in, want string }{
		"syntax":          {`{"participants": [}`, "line 1, column"},
		"syntax line":     {"{\n\"participants\": [\n  {\"id\": }\n]}", "line 3"},
		"unknown field":   {`{"participants":[],"cards":[],"extra":1}`, `unknown field "extra"`},
		"wrong type":      {`{"participants":[{"id":5}]}`, "line 1"},
		"bad kind":        {`{"participants":[{"id":"a","kind":"company","country":"VN"}]}`, `participant 1 ("a"): kind "company"`},
		"bad country":     {`{"participants":[{"id":"a","kind":"startup","country":"Vietnam"}]}`, `participant 1 ("a"): country`},
		"bad sector":      {`{"participants":[{"id":"a","kind":"startup","country":"VN","sectors":["mining"]}]}`, `participant 1 ("a"): sectors: "mining"`},
		"bad interest":    {`{"participants":[{"id":"a","kind":"startup","country":"VN","interests":["x"]}]}`, `interests: "x"`},
		"duplicate":       {`{"participants":[{"id":"a","kind":"startup","country":"VN"},{"id":"a","kind":"startup","country":"VN"}]}`, `participant 2: id "a" appears twice`},
		"unknown owner":   {`{"participants":[],"cards":[{"id":"c","owner":"z","kind":"offer","title":{"en":"x"}}]}`, `card 1 ("c"): owner "z" is not a participant`},
		"empty title":     {`{"participants":[{"id":"a","kind":"startup","country":"VN"}],"cards":[{"id":"c","owner":"a","kind":"offer","title":{}}]}`, `card 1 ("c"): title is empty`},
		"bad trl":         {`{"participants":[{"id":"a","kind":"startup","country":"VN"}],"cards":[{"id":"c","owner":"a","kind":"research_result","title":{"en":"x"},"trl":12}]}`, `card 1 ("c"): trl 12`},
		"bad card kind":   {`{"participants":[{"id":"a","kind":"startup","country":"VN"}],"cards":[{"id":"c","owner":"a","kind":"ad","title":{"en":"x"}}]}`, `card 1 ("c"): kind "ad"`},
		"bad grade":       {`{"participants":[{"id":"a","kind":"startup","country":"VN"}],"judgments":[{"participant":"a","relevant":{"a":3}}]}`, `judgment 1 ("a"): grade 3`},
		"judged stranger": {`{"participants":[],"judgments":[{"participant":"q","relevant":{}}]}`, `judgment 1: participant "q"`},
		"trailing data":   {`{"participants":[]} {}`, "after the top-level object"},
		"empty id":        {`{"participants":[{"id":" ","kind":"startup","country":"VN"}]}`, `participant 1 (" "): id: is empty`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestRecommendOutputsEveryParticipantInItsLanguage(t *testing.T) {
	ps, cs := smallWorld()
	out, err := Recommend(&Input{Participants: ps, Cards: cs}, 3, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Recommendations) != len(ps) || out.Top != 3 {
		t.Fatalf("%d participants in output, top %d", len(out.Recommendations), out.Top)
	}
	byID := map[string]ParticipantRecs{}
	for _, r := range out.Recommendations {
		byID[r.Participant] = r
		if len(r.Partners) > 3 {
			t.Errorf("%s has %d partners, want at most 3", r.Participant, len(r.Partners))
		}
	}
	if byID["bd-furniture"].Lang != EN || byID["kr-agv"].Lang != VI {
		t.Errorf("languages: %s, %s; want en (declared) and vi (default)", byID["bd-furniture"].Lang, byID["kr-agv"].Lang)
	}
	// kr-agv reads in Vietnamese: its offer answers the furniture maker's need.
	found := false
	for _, p := range byID["kr-agv"].Partners {
		for _, r := range p.Reasons {
			if strings.Contains(r.Text, `của bạn đáp ứng nhu cầu "Tự động hóa kho hàng" của họ`) {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("kr-agv's Vietnamese reasons lack the answered need: %+v", byID["kr-agv"].Partners)
	}
	if _, err := Recommend(&Input{Participants: ps, Cards: cs}, 0, EN); err == nil {
		t.Error("top 0 accepted")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"participants":[{"id":"a","kind":"enterprise","country":"VN","sectors":["robotics"],"interests":["ai"]},{"id":"b","kind":"startup","country":"KR","sectors":["ai"]}],"cards":[{"id":"c","owner":"a","kind":"need","title":{"vi":"Robot hàn"},"sectors":["robotics"]},{"id":"d","owner":"b","kind":"offer","title":{"ko":"용접 로봇"},"body":{"en":"welding robot"},"sectors":["robotics"]}]}`))
	f.Add([]byte(`{"participants":[],"cards":[]}`))
	f.Add([]byte(`{"participants":[{"id":"a"`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"cards":[{"id":"c","owner":"a","kind":"offer","title":{"en":"x"},"trl":-1}]}`))
	if data, err := os.ReadFile("testdata/eval.json"); err == nil {
		var in Input
		if json.Unmarshal(data, &in) == nil && len(in.Cards) > 6 {
			in.Cards, in.Judgments = in.Cards[:6], nil
			small, _ := json.Marshal(in)
			f.Add(small)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := Parse(bytes.NewReader(data))
		if err != nil {
			if in != nil {
				t.Fatal("Parse returned both an input and an error")
			}
			return
		}
		if len(in.Participants) > 200 || len(in.Cards) > 200 {
			return
		}
		out, err := Recommend(in, 5, "")
		if err != nil {
			t.Fatalf("Recommend failed on valid input: %v", err)
		}
		for _, r := range out.Recommendations {
			for _, p := range r.Partners {
				if p.Partner == r.Participant {
					t.Fatalf("%s recommended to itself", p.Partner)
				}
			}
		}
	})
}
