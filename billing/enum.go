package billing

import "fmt"

// enumString returns names[v], or "Kind(n)" for an unknown value.
func enumString[T ~uint8](names []string, v T, kind string) string {
	if int(v) < len(names) && names[v] != "" {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", kind, uint8(v))
}

// enumMarshal returns names[v] or an error for a value without a name.
func enumMarshal[T ~uint8](names []string, v T, kind string) ([]byte, error) {
	if int(v) < len(names) && names[v] != "" {
		return []byte(names[v]), nil
	}
	return nil, fmt.Errorf("%w: %s %d has no name", ErrSyntax, kind, uint8(v))
}

// enumParse returns the value named b, rejecting unknown text.
func enumParse[T ~uint8](names []string, b []byte, kind string) (T, error) {
	for i, n := range names {
		if n != "" && n == string(b) {
			return T(i), nil
		}
	}
	s := string(b)
	if len(s) > 32 {
		s = s[:32] + "..."
	}
	return 0, fmt.Errorf("%w: unknown %s %q", ErrSyntax, kind, s)
}
