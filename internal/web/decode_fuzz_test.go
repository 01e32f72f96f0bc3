package web

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/org"
	"ketnoi/internal/outcome"
)

// FuzzDecodeJSON feeds arbitrary bodies to the API's decoder and the
// validation behind each input: they may refuse, with a client error, but
// never panic or fail with anything a client would see as a 500.
func FuzzDecodeJSON(f *testing.F) {
	seeds := []string{
		`{}`, `{"slug":"expo","kind":"trade_fair","name":{"vi":"Triển lãm"},"venue_id":1,"start_date":"2027-03-10","end_date":"2027-03-12"}`,
		`{"code":"A-101","x_m":1.5,"w_m":3,"h_m":3,"type":"corner","price_vnd":30000000}`,
		`{"email":"a@b.vn","name":"An","password":"0123456789"}`, `{"sectors":["robotics",null]}`,
		`{"starts_at":"2027-03-10T09:00:00+07:00","speaker_ids":[1,2]}`, `[1,2]`, `"x"`, `{"name":{"ko":"\ud55c"}}`,
		`{"venue_id":1e400}`, `{"card_id":3,"kind":"pilot","value_vnd":1500000000,"note":"thử"}`, `{"value_vnd":-1}`, `{"a":` + strings.Repeat("[", 200), `{} {}`, ``, `nul`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		check := func(err error) {
			if err != nil && statusOf(err) >= 500 {
				t.Fatalf("server error for %q: %v", body, err)
			}
		}
		var ev EventInput
		if err := DecodeJSON(strings.NewReader(string(body)), &ev); err == nil {
			var e event.Event
			ev.apply(&e)
			check(e.Validate())
		} else {
			check(err)
		}
		var b BoothInput
		if err := DecodeJSON(strings.NewReader(string(body)), &b); err == nil {
			var bt event.Booth
			b.apply(&bt)
			check(bt.Validate())
		}
		var o OrgInput
		if err := DecodeJSON(strings.NewReader(string(body)), &o); err == nil {
			var og org.Organization
			o.apply(&og)
			check(validateOrg(&og))
		}
		var s SessionInput
		if err := DecodeJSON(strings.NewReader(string(body)), &s); err == nil {
			var ss event.Session
			s.apply(&ss)
			check(ss.Validate())
		}
		var su account.SignUp
		if err := DecodeJSON(strings.NewReader(string(body)), &su); err == nil {
			check(su.Validate())
		}
		var x ExhibitorInput
		if err := DecodeJSON(strings.NewReader(string(body)), &x); err == nil {
			check(x.validate())
		}
		var oc OutcomeInput
		if err := DecodeJSON(strings.NewReader(string(body)), &oc); err == nil {
			_, err := outcome.New(1, 2, oc.Kind, oc.Value, oc.Note)
			check(err)
		}
	})
}

func TestDecodeJSONLimitsBodies(t *testing.T) {
	r, _ := http.NewRequest("POST", "/", strings.NewReader(`{"name":"`+strings.Repeat("x", 100)+`"}`))
	r.Body = http.MaxBytesReader(nil, r.Body, 20)
	var v struct{ Name string }
	err := DecodeJSON(r.Body, &v)
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code != apperr.TooLarge || statusOf(err) != http.StatusRequestEntityTooLarge {
		t.Fatalf("got %v", err)
	}
}
