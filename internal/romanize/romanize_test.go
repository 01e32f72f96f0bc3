package romanize

import (
	"slices"
	"strings"
	"testing"
)

func TestSyllable(t *testing.T) {
	for r, want := range map[rune]string{'한': "han", '소': "so", '영': "yeong", '김': "gim", '박': "bak", '류': "ryu", '읽': "ik", '꽃': "kkot", '의': "ui"} {
		if got, ok := Syllable(r); !ok || got != want {
			t.Errorf("Syllable(%q) = %q, %v, want %q", r, got, ok, want)
		}
	}
	if _, ok := Syllable('A'); ok {
		t.Error("a Latin letter is a Hangul syllable")
	}
}

// TestName: a Korean name is found as people type it.
func TestName(t *testing.T) {
	for name, typed := range map[string][]string{
		"한소영":  {"han so yeong", "Han Soyeong", "so-yeong han"},
		"김민준":  {"kim min jun", "Gim Minjun", "Min-jun KIM"},
		"이지은":  {"lee ji eun", "Yi Jieun", "I Ji-eun"},
		"박서준":  {"park seo jun", "seojun park"},
		"최 우식": {"choi usik"},
		"정호연":  {"jung ho yeon", "jeong hoyeon"},
	} {
		got := Name(name)
		for _, q := range typed {
			if !slices.ContainsFunc(got, func(r string) bool { return strings.Contains(Loose(r), Loose(Squash(q))) }) {
				t.Errorf("%s is not found typing %q (its spellings: %v)", name, q, got)
			}
		}
	}
	// The spellings people choose for their given names, as the demo's
	// Korean guests write them in their email addresses.
	for name, typed := range map[string]string{"김소영": "kim soyoung", "박현우": "park hyunwoo", "이성민": "lee sungmin",
		"최지훈": "choi jihoon", "정시우": "jung siwoo", "강영호": "kang youngho", "조경수": "cho kyungsoo", "서준": "suh jun"} {
		if !slices.ContainsFunc(Name(name), func(r string) bool { return strings.Contains(Loose(r), Loose(Squash(typed))) }) {
			t.Errorf("%s is not found typing %q", name, typed)
		}
	}
	// Loosening does not make every name meet every other.
	if strings.Contains(Loose("gimminjun"), Loose(Squash("park seo jun"))) || Loose("hansoyeong") == Loose("hansuyeon") {
		t.Error("loose spellings meet where the names differ")
	}
	if Name("Nguyễn Văn An") != nil || Name("") != nil {
		t.Error("a name without Hangul has spellings")
	}
	if !HasHangul("Kim 민준") || HasHangul("Võ Thanh Tùng") {
		t.Error("HasHangul")
	}
}

// TestLooseName: the cached loose spellings are Name's, loosened, the
// same on every call.
func TestLooseName(t *testing.T) {
	want := Name("조경수")
	for i := range want {
		want[i] = Loose(want[i])
	}
	for range 2 {
		if got := LooseName("조경수"); !slices.Equal(got, want) {
			t.Fatalf("LooseName = %v, want %v", got, want)
		}
	}
	if LooseName("Nguyễn Văn An") != nil {
		t.Error("a name without Hangul has spellings")
	}
}

func BenchmarkName(b *testing.B) {
	for b.Loop() {
		Name("한소영")
	}
}
