package main

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// voidElements have no end tag (HTML Living Standard 13.1.2).
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true,
	"hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// checkHTML checks a page the way the shop's templates promise it: a
// doctype first; every non-void element closed, in order (so the tree a
// browser builds is the one written, with no error recovery); no
// attribute twice; every id unique; one html element with a lang, one
// head with one title and a charset, one body, one main and one h1; every
// POST form with its CSRF token; every label, img and button well formed.
// It returns every problem found.
func checkHTML(body string) []string {
	var problems []string
	bad := func(f string, args ...any) { problems = append(problems, fmt.Sprintf(f, args...)) }
	z := html.NewTokenizer(strings.NewReader(body))
	var stack []string
	ids := map[string]bool{}
	count := map[string]int{}
	first := true
	inPostForm, formHasCSRF := false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				bad("tokenizer: %v", z.Err())
			}
			break
		}
		tok := z.Token()
		if first && tt != html.DoctypeToken {
			if tt == html.TextToken && strings.TrimSpace(tok.Data) == "" {
				continue
			}
			bad("no doctype first")
		}
		first = false
		switch tt {
		case html.DoctypeToken:
			if !strings.EqualFold(tok.Data, "html") {
				bad("doctype %q", tok.Data)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name := tok.Data
			if !contains(stack, "svg") {
				count[name]++
			}
			seen := map[string]bool{}
			for _, a := range tok.Attr {
				if seen[a.Key] {
					bad("<%s> has attribute %s twice", name, a.Key)
				}
				seen[a.Key] = true
				if a.Key == "id" {
					if ids[a.Val] {
						bad("id %q is not unique", a.Val)
					}
					ids[a.Val] = true
				}
			}
			switch name {
			case "html":
				if attrOf(tok, "lang") == "" {
					bad("<html> without lang")
				}
			case "form":
				if len(stack) > 0 && contains(stack, "form") {
					bad("nested form")
				}
				inPostForm = strings.EqualFold(attrOf(tok, "method"), "post")
				formHasCSRF = false
				if inPostForm && !strings.HasPrefix(attrOf(tok, "action"), "/") {
					bad("form posts to %q, not to the shop", attrOf(tok, "action"))
				}
			case "input":
				if attrOf(tok, "name") == "csrf" && attrOf(tok, "type") == "hidden" && len(attrOf(tok, "value")) == 64 {
					formHasCSRF = true
				}
			case "img":
				if _, ok := attrMap(tok)["alt"]; !ok {
					bad("<img> without alt")
				}
			case "button":
				if attrOf(tok, "type") == "" {
					bad("<button> without type")
				}
			}
			if tt == html.StartTagToken && !voidElements[name] {
				stack = append(stack, name)
			}
			if tt == html.SelfClosingTagToken && !voidElements[name] && name != "svg" && !contains(stack, "svg") {
				bad("<%s/> is not a void element", name)
			}
		case html.EndTagToken:
			name := tok.Data
			if voidElements[name] {
				bad("</%s> closes a void element", name)
				continue
			}
			if len(stack) == 0 || stack[len(stack)-1] != name {
				bad("</%s> does not close the open <%s>", name, strings.Join(stack, "><"))
				continue
			}
			stack = stack[:len(stack)-1]
			if name == "form" && inPostForm && !formHasCSRF {
				bad("a POST form without its CSRF token")
			}
		}
	}
	if len(stack) > 0 {
		bad("unclosed elements: <%s>", strings.Join(stack, "><"))
	}
	for _, one := range []string{"html", "head", "title", "body", "main", "h1"} {
		if count[one] != 1 {
			bad("%d <%s> elements, want 1", count[one], one)
		}
	}
	if !strings.Contains(body, `<meta charset="utf-8">`) {
		bad("no charset")
	}
	return problems
}

func attrOf(t html.Token, key string) string { return attrMap(t)[key] }

func attrMap(t html.Token) map[string]string {
	m := map[string]string{}
	for _, a := range t.Attr {
		m[a.Key] = a.Val
	}
	return m
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
