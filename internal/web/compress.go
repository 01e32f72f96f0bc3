package web

import (
	"fmt"
	"net/http"

	"github.com/klauspost/compress/gzhttp"
)

// compressedTypes are the text answers worth compressing: pages, the floor
// plan's SVG, the API's JSON, exports in CSV and iCalendar. PDF, XLSX and
// PNG are compressed already.
var compressedTypes = []string{
	"text/html", "text/css", "text/javascript", "text/csv", "text/calendar",
	"image/svg+xml", "application/json", "application/problem+json", "application/manifest+json",
}

// compressor returns a middleware that gzips (or zstd-compresses) text
// answers for clients that accept it. A hall plan of 500 booths or the
// organizer's table plan for a slot is hundreds of kilobytes of repetitive
// markup, read on a fair's crowded Wi-Fi or a phone's data; compressed it
// is a tenth of that. Answers under 1 kB go as they are. Pages carry a
// CSRF token next to text the visitor typed, so a few random bytes, chosen
// from the content, blur the compressed length against guessing the token
// byte by byte (BREACH). Event streams are not among compressedTypes: they
// go as they are, each event reaching the browser as it is written.
func compressor() (func(http.Handler) http.Handler, error) {
	wrap, err := gzhttp.NewWrapper(
		gzhttp.ContentTypes(compressedTypes),
		gzhttp.MinSize(1024),
		gzhttp.RandomJitter(32, 0, false),
	)
	if err != nil {
		return nil, fmt.Errorf("compression: %w", err)
	}
	return func(next http.Handler) http.Handler { return wrap(next) }, nil
}
