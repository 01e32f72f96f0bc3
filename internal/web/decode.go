package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"ketnoi/internal/apperr"
)

// decodeJSON reads one JSON object into dst, refusing unknown fields,
// wrong types, trailing data and bodies over the limit, each with a message
// that says what was wrong.
func decodeJSON(r *http.Request, dst any) error {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		return &apperr.Error{Code: apperr.Invalid, Message: "The body must be JSON, sent with Content-Type: application/json."}
	}
	return DecodeJSON(r.Body, dst)
}

// DecodeJSON is the API's strict JSON reader, exported for the fuzz test.
func DecodeJSON(body io.Reader, dst any) error {
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonError(err)
	}
	if dec.More() {
		return apperr.Errorf(apperr.Invalid, "The body must hold a single JSON object.")
	}
	if _, err := dec.Token(); err != io.EOF {
		return apperr.Errorf(apperr.Invalid, "The body must hold a single JSON object.")
	}
	return nil
}

func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		return &apperr.Error{Code: apperr.TooLarge, Message: fmt.Sprintf("The body is larger than %d bytes.", mb.Limit)}
	case errors.As(err, &syn):
		return apperr.Errorf(apperr.Invalid, "The body is not valid JSON (at byte %d).", syn.Offset)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "body"
		}
		return &apperr.Error{Code: apperr.Invalid, Message: "A field has the wrong type.",
			Fields: map[string]string{field: "must be " + jsonKind(typ.Type.Kind())}}
	case errors.Is(err, io.EOF):
		return apperr.Errorf(apperr.Invalid, "The body is empty.")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return apperr.Errorf(apperr.Invalid, "The body ends in the middle of the JSON.")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return &apperr.Error{Code: apperr.Invalid, Message: "The body has a field this endpoint does not know.",
			Fields: map[string]string{name: "is not a known field"}}
	}
	return apperr.Wrap(apperr.Invalid, err, "The body could not be read as JSON.")
}

// writeJSON answers with a JSON document.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, err = w.Write(append(b, '\n'))
	return err
}

// paging reads offset and limit (1–200, default 50) from the query.
func paging(r *http.Request) (offset, limit int, err error) {
	q := r.URL.Query()
	offset, limit = 0, 50
	f := apperr.Fields{}
	if s := q.Get("offset"); s != "" {
		if offset, err = strconv.Atoi(s); err != nil || offset < 0 || offset > 1_000_000 {
			f.Add("offset", "must be a whole number from 0")
		}
	}
	if s := q.Get("limit"); s != "" {
		if limit, err = strconv.Atoi(s); err != nil || limit < 1 || limit > 200 {
			f.Add("limit", "must be a whole number from 1 to 200")
		}
	}
	return offset, limit, f.Err()
}

// List is a page of results.
type List[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

func list[T any](items []T, total, offset, limit int) List[T] {
	if items == nil {
		items = []T{}
	}
	return List[T]{Items: items, Total: total, Offset: offset, Limit: limit}
}

// jsonKind names a Go kind as a JSON reader would say it.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "an object"
}
