package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"ketnoi/internal/recommend"
)

func init() {
	register(command{
		name:    "recommend",
		summary: "recommend partners from marketplace cards (JSON in, JSON out)",
		run:     runRecommend,
	})
}

// runRecommend reads participants and cards, and writes every participant's
// top partners with reasons. The format is in docs/recommend.md.
func runRecommend(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("recommend", stderr)
	in := fs.String("in", "", "input file with participants and cards (required; - for stdin)")
	out := fs.String("out", "", "output file (default: standard output)")
	top := fs.Int("top", 10, "partners per participant")
	lang := fs.String("lang", "", "language of the reasons: vi, en or ko (default: each participant's own)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" {
		fs.Usage()
		return errors.New("recommend: --in is required")
	}
	if *top <= 0 || *top > 1000 {
		return fmt.Errorf("recommend: --top must be between 1 and 1000, got %d", *top)
	}
	var l recommend.Lang
	if *lang != "" {
		var ok bool
		if l, ok = recommend.ParseLang(*lang); !ok {
			return fmt.Errorf("recommend: --lang %q is not vi, en or ko", *lang)
		}
	}
	input, err := parseFile("recommend", *in, recommend.Parse)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	result, err := recommend.Recommend(input, *top, l)
	if err != nil {
		return fmt.Errorf("recommend: %w", err)
	}
	return writeJSONFile("recommend", *out, stdout, result)
}
