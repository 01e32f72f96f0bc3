package web

import (
	"bytes"
	"fmt"
	"net/http"

	"ketnoi/internal/apperr"
	"ketnoi/internal/store"
)

// bufferWriter holds a response so that it can be stored before it is sent.
type bufferWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferWriter) Header() http.Header         { return b.header }
func (b *bufferWriter) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *bufferWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

// idempotent makes an API create safe to retry: with an Idempotency-Key
// header, the first successful answer is stored and every retry with the
// same key gets it again instead of creating a second record.
func (s *Server) idempotent(w http.ResponseWriter, r *http.Request, h handlerFunc) error {
	key := r.Header.Get("Idempotency-Key")
	v := viewerOf(r)
	if key == "" || r.Method != http.MethodPost || !isAPI(r) {
		return h(w, r)
	}
	if len(key) > 128 {
		return apperr.Errorf(apperr.Invalid, "The Idempotency-Key header is longer than 128 characters.")
	}
	var person int64
	if v.signedIn() {
		person = v.person.ID
	}
	full := fmt.Sprintf("%d %s %s", person, r.URL.Path, key)
	if rep, ok, err := s.db.Replayed(r.Context(), full); err != nil {
		return err
	} else if ok {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Idempotent-Replayed", "true")
		w.WriteHeader(rep.Status)
		_, err := w.Write([]byte(rep.Body))
		return err
	}
	buf := &bufferWriter{header: w.Header()}
	if err := h(buf, r); err != nil {
		return err
	}
	if buf.status == 0 {
		buf.status = http.StatusOK
	}
	if buf.status < 300 {
		if err := s.db.Remember(r.Context(), full, person, store.Replay{Status: buf.status, Body: buf.body.String()}); err != nil {
			return err
		}
	}
	w.WriteHeader(buf.status)
	_, err := w.Write(buf.body.Bytes())
	return err
}
