package recommend

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Input is the file `ketnoi recommend` reads (see docs/recommend.md).
type Input struct {
	Participants []Participant `json:"participants"`
	Cards        []Card        `json:"cards"`
	// Judgments are an expert's expected partners, used only to evaluate
	// the recommender (testdata/eval.json); the command ignores them.
	Judgments []Judgment `json:"judgments,omitempty"`
}

// Judgment grades partners for one participant: 2 a partner the expert
// would introduce first, 1 a useful one; partners not listed count as 0.
type Judgment struct {
	Participant string         `json:"participant"`
	Relevant    map[string]int `json:"relevant"`
}

// Output is the file `ketnoi recommend` writes.
type Output struct {
	Top             int               `json:"top"`
	Recommendations []ParticipantRecs `json:"recommendations"`
}

// ParticipantRecs are one participant's partners.
type ParticipantRecs struct {
	Participant string           `json:"participant"`
	Lang        Lang             `json:"lang"`
	Partners    []Recommendation `json:"partners"`
}

// maxInput bounds what Parse reads, so a runaway file fails cleanly.
const maxInput = 256 << 20

// Parse reads and validates an input file. Every error names the entry at
// fault: "card 12 ("c-agv"): owner "x" is not a participant".
func Parse(r io.Reader) (*Input, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, fmt.Errorf("read input: %w", err)
	}
	if len(data) > maxInput {
		return nil, fmt.Errorf("input is larger than %d MiB", maxInput>>20)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var in Input
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("decode input: %w", locate(data, err))
	}
	if dec.More() {
		return nil, fmt.Errorf("decode input: unexpected data after the top-level object")
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	return &in, nil
}

// locate adds the line and column to a JSON error that carries an offset.
func locate(data []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 || off > int64(len(data)) {
		return err
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Errorf("line %d, column %d: %w", line, col, err)
}

// Validate checks every entry and the references between them.
func (in *Input) Validate() error {
	parts := map[string]bool{}
	for i := range in.Participants {
		p := &in.Participants[i]
		if err := p.Validate(); err != nil {
			return fmt.Errorf("participant %d (%q): %w", i+1, p.ID, err)
		}
		if parts[p.ID] {
			return fmt.Errorf("participant %d: id %q appears twice", i+1, p.ID)
		}
		parts[p.ID] = true
	}
	cards := map[string]bool{}
	for i := range in.Cards {
		c := &in.Cards[i]
		if err := c.Validate(); err != nil {
			return fmt.Errorf("card %d (%q): %w", i+1, c.ID, err)
		}
		if !parts[c.Owner] {
			return fmt.Errorf("card %d (%q): owner %q is not a participant", i+1, c.ID, c.Owner)
		}
		if cards[c.ID] {
			return fmt.Errorf("card %d: id %q appears twice", i+1, c.ID)
		}
		cards[c.ID] = true
	}
	for i, j := range in.Judgments {
		if !parts[j.Participant] {
			return fmt.Errorf("judgment %d: participant %q is not a participant", i+1, j.Participant)
		}
		for id, g := range j.Relevant {
			if !parts[id] {
				return fmt.Errorf("judgment %d (%q): partner %q is not a participant", i+1, j.Participant, id)
			}
			if g < 0 || g > 2 {
				return fmt.Errorf("judgment %d (%q): grade %d for %q is outside 0–2", i+1, j.Participant, g, id)
			}
		}
	}
	return nil
}

// Recommend computes every participant's top partners. lang forces the
// language of the reasons; empty means each participant's own (Vietnamese
// when it has none).
func Recommend(in *Input, top int, lang Lang) (*Output, error) {
	if top <= 0 {
		return nil, fmt.Errorf("top must be positive, got %d", top)
	}
	ix, err := NewIndex(in.Participants, in.Cards, Options{TopN: top})
	if err != nil {
		return nil, err
	}
	out := &Output{Top: top, Recommendations: make([]ParticipantRecs, 0, len(in.Participants))}
	for _, p := range in.Participants {
		l := lang
		if l == "" {
			l = p.Lang
		}
		if l == "" {
			l = VI
		}
		recs, err := ix.Top(p.ID, top, l)
		if err != nil {
			return nil, fmt.Errorf("participant %q: %w", p.ID, err)
		}
		out.Recommendations = append(out.Recommendations, ParticipantRecs{Participant: p.ID, Lang: l, Partners: recs})
	}
	return out, nil
}
