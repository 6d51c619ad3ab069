package catalog

import "fmt"

// enumText holds the text forms of a typed enum whose values are small
// integers starting at 0. The zero value of every enum in this package is
// either meaningful or an explicit "invalid" entry whose text is "".
type enumText []string

func (e enumText) name(v uint8) string {
	if int(v) < len(e) && e[v] != "" {
		return e[v]
	}
	return fmt.Sprintf("%%!(%d)", v)
}

func (e enumText) marshal(what string, v uint8) ([]byte, error) {
	if int(v) >= len(e) || e[v] == "" {
		return nil, &EnumError{Type: what, Text: fmt.Sprint(v)}
	}
	return []byte(e[v]), nil
}

func (e enumText) parse(what string, b []byte) (uint8, error) {
	s := string(b)
	for i, n := range e {
		if n != "" && n == s {
			return uint8(i), nil
		}
	}
	return 0, &EnumError{Type: what, Text: truncate(s, 40)}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
