package web_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// a11yProblems lists what a screen reader or a keyboard would stumble on in
// a page: no language on <html>, not exactly one <h1>, a form control
// without a label (a <label for>, a wrapping <label>, aria-label or
// aria-labelledby), an image without alt, a link or button with nothing to
// read, an id used twice.
func a11yProblems(page []byte) []string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return []string{"does not parse: " + err.Error()}
	}
	var out []string
	ids, labelled := map[string]int{}, map[string]bool{}
	h1 := 0
	var controls []*html.Node
	var walk func(n *html.Node, inLabel bool)
	walk = func(n *html.Node, inLabel bool) {
		if n.Type == html.ElementNode {
			if id := attr(n, "id"); id != "" {
				ids[id]++
			}
			switch n.Data {
			case "html":
				if attr(n, "lang") == "" {
					out = append(out, "<html> has no lang")
				}
			case "h1":
				h1++
			case "label":
				inLabel = true
				if f := attr(n, "for"); f != "" {
					labelled[f] = true
				}
			case "input", "select", "textarea":
				switch attr(n, "type") {
				case "hidden", "submit", "button", "reset", "image":
				default:
					if !inLabel && attr(n, "aria-label") == "" && attr(n, "aria-labelledby") == "" && attr(n, "title") == "" {
						controls = append(controls, n)
					}
				}
			case "img":
				if _, ok := attrOK(n, "alt"); !ok {
					out = append(out, fmt.Sprintf("<img src=%q> has no alt", attr(n, "src")))
				}
			case "a", "button":
				if strings.TrimSpace(textOf(n)) == "" && attr(n, "aria-label") == "" && attr(n, "title") == "" && !hasLabelledImage(n) {
					out = append(out, fmt.Sprintf("<%s href=%q> has nothing to read", n.Data, attr(n, "href")))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLabel)
		}
	}
	walk(doc, false)
	if h1 != 1 {
		out = append(out, fmt.Sprintf("%d <h1> (want one)", h1))
	}
	for _, n := range controls {
		if id := attr(n, "id"); id == "" || !labelled[id] {
			out = append(out, fmt.Sprintf("<%s name=%q> has no label", n.Data, attr(n, "name")))
		}
	}
	for id, n := range ids {
		if n > 1 {
			out = append(out, fmt.Sprintf("id %q used %d times", id, n))
		}
	}
	return out
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// hasLabelledImage: a link or button whose content is an image or an SVG
// with a text alternative.
func hasLabelledImage(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if (c.Data == "img" && attr(c, "alt") != "") || (c.Data == "svg" && (attr(c, "aria-label") != "" || attr(c, "role") == "img")) {
				return true
			}
			if hasLabelledImage(c) {
				return true
			}
		}
	}
	return false
}

func TestA11yProblems(t *testing.T) {
	good := `<!doctype html><html lang="vi"><body><h1>T</h1><label>Tên <input name="a"></label>
		<label for="b">B</label><select id="b" name="b"></select><input type="hidden" name="csrf">
		<img src="x.png" alt=""><a href="/x">X</a><button aria-label="Đóng"></button></body></html>`
	if got := a11yProblems([]byte(good)); len(got) != 0 {
		t.Errorf("a sound page: %v", got)
	}
	bad := `<!doctype html><html><body><h1>A</h1><h1>B</h1><input name="q" id="q"><img src="y.png">
		<a href="/z"></a><p id="d"></p><p id="d"></p></body></html>`
	got := strings.Join(a11yProblems([]byte(bad)), "; ")
	for _, want := range []string{"no lang", "2 <h1>", `name="q"> has no label`, `"y.png"> has no alt`, `"/z"> has nothing to read`, `id "d" used 2 times`} {
		if !strings.Contains(got, want) {
			t.Errorf("missed %q in %s", want, got)
		}
	}
}

// csrfProblems lists the POST forms of a page that lack the CSRF token
// field: the server would refuse them.
func csrfProblems(page []byte) []string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil // a11yProblems says so
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "form" && strings.EqualFold(attr(n, "method"), "post") && !hasCSRF(n) {
			out = append(out, fmt.Sprintf("<form action=%q> has no csrf field", attr(n, "action")))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func hasCSRF(n *html.Node) bool {
	if n.Type == html.ElementNode && n.Data == "input" && attr(n, "name") == "csrf" && attr(n, "value") != "" {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasCSRF(c) {
			return true
		}
	}
	return false
}

func TestCSRFProblems(t *testing.T) {
	page := `<html><body><form method="post" action="/a"><input type="hidden" name="csrf" value="t"></form>
		<form method="POST" action="/b"><input name="x"></form><form method="get" action="/c"></form></body></html>`
	if got := csrfProblems([]byte(page)); len(got) != 1 || !strings.Contains(got[0], `"/b"`) {
		t.Errorf("csrfProblems = %v, want only /b", got)
	}
}
