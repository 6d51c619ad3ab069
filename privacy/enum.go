package privacy

import "fmt"

// enumString returns names[v] or "Type(n)" for a value outside the table.
func enumString(names []string, v uint8, typ string) string {
	if int(v) < len(names) && names[v] != "" {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

// enumMarshal returns names[v] or an error for a value outside the table.
func enumMarshal(names []string, v uint8, typ string) ([]byte, error) {
	if int(v) < len(names) && names[v] != "" {
		return []byte(names[v]), nil
	}
	return nil, fmt.Errorf("privacy: invalid %s %d", typ, v)
}

// enumParse returns the index of text in names; unknown text is an error.
// The offending text is not echoed: it may be personal data.
func enumParse(names []string, text []byte, typ string) (uint8, error) {
	for i, n := range names {
		if n != "" && n == string(text) {
			return uint8(i), nil
		}
	}
	return 0, fmt.Errorf("%w: unknown %s (%d bytes)", ErrUnknownValue, typ, len(text))
}
