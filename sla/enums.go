package sla

import (
	"fmt"
	"strconv"
)

// enumText returns names[v] or "Name(7)" for an unknown value.
func enumText(typ string, names []string, v int) string {
	if v >= 0 && v < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(v) + ")"
}

func enumMarshal(typ string, names []string, v int) ([]byte, error) {
	if v < 0 || v >= len(names) {
		return nil, fmt.Errorf("%w: unknown %s %d", ErrInvalidPolicy, typ, v)
	}
	return []byte(names[v]), nil
}

func enumParse(typ string, names []string, b []byte) (int, error) {
	for i, n := range names {
		if string(b) == n {
			return i, nil
		}
	}
	s := string(b)
	if len(s) > 32 {
		s = s[:32] + "..."
	}
	return 0, fmt.Errorf("%w: unknown %s %q", ErrInvalidPolicy, typ, s)
}

// Impact is how badly an outage affects the service, after the levels of
// Atlassian Statuspage. Only [Unavailable] is Downtime under terms 2.1;
// [Weights] decide what the others count for.
type Impact uint8

const (
	// Unavailable: the operating environment cannot be used. It is the
	// zero value, so an outage recorded without an impact counts in full.
	Unavailable Impact = iota
	// Partial: some functions or some customers are affected.
	Partial
	// Degraded: the service works but slowly.
	Degraded
	numImpacts
)

var impactNames = []string{"unavailable", "partial", "degraded"}

// String returns "unavailable", "partial" or "degraded"; an unknown value
// prints as "Impact(7)".
func (i Impact) String() string { return enumText("Impact", impactNames, int(i)) }

// MarshalText implements encoding.TextMarshaler; an unknown value is an
// error.
func (i Impact) MarshalText() ([]byte, error) { return enumMarshal("impact", impactNames, int(i)) }

// UnmarshalText implements encoding.TextUnmarshaler; "down" is an error
// wrapping ErrInvalidPolicy.
func (i *Impact) UnmarshalText(b []byte) error {
	v, err := enumParse("impact", impactNames, b)
	if err == nil {
		*i = Impact(v)
	}
	return err
}

// WindowKind is why a period is excluded from downtime.
type WindowKind uint8

const (
	// Planned is a service window for preventive maintenance or security
	// updates; it is excluded with at least 3 days' written notice (terms
	// 3.2). It is the zero value.
	Planned WindowKind = iota
	// Emergency is emergency service, such as an urgently recommended
	// third-party security patch; it is excluded with at least 1 hour's
	// notice (terms 3.2).
	Emergency
	// ForceMajeure is a force-majeure period during which the provider's
	// obligations are suspended (terms 14.1); it needs no notice.
	ForceMajeure
	numWindowKinds
)

var windowKindNames = []string{"planned", "emergency", "force-majeure"}

// String returns "planned", "emergency" or "force-majeure".
func (k WindowKind) String() string { return enumText("WindowKind", windowKindNames, int(k)) }

// MarshalText implements encoding.TextMarshaler; an unknown value is an
// error.
func (k WindowKind) MarshalText() ([]byte, error) {
	return enumMarshal("window kind", windowKindNames, int(k))
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidPolicy.
func (k *WindowKind) UnmarshalText(b []byte) error {
	v, err := enumParse("window kind", windowKindNames, b)
	if err == nil {
		*k = WindowKind(v)
	}
	return err
}

// MissingData is what agreed time without monitoring data counts as. It
// never produces NaN: with every minute excluded, availability is 1 and
// [Availability.Coverage] is 0, which a host must show.
type MissingData uint8

const (
	// ExcludeMissing removes unmonitored time from both the agreed time and
	// the downtime and reports the coverage. It is the zero value.
	ExcludeMissing MissingData = iota
	// CountUp treats unmonitored time as available (the provider's view).
	CountUp
	// CountDown treats unmonitored time as downtime (the customer's view).
	CountDown
	numMissing
)

var missingNames = []string{"exclude", "count-up", "count-down"}

// String returns "exclude", "count-up" or "count-down".
func (m MissingData) String() string { return enumText("MissingData", missingNames, int(m)) }

// MarshalText implements encoding.TextMarshaler; an unknown value is an
// error.
func (m MissingData) MarshalText() ([]byte, error) {
	return enumMarshal("missing-data policy", missingNames, int(m))
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidPolicy.
func (m *MissingData) UnmarshalText(b []byte) error {
	v, err := enumParse("missing-data policy", missingNames, b)
	if err == nil {
		*m = MissingData(v)
	}
	return err
}

// Granularity is how finely downtime is counted.
type Granularity uint8

const (
	// Exact counts downtime to the nanosecond. It is the zero value.
	Exact Granularity = iota
	// WholeMinutes counts every clock minute (UTC grid) that contains any
	// outage as a full minute, before agreed hours and service windows are
	// applied: 10:00:30-10:00:40 counts 10:00-10:01.
	WholeMinutes
	// MinimumPeriod counts only runs of consecutive downtime of at least
	// [Policy.MinimumRun], as Google Cloud's "Downtime Period" does: with a
	// 5-minute minimum, a 4-minute blip counts nothing and a 6-minute one
	// counts 6 minutes. Runs are measured after agreed hours, service
	// windows and missing data are applied, so an outage from 15:57 to
	// 16:05 with office hours ending at 16:00 is a 3-minute run.
	MinimumPeriod
	numGranularities
)

var granularityNames = []string{"exact", "whole-minutes", "minimum-period"}

// String returns "exact", "whole-minutes" or "minimum-period".
func (g Granularity) String() string { return enumText("Granularity", granularityNames, int(g)) }

// MarshalText implements encoding.TextMarshaler; an unknown value is an
// error.
func (g Granularity) MarshalText() ([]byte, error) {
	return enumMarshal("granularity", granularityNames, int(g))
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidPolicy.
func (g *Granularity) UnmarshalText(b []byte) error {
	v, err := enumParse("granularity", granularityNames, b)
	if err == nil {
		*g = Granularity(v)
	}
	return err
}

// NoticeRule is how the notice of a planned service window is counted.
type NoticeRule uint8

const (
	// ElapsedHours counts notice as elapsed time: "3 days" is 72 hours
	// from the notice to the window's start, across daylight-saving
	// changes. It is the zero value and the default.
	ElapsedHours NoticeRule = iota
	// CalendarDays counts notice in whole calendar days in the agreement's
	// zone, by Reg. 1182/71: the day of the notice is not counted and the
	// window may start once the last day has ended. Notice on Monday at
	// 09:00 allows a window from Friday 00:00 with "3 days".
	CalendarDays
	numNoticeRules
)

var noticeRuleNames = []string{"elapsed-hours", "calendar-days"}

// String returns "elapsed-hours" or "calendar-days".
func (r NoticeRule) String() string { return enumText("NoticeRule", noticeRuleNames, int(r)) }

// MarshalText implements encoding.TextMarshaler; an unknown value is an
// error.
func (r NoticeRule) MarshalText() ([]byte, error) {
	return enumMarshal("notice rule", noticeRuleNames, int(r))
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidPolicy.
func (r *NoticeRule) UnmarshalText(b []byte) error {
	v, err := enumParse("notice rule", noticeRuleNames, b)
	if err == nil {
		*r = NoticeRule(v)
	}
	return err
}
