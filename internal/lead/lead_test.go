package lead

import "testing"

// TestVisible: contact details only with consent, and never an address
// the platform made up for someone without one.
func TestVisible(t *testing.T) {
	r := Record{Name: "An", Email: "an@example.vn", Phone: "0912 345 678"}
	if l := Visible(r); l.Email != "" || l.Phone != "" {
		t.Errorf("without consent: %+v", l)
	}
	r.Consent = true
	if l := Visible(r); l.Email != "an@example.vn" || l.Phone != "0912 345 678" {
		t.Errorf("with consent: %+v", l)
	}
	r.Email = "walk-in-0a1b2c@walk-in.invalid"
	if l := Visible(r); l.Email != "" || l.Phone != "0912 345 678" {
		t.Errorf("a walk-in's made-up address: %+v", l)
	}
}

// TestEdit: a rating of 0 to 5 and a note of at most MaxNote bytes,
// trimmed; anything else names the field.
func TestEdit(t *testing.T) {
	if note, err := Edit(5, "  gọi lại  "); err != nil || note != "gọi lại" {
		t.Errorf("Edit(5) = %q, %v", note, err)
	}
	for _, c := range []struct {
		rating int
		note   string
	}{{-1, ""}, {6, ""}, {3, string(make([]byte, MaxNote+1))}} {
		if _, err := Edit(c.rating, c.note); err == nil {
			t.Errorf("Edit(%d, %d bytes) accepted", c.rating, len(c.note))
		}
	}
}
