// Package redact holds what pimkit's types that carry personal data share
// to print themselves without it.
package redact

import (
	"fmt"
	"io"
	"strings"
)

// Format implements fmt.Formatter for a value whose String (s) and
// GoString (gs) hold no personal data: %#v prints gs, %q and %x quote or
// hex s, and every other verb prints s with the verb's width and flags,
// so no verb reaches the value's fields. A nil State prints nothing.
func Format(f fmt.State, verb rune, s, gs string) {
	switch {
	case f == nil:
		return
	case verb == 'v' && f.Flag('#'):
		io.WriteString(f, gs)
	case verb == 'q' || verb == 'x' || verb == 'X':
		fmt.Fprintf(f, fmt.FormatString(f, verb), s)
	default:
		fmt.Fprintf(f, strings.ReplaceAll(fmt.FormatString(f, 's'), "#", ""), s)
	}
}
