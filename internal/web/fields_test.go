package web_test

import (
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ketnoi/internal/i18n"
)

// fieldMessage finds the field messages written in the code: f["name"] =
// "is required", fields.Add("name", "…"), apperr.Fields{"name": "…"}
// (a message has a space: a value without one is a catalogue key), and
// the text of one that ends with a value ("…: " + code, or fmt.Sprintf's
// "…: %d").
var fieldMessage = regexp.MustCompile(`\b\w+\["([a-z_0-9.]+)"\]\s*=\s*"([^"]* [^"]*)"|\b\w+\.Add\("([a-z_0-9.]+)",\s*"([^"]* [^"]*)"\)|Fields\{"([a-z_0-9.]+)":\s*"([^"]* [^"]*)"\}|Fields\{"([a-z_0-9.]+)":\s*(?:fmt\.Sprintf\()?"([^"]* [^"]*): (?:%[a-z]|" \+)`)

// conflictMessage finds the reasons the error page shows: for refusing an
// action, for a page that is not there (a store's errNotFound("Event")
// says "Event not found."), for a request not allowed.
var conflictMessage = regexp.MustCompile(`apperr\.Errorf\(apperr\.(?:Conflict|NotFound|Forbidden|TooMany|Unauthorized), "([^"%]+)"\)|errNotFound\("([^"]+)"\)`)

// apiOnly are files whose field messages only the JSON API answers, in
// English like the rest of its problem details.
var apiOnly = map[string]bool{"web/api.go": true, "web/decode.go": true, "web/meeting_api.go": true, "web/outcome_api.go": true}

// TestFieldMessagesAreTranslated: every field message a form can show has
// its Vietnamese and Korean text, under the key translateFields looks up,
// so that a form refused in Vietnamese does not explain itself in English;
// so has every reason for refusing an action (the error page's message).
func TestFieldMessagesAreTranslated(t *testing.T) {
	cat, err := i18n.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	seen, conflicts := 0, 0
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, ".."+string(filepath.Separator)))
		if apiOnly[rel] {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range fieldMessage.FindAllStringSubmatch(string(src), -1) {
			var parts []string
			for _, g := range m[1:] {
				if g != "" {
					parts = append(parts, g)
				}
			}
			key := "field." + parts[0] + "." + parts[1]
			seen++
			for _, lang := range []i18n.Lang{i18n.VI, i18n.KO} {
				if !cat.Has(lang, key) {
					t.Errorf("%s: %q has no %s text (add it to locales/*/fields.json)", rel, key, lang)
				}
			}
		}
		for _, m := range conflictMessage.FindAllStringSubmatch(string(src), -1) {
			key := "error.msg." + m[1]
			if m[2] != "" {
				key = "error.msg." + m[2] + " not found."
			}
			conflicts++
			for _, lang := range i18n.Langs {
				if !cat.Has(lang, key) {
					t.Errorf("%s: %q has no %s text (add it to locales/*/errors.json)", rel, key, lang)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 100 || conflicts < 20 {
		t.Fatalf("found only %d field messages and %d refusals in the code: the patterns have stopped matching it", seen, conflicts)
	}
}

// TestRefusedFormSpeaksTheReadersLanguage: a card refused for a research
// result without its readiness level says so beside the field, in
// Vietnamese, with what was typed kept.
func TestRefusedFormSpeaksTheReadersLanguage(t *testing.T) {
	f := mustFixture(t, "sqlite")
	resp := f.do(xadmin, "POST", "/market/orgs/"+itoa(f.orgA)+"/cards", "application/x-www-form-urlencoded",
		"kind=research_result&status=published&title_vi=K%E1%BA%BFt+qu%E1%BA%A3+m%E1%BB%9Bi&sectors=agv_amr")
	page := readAll(t, resp)
	if resp.StatusCode != 422 || !strings.Contains(page, "mức sẵn sàng công nghệ (TRL) từ 1 đến 9") || strings.Contains(page, "must be a readiness level") {
		t.Fatalf("refused card: %d, want the TRL message in Vietnamese:\n%s", resp.StatusCode, page)
	}
	if !strings.Contains(page, `value="Kết quả mới"`) {
		t.Error("the refused form lost the title typed")
	}
}

// TestRefusedMeetingChangeSpeaksTheReadersLanguage: answering a request
// twice (a second tab, a double tap) is refused with the reason in the
// reader's language, the meeting's status named as the pages name it.
func TestRefusedMeetingChangeSpeaksTheReadersLanguage(t *testing.T) {
	f := mustFixture(t, "sqlite")
	accept := "/events/" + itoa(f.eventID) + "/meetings/" + itoa(f.ids["meeting"]) + "/accept"
	if resp := f.do(xadmin, "POST", accept, "application/x-www-form-urlencoded", ""); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("accept: %d", resp.StatusCode)
	}
	resp := f.do(xadmin, "POST", accept, "application/x-www-form-urlencoded", "")
	page := readAll(t, resp)
	if want := `id="error-message">Không thể chấp nhận cuộc gặp này lúc này (trạng thái: Đã chấp nhận, chờ xếp lịch).<`; resp.StatusCode != http.StatusConflict || !strings.Contains(page, want) {
		t.Fatalf("second accept: %d, want %s in\n%s", resp.StatusCode, want, page)
	}
}

// TestImportMessagesAreTranslated: every problem a floor plan import can
// report (exhibit's e.add formats) has its Vietnamese and Korean text.
func TestImportMessagesAreTranslated(t *testing.T) {
	cat, err := i18n.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join("..", "exhibit", "layout.go"))
	if err != nil {
		t.Fatal(err)
	}
	formats := regexp.MustCompile(`\be\.add\((?:"[^"]*"|[\w.]+),\s*(?:"[^"]*"|[\w.]+),\s*"([^"]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(formats) < 15 {
		t.Fatalf("found only %d import messages: the pattern has stopped matching", len(formats))
	}
	for _, m := range formats {
		if m[1] == "%s" { // a message made elsewhere, passed through
			continue
		}
		for _, lang := range []i18n.Lang{i18n.VI, i18n.KO} {
			if !cat.Has(lang, "floor.import.msg."+m[1]) {
				t.Errorf("import message %q has no %s text (add it to locales/*/floor.json)", m[1], lang)
			}
		}
	}
}
