package akeneo

// Small hand scanners for the shapes a value's data takes, so that the
// common cases (lists of codes, amounts, measurements) are read without
// encoding/json's reflection. Anything they do not recognise is left to
// encoding/json by the caller.

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// scanString returns the end (exclusive) of the JSON string starting at
// b[i] == '"', or -1.
func scanString(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// scanScalar returns the end of the number, true, false or null at b[i].
func scanScalar(b []byte, i int) int {
	j := i
	for j < len(b) {
		c := b[j]
		if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		j++
	}
	if j == i {
		return -1
	}
	return j
}

// parseStrings reads a JSON array of strings into dst[:0].
func parseStrings(b []byte, dst []string) ([]string, bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return nil, false
	}
	dst = dst[:0]
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return dst, skipSpace(b, i+1) == len(b)
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return nil, false
		}
		j := scanString(b, i)
		if j < 0 {
			return nil, false
		}
		s, ok := jsonText(b[i:j])
		if !ok {
			return nil, false
		}
		dst = append(dst, s)
		i = skipSpace(b, j)
		if i >= len(b) {
			return nil, false
		}
		if b[i] == ']' {
			return dst, skipSpace(b, i+1) == len(b)
		}
		if b[i] != ',' {
			return nil, false
		}
		i = skipSpace(b, i+1)
	}
}

// parseFlat reads a JSON object whose members are strings, numbers, true,
// false or null, calling f with each key and raw value; ok is false for
// anything else. end is where the object ends.
func parseFlat(b []byte, i int, f func(k string, v []byte) bool) (end int, ok bool) {
	i = skipSpace(b, i)
	if i >= len(b) || b[i] != '{' {
		return 0, false
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return i + 1, true
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return 0, false
		}
		j := scanString(b, i)
		if j < 0 {
			return 0, false
		}
		k, ok := jsonText(b[i:j])
		if !ok {
			return 0, false
		}
		i = skipSpace(b, j)
		if i >= len(b) || b[i] != ':' {
			return 0, false
		}
		i = skipSpace(b, i+1)
		if i >= len(b) {
			return 0, false
		}
		var e int
		if b[i] == '"' {
			e = scanString(b, i)
		} else if b[i] == '{' || b[i] == '[' {
			return 0, false
		} else {
			e = scanScalar(b, i)
		}
		if e < 0 || !f(k, b[i:e]) {
			return 0, false
		}
		i = skipSpace(b, e)
		if i >= len(b) {
			return 0, false
		}
		if b[i] == '}' {
			return i + 1, true
		}
		if b[i] != ',' {
			return 0, false
		}
		i = skipSpace(b, i+1)
	}
}

// parseAmount reads {"amount":..,"currency":..} or {"amount":..,"unit":..}.
func parseAmount(b []byte, i int, a *rawAmount) (end int, ok bool) {
	*a = rawAmount{}
	return parseFlat(b, i, func(k string, v []byte) bool {
		switch k {
		case "amount":
			a.Amount = v
		case "currency", "unit":
			if isNull(v) {
				return true
			}
			s, ok := jsonText(v)
			if !ok {
				return false
			}
			if k == "currency" {
				a.Currency = &s
			} else {
				a.Unit = &s
			}
		default:
			return false
		}
		return true
	})
}

// parseAmounts reads a JSON array of amounts into dst[:0].
func parseAmounts(b []byte, dst []rawAmount) ([]rawAmount, bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return nil, false
	}
	dst = dst[:0]
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return dst, skipSpace(b, i+1) == len(b)
	}
	for {
		var a rawAmount
		e, ok := parseAmount(b, i, &a)
		if !ok {
			return nil, false
		}
		dst = append(dst, a)
		i = skipSpace(b, e)
		if i >= len(b) {
			return nil, false
		}
		if b[i] == ']' {
			return dst, skipSpace(b, i+1) == len(b)
		}
		if b[i] != ',' {
			return nil, false
		}
		i = skipSpace(b, i+1)
	}
}
