package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ketnoi/internal/recommend"
)

func TestRecommendCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "recs.json")
	var stdout, stderr bytes.Buffer
	err := runRecommend(context.Background(), []string{"--in", "../../internal/recommend/testdata/eval.json", "--out", out, "--top", "3", "--lang", "ko"}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("recommend: %v (stderr %s)", err, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var res recommend.Output
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if res.Top != 3 || len(res.Recommendations) < 30 {
		t.Fatalf("top %d, %d participants", res.Top, len(res.Recommendations))
	}
	for _, r := range res.Recommendations {
		if r.Lang != recommend.KO || len(r.Partners) > 3 {
			t.Errorf("%s: lang %s, %d partners", r.Participant, r.Lang, len(r.Partners))
		}
	}
	if !strings.Contains(string(data), "귀사의") {
		t.Error("no Korean reason in the output")
	}
}

func TestRecommendCommandErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"participants":[{"id":"a","kind":"enterprise","country":"VN"}],"cards":[{"id":"c9","owner":"zz","kind":"offer","title":{"en":"x"}}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "--in is required"},
		{[]string{"--in", bad}, `card 1 ("c9"): owner "zz"`},
		{[]string{"--in", filepath.Join(dir, "missing.json")}, "no such file"},
		{[]string{"--in", bad, "--lang", "fr"}, `--lang "fr"`},
		{[]string{"--in", bad, "--top", "0"}, "--top must be"},
	} {
		var stdout, stderr bytes.Buffer
		err := runRecommend(context.Background(), tc.args, &stdout, &stderr)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.args, err, tc.want)
		}
	}
}
