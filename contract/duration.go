package contract

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Duration is an elapsed time -- hours, minutes, seconds -- as opposed to a
// calendar [Period]: the 72 hours of GDPR Art. 33(1) run through nights and
// holidays alike. It is a [time.Duration] that reads and writes ISO 8601
// text, so a stored value is "PT72H", never 259200000000000 nanoseconds.
//
// Text is written in hours, minutes and (fractional) seconds: 72 hours is
// "PT72H", 90 minutes "PT1H30M", 1.5 seconds "PT1.5S", zero "PT0S", minus
// one hour "-PT1H". Reading also accepts days, each exactly 24 hours ("P3D"
// is PT72H); months and years are calendar periods and are refused.
type Duration time.Duration

// Hours returns a Duration of n hours: Hours(72) is PT72H.
func Hours(n int) Duration { return Duration(time.Duration(n) * time.Hour) }

// Std returns d as a [time.Duration].
func (d Duration) Std() time.Duration { return time.Duration(d) }

// String returns the ISO 8601 text: "PT72H".
func (d Duration) String() string {
	if d == 0 {
		return "PT0S"
	}
	var b strings.Builder
	u := uint64(d)
	if d < 0 {
		b.WriteByte('-')
		u = -u
	}
	b.WriteString("PT")
	h := u / uint64(time.Hour)
	u -= h * uint64(time.Hour)
	m := u / uint64(time.Minute)
	u -= m * uint64(time.Minute)
	if h > 0 {
		b.WriteString(strconv.FormatUint(h, 10))
		b.WriteByte('H')
	}
	if m > 0 {
		b.WriteString(strconv.FormatUint(m, 10))
		b.WriteByte('M')
	}
	if u > 0 {
		s := u / uint64(time.Second)
		ns := u - s*uint64(time.Second)
		b.WriteString(strconv.FormatUint(s, 10))
		if ns > 0 {
			frac := strconv.FormatUint(ns+uint64(time.Second), 10)[1:] // 9 digits
			b.WriteByte('.')
			b.WriteString(strings.TrimRight(frac, "0"))
		}
		b.WriteByte('S')
	}
	return b.String()
}

// errDurationSyntax is ParseDuration's error, made once: the parser is on
// the path of every terms document that sets an hour notice.
var errDurationSyntax = errInvalid("duration", "ISO 8601 days, hours, minutes and seconds (PT72H)")

// ParseDuration reads ISO 8601 duration text with days, hours, minutes and
// seconds: "PT72H", "P3D" (72 hours), "PT1H30M", "PT0.5S", "-PT1H". Years,
// months and weeks are calendar periods (use [ParsePeriod]) and are refused,
// as is text over 64 bytes or a duration beyond ±290 years. Errors wrap
// [ErrInvalidInput] and do not quote the text.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func ParseDuration(s string) (Duration, error) {
	bad := errDurationSyntax
	if len(s) > 64 {
		return 0, bad
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if !strings.HasPrefix(s, "P") || len(s) < 3 {
		return 0, bad
	}
	s = s[1:]
	limit := uint64(math.MaxInt64) // the magnitude of the most negative Duration is one more
	if neg {
		limit++
	}
	var sum uint64
	inTime, seen := false, false
	order := "D"
	for s != "" {
		if s[0] == 'T' {
			if inTime {
				return 0, bad
			}
			inTime, order, s = true, "HMS", s[1:]
			if s == "" {
				return 0, bad
			}
			continue
		}
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		if i == 0 || i == len(s) {
			return 0, bad
		}
		num, unit := s[:i], s[i]
		s = s[i+1:]
		k := strings.IndexByte(order, unit)
		if k < 0 {
			return 0, bad
		}
		order = order[k+1:]
		var scale uint64
		switch unit {
		case 'D':
			scale = uint64(24 * time.Hour)
		case 'H':
			scale = uint64(time.Hour)
		case 'M':
			scale = uint64(time.Minute)
		case 'S':
			scale = uint64(time.Second)
		}
		whole, frac, hasFrac := strings.Cut(num, ".")
		if whole == "" || (hasFrac && (unit != 'S' || frac == "" || len(frac) > 9)) {
			return 0, bad
		}
		n, err := strconv.ParseUint(whole, 10, 64)
		if err != nil || n > (limit-sum)/scale {
			return 0, bad
		}
		sum += n * scale
		if hasFrac {
			f, _ := strconv.ParseUint((frac + "000000000")[:9], 10, 64)
			if f > limit-sum {
				return 0, bad
			}
			sum += f
		}
		seen = true
	}
	if !seen {
		return 0, bad
	}
	if neg {
		return Duration(-int64(sum-1) - 1), nil // -(1<<63) without overflow
	}
	return Duration(sum), nil
}

// MarshalText writes [Duration.String].
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads text as [ParseDuration].
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err == nil {
		*d = v
	}
	return err
}
