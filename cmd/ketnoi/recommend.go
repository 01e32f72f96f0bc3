package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

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
	fs := flag.NewFlagSet("recommend", flag.ContinueOnError)
	fs.SetOutput(stderr)
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
	input, err := readRecommendInput(*in)
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
	return writeRecommendJSON(*out, stdout, result)
}

func readRecommendInput(path string) (*recommend.Input, error) {
	r := io.Reader(os.Stdin)
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("recommend: %w", err)
		}
		defer f.Close()
		r = f
	}
	input, err := recommend.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("recommend: %s: %w", path, err)
	}
	return input, nil
}

// writeRecommendJSON writes v indented to path, or to stdout when path is empty. The
// file is written whole or not at all.
func writeRecommendJSON(path string, stdout io.Writer, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("recommend: encode output: %w", err)
	}
	data = append(data, '\n')
	if path == "" {
		_, err = stdout.Write(data)
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("recommend: write output: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("recommend: write output: %w", err)
	}
	return nil
}
