package schedule

import (
	"context"
	"errors"
	"strings"
	"testing"
)

const goodProblem = `{
  "objective": "idle",
  "slots": [{"id": "d1-0900", "day": "2026-03-10", "start": "09:00", "end": "09:30", "session": "d1-am"},
            {"id": "d1-0930", "day": "2026-03-10", "start": "09:30", "end": "10:00", "session": "d1-am"}],
  "locations": [{"id": "T01", "capacity": 1}, {"id": "booth-A-101", "capacity": 1}],
  "participants": [{"id": "p1", "unavailable": ["d1-0900"]}, {"id": "p2"}],
  "meetings": [{"id": "m1", "with": ["p1", "p2"], "weight": 3,
                "locations": ["booth-A-101"], "slots": ["d1-0900", "d1-0930"],
                "fixed": {"slot": "d1-0930", "location": "booth-A-101"}}]
}`

func TestParseGood(t *testing.T) {
	p := mustParse(t, goodProblem)
	res, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Assignment{{Meeting: "m1", Slot: "d1-0930", Location: "booth-A-101"}}
	if len(res.Assignments) != 1 || res.Assignments[0] != want[0] || res.Objective.Weight != 3 {
		t.Errorf("got %+v", res)
	}
}

// TestParseBad feeds broken files; each error must name the offending entry.
func TestParseBad(t *testing.T) {
	slots := `"slots":[{"id":"s1"},{"id":"s2"}]`
	locs := `"locations":[{"id":"T1"}]`
	parts := `"participants":[{"id":"p1"},{"id":"p2"},{"id":"p3"}]`
	tests := map[string]struct{ in, want string }{
		"not json":          {`{"slots": [`, "read schedule problem"},
		"wrong type":        {`{"slots": [{"id": 5}]}`, `"slots.id"`},
		"trailing data":     {`{"slots":[]} {}`, "unexpected data"},
		"bad objective":     {`{"objective":"fast",` + slots + `,` + locs + `,` + parts + `,"meetings":[]}`, `objective "fast"`},
		"no slots":          {`{` + locs + `,` + parts + `,"meetings":[]}`, "no slots"},
		"duplicate slot":    {`{"slots":[{"id":"s1"},{"id":"s1"}],` + locs + `,` + parts + `,"meetings":[]}`, `slot "s1" is listed twice`},
		"bad time":          {`{"slots":[{"id":"s1","start":"9h","end":"10:00"}],` + locs + `,` + parts + `,"meetings":[]}`, `slot "s1": start "9h"`},
		"end before start":  {`{"slots":[{"id":"s1","start":"10:00","end":"09:00"}],` + locs + `,` + parts + `,"meetings":[]}`, `slot "s1": ends`},
		"duplicate loc":     {`{` + slots + `,"locations":[{"id":"T1"},{"id":"T1"}],` + parts + `,"meetings":[]}`, `location "T1" is listed twice`},
		"negative capacity": {`{` + slots + `,"locations":[{"id":"T1","capacity":-1}],` + parts + `,"meetings":[]}`, `location "T1" has a negative capacity`},
		"duplicate person":  {`{` + slots + `,` + locs + `,"participants":[{"id":"p1"},{"id":"p1"}],"meetings":[]}`, `participant "p1" is listed twice`},
		"unknown unavail":   {`{` + slots + `,` + locs + `,"participants":[{"id":"p1","unavailable":["s9"]}],"meetings":[]}`, `participant "p1": unavailable slot "s9"`},
		"duplicate meeting": {`{` + slots + `,` + locs + `,` + parts + `,"meetings":[{"id":"m1","with":["p1","p2"]},{"id":"m1","with":["p1","p3"]}]}`, `meeting "m1" is listed twice`},
		"one participant":   {`{` + slots + `,` + locs + `,` + parts + `,"meetings":[{"id":"m1","with":["p1"]}]}`, `meeting "m1" must be with two or more`},
		"unknown person":    {`{` + slots + `,` + locs + `,` + parts + `,"meetings":[{"id":"m1","with":["p1","p9"]}]}`, `meeting "m1": participant "p9"`},
		"same person twice": {`{` + slots + `,` + locs + `,` + parts + `,"meetings":[{"id":"m1","with":["p1","p1"]}]}`, `meeting "m1" lists participant "p1" twice`},
		"negative weight":   {`{` + slots + `,` + locs + `,` + parts + `,"meetings":[{"id":"m1","with":["p1","p2"],"weight":-2}]}`, `meeting "m1" has a negative weight`},
		"unknown location":  {`{` + slots + `,` + locs + `,` + parts + `,"meetings":[{"id":"m1","with":["p1","p2"],"locations":["X"]}]}`, `meeting "m1": location "X"`},
		"unknown slot":      {`{` + slots + `,` + locs + `,` + parts + `,"meetings":[{"id":"m1","with":["p1","p2"],"slots":["s9"]}]}`, `meeting "m1": slot "s9"`},
		"fixed unknown":     {`{` + slots + `,` + locs + `,` + parts + `,"meetings":[{"id":"m1","with":["p1","p2"],"fixed":{"slot":"s9"}}]}`, `meeting "m1": fixed slot "s9"`},
		"fixed outside":     {`{` + slots + `,` + locs + `,` + parts + `,"meetings":[{"id":"m1","with":["p1","p2"],"slots":["s1"],"fixed":{"slot":"s2"}}]}`, `fixed slot "s2" is not one of its slots`},
		"fixed bad loc":     {`{` + slots + `,"locations":[{"id":"T1"},{"id":"T2"}],` + parts + `,"meetings":[{"id":"m1","with":["p1","p2"],"locations":["T1"],"fixed":{"slot":"s2","location":"T2"}}]}`, `fixed location "T2" is not one of its locations`},
		"fixed unavailable": {`{` + slots + `,` + locs + `,"participants":[{"id":"p1","unavailable":["s1"]},{"id":"p2"}],"meetings":[{"id":"m1","with":["p1","p2"],"fixed":{"slot":"s1"}}]}`, `meeting "m1" is fixed in slot "s1" where participant "p1" is unavailable`},
		"fixed collision":   {`{` + slots + `,"locations":[{"id":"T1"},{"id":"T2"}],` + parts + `,"meetings":[{"id":"m1","with":["p1","p2"],"fixed":{"slot":"s1"}},{"id":"m2","with":["p1","p3"],"fixed":{"slot":"s1"}}]}`, `fixed meetings "m1" and "m2" both need participant "p1" in slot "s1"`},
		"fixed share p3":    {`{` + slots + `,` + locs + `,` + parts + `,"meetings":[{"id":"m1","with":["p1","p2"],"fixed":{"slot":"s1"}},{"id":"m2","with":["p3","p2"],"fixed":{"slot":"s2"}},{"id":"m3","with":["p1","p3"],"fixed":{"slot":"s2"}}]}`, `both need participant "p3" in slot "s2"`},
		"fixed same table":  {`{` + slots + `,"locations":[{"id":"T1"},{"id":"T2"}],"participants":[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"d"}],"meetings":[{"id":"m1","with":["a","b"],"fixed":{"slot":"s1","location":"T1"}},{"id":"m2","with":["c","d"],"fixed":{"slot":"s1","location":"T1"}}]}`, `fixed meeting "m2" finds no free location in slot "s1" (taken by fixed meetings "m1")`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.in))
			if err == nil {
				t.Fatalf("no error for %s", tc.in)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
		})
	}
}

func TestValidationErrorListsAll(t *testing.T) {
	_, err := Parse(strings.NewReader(`{"slots":[{"id":"s1"},{"id":"s1"}],"locations":[{"id":"T1"}],
	  "participants":[{"id":"p1"}],"meetings":[{"id":"m1","with":["p1","p7"]}]}`))
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 2 {
		t.Fatalf("want a ValidationError with 2 problems, got %v", err)
	}
}

func TestEvaluateRejectsBrokenRules(t *testing.T) {
	p := mustParse(t, goodProblem)
	cases := map[string][]Assignment{
		"fixed moved":     {{Meeting: "m1", Slot: "d1-0930", Location: "T01"}},
		"unavailable":     {{Meeting: "m1", Slot: "d1-0900", Location: "booth-A-101"}},
		"unknown meeting": {{Meeting: "m9", Slot: "d1-0930", Location: "T01"}},
		"not scheduled":   {},
		"twice":           {{Meeting: "m1", Slot: "d1-0930", Location: "booth-A-101"}, {Meeting: "m1", Slot: "d1-0930", Location: "booth-A-101"}},
	}
	for name, as := range cases {
		if _, err := Evaluate(p, as); err == nil {
			t.Errorf("%s: Evaluate accepted %+v", name, as)
		}
	}
	q := mustParse(t, `{"slots":[{"id":"s1"}],"locations":[{"id":"T1"},{"id":"T2"}],
	  "participants":[{"id":"a"},{"id":"b"},{"id":"c"}],
	  "meetings":[{"id":"m1","with":["a","b"]},{"id":"m2","with":["a","c"]},{"id":"m3","with":["b","c"]}]}`)
	if _, err := Evaluate(q, []Assignment{{"m1", "s1", "T1"}, {"m2", "s1", "T2"}}); err == nil || !strings.Contains(err.Error(), `participant "a"`) {
		t.Errorf("double booking: %v", err)
	}
	if _, err := Evaluate(q, []Assignment{{"m1", "s1", "T1"}, {"m3", "s1", "T1"}}); err == nil {
		t.Error("double booking of b and of T1 accepted")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(goodProblem)
	f.Add(`{"slots":[{"id":"s1"}],"locations":[{"id":"T1"}],"participants":[{"id":"a"},{"id":"b"}],"meetings":[{"id":"m","with":["a","b"],"fixed":{"slot":"s1"}}]}`)
	f.Add(`{"objective":"breaks","slots":[{"id":"s1","session":"x"},{"id":"s2","session":"x"}],"locations":[{"id":"T1","capacity":2}],"participants":[{"id":"a"},{"id":"b"},{"id":"c"}],"meetings":[{"id":"m","with":["a","b","c"]},{"id":"n","with":["a","c"],"locations":["T1"]}]}`)
	f.Add(`{"slots": [`)
	f.Fuzz(func(t *testing.T, in string) {
		p, err := Parse(strings.NewReader(in))
		if err != nil {
			return
		}
		if len(p.Meetings) > 200 || len(p.Slots) > 200 {
			return
		}
		res, err := Solve(context.Background(), p, Options{Seed: 1, Iterations: 200})
		if err != nil {
			t.Fatalf("valid problem not solved: %v", err)
		}
		if _, err := Evaluate(p, res.Assignments); err != nil {
			t.Fatalf("solution breaks a rule: %v", err)
		}
	})
}
