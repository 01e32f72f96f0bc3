package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// parseFile opens path ("-" for standard input) and parses it; cmd names
// the subcommand in errors. The pure-algorithm commands all read this way.
func parseFile[T any](cmd, path string, parse func(io.Reader) (T, error)) (T, error) {
	var zero T
	r := io.Reader(os.Stdin)
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return zero, fmt.Errorf("%s: %w", cmd, err)
		}
		defer f.Close()
		r = f
	}
	v, err := parse(r)
	if err != nil {
		return zero, fmt.Errorf("%s %s: %w", cmd, path, err)
	}
	return v, nil
}

// writeJSONFile writes v indented to path, or to stdout for "" and "-".
// The file is written then renamed, so a failure never leaves half a file.
func writeJSONFile(cmd, path string, stdout io.Writer, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("%s: encode: %w", cmd, err)
	}
	data = append(data, '\n')
	if path == "" || path == "-" {
		_, err = stdout.Write(data)
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("%s: write %s: %w", cmd, path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: write %s: %w", cmd, path, err)
	}
	return nil
}
