package sla

import "github.com/pimkit/pimkit/internal/enum"

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

var impactNames = enum.Names{"unavailable", "partial", "degraded"}

// String returns "unavailable", "partial" or "degraded"; an unknown value
// prints as "Impact(7)".
func (i Impact) String() string { return enum.String(impactNames, i, "Impact") }

// MarshalText implements encoding.TextMarshaler; an unknown value is an
// error.
func (i Impact) MarshalText() ([]byte, error) {
	return enum.Marshal(impactNames, i, "impact", ErrInvalidPolicy)
}

// UnmarshalText implements encoding.TextUnmarshaler; "down" is an error
// wrapping ErrInvalidPolicy.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (i *Impact) UnmarshalText(b []byte) error {
	return enum.Unmarshal(impactNames, b, i, "impact", ErrInvalidPolicy)
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

var windowKindNames = enum.Names{"planned", "emergency", "force_majeure"}

// String returns "planned", "emergency" or "force_majeure".
func (k WindowKind) String() string { return enum.String(windowKindNames, k, "WindowKind") }

// MarshalText implements encoding.TextMarshaler; an unknown value is an
// error.
func (k WindowKind) MarshalText() ([]byte, error) {
	return enum.Marshal(windowKindNames, k, "window kind", ErrInvalidPolicy)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidPolicy.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (k *WindowKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(windowKindNames, b, k, "window kind", ErrInvalidPolicy)
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

var missingNames = enum.Names{"exclude", "count_up", "count_down"}

// String returns "exclude", "count_up" or "count_down".
func (m MissingData) String() string { return enum.String(missingNames, m, "MissingData") }

// MarshalText implements encoding.TextMarshaler; an unknown value is an
// error.
func (m MissingData) MarshalText() ([]byte, error) {
	return enum.Marshal(missingNames, m, "missing-data policy", ErrInvalidPolicy)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidPolicy.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (m *MissingData) UnmarshalText(b []byte) error {
	return enum.Unmarshal(missingNames, b, m, "missing-data policy", ErrInvalidPolicy)
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

var granularityNames = enum.Names{"exact", "whole_minutes", "minimum_period"}

// String returns "exact", "whole_minutes" or "minimum_period".
func (g Granularity) String() string { return enum.String(granularityNames, g, "Granularity") }

// MarshalText implements encoding.TextMarshaler; an unknown value is an
// error.
func (g Granularity) MarshalText() ([]byte, error) {
	return enum.Marshal(granularityNames, g, "granularity", ErrInvalidPolicy)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidPolicy.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (g *Granularity) UnmarshalText(b []byte) error {
	return enum.Unmarshal(granularityNames, b, g, "granularity", ErrInvalidPolicy)
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

var noticeRuleNames = enum.Names{"elapsed_hours", "calendar_days"}

// String returns "elapsed_hours" or "calendar_days".
func (r NoticeRule) String() string { return enum.String(noticeRuleNames, r, "NoticeRule") }

// MarshalText implements encoding.TextMarshaler; an unknown value is an
// error.
func (r NoticeRule) MarshalText() ([]byte, error) {
	return enum.Marshal(noticeRuleNames, r, "notice rule", ErrInvalidPolicy)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidPolicy.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (r *NoticeRule) UnmarshalText(b []byte) error {
	return enum.Unmarshal(noticeRuleNames, b, r, "notice rule", ErrInvalidPolicy)
}
