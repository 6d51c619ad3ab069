package sla

import (
	"strconv"
	"time"
)

// Outage is a period during which a component was affected. End is the
// first instant it was no longer affected; a zero End is an open outage
// that runs to the end of whatever period is being reported. Component and
// Cause are free labels for the breakdowns of a [Report] ("api",
// "database"; "deploy", "network"). Outages may overlap: two 30-minute
// outages overlapping by 15 minutes are 45 minutes of downtime.
type Outage struct {
	// ID is the host's reference to the incident, reported back unchanged.
	ID        string `json:"id,omitempty"`
	Component string `json:"component,omitempty"`
	Cause     string `json:"cause,omitempty"`
	// Impact is how badly the service was affected; the zero value is
	// Unavailable.
	Impact Impact    `json:"impact"`
	Start  time.Time `json:"start"`
	End    time.Time `json:"end,omitzero"`
}

// Window is a period that, with the required notice, is not downtime: a
// planned service window, emergency service (terms 3.2) or force majeure
// (terms 14.1). Start and End are the notified period; an outage that runs
// past End is downtime from End on, and a window given too little notice
// excludes nothing. The window itself is not an outage: record the
// unavailability during maintenance as an [Outage] too.
type Window struct {
	ID   string     `json:"id,omitempty"`
	Kind WindowKind `json:"kind"`
	// Notified is when written notice was given; it is required for
	// Planned and Emergency windows and must not be after Start.
	Notified time.Time `json:"notified,omitzero"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
}

// Gap is a period without monitoring data; [MissingData] decides what it
// counts as.
type Gap struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Input is what was observed: outages, service windows and force-majeure
// periods, and gaps in the monitoring data. The slices are read, never
// modified or retained.
type Input struct {
	Outages []Outage `json:"outages,omitempty"`
	Windows []Window `json:"windows,omitempty"`
	Gaps    []Gap    `json:"gaps,omitempty"`
}

// Instants must lie within [minInstant, maxInstant), so that differences of
// nanoseconds never overflow.
var (
	minInstant = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	maxInstant = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
)

func inRange(t time.Time) bool { return !t.Before(minInstant) && t.Before(maxInstant) }

func field(kind string, i int, name string) string {
	return kind + "[" + strconv.Itoa(i) + "]." + name
}

// checkInstant reports a missing or out-of-range instant of kind[i].name;
// the path is built only when there is a problem.
func checkInstant(ps *problems, kind string, i int, name string, t time.Time, required bool, err error) bool {
	if t.IsZero() {
		if required {
			ps.add(path(kind, i, name), "required", err)
		}
		return false
	}
	if !inRange(t) {
		ps.add(path(kind, i, name), "outside the years 1900-2099", err)
		return false
	}
	return true
}

// path returns kind[i].name, or kind.name when i < 0.
func path(kind string, i int, name string) string {
	if i < 0 {
		return kind + "." + name
	}
	return field(kind, i, name)
}

// validate reports every problem of in at once.
func (in Input) validate(ps *problems) {
	for i, o := range in.Outages {
		okS := checkInstant(ps, "outages", i, "start", o.Start, true, ErrInvalidOutage)
		okE := checkInstant(ps, "outages", i, "end", o.End, false, ErrInvalidOutage)
		if okS && okE && o.End.Before(o.Start) {
			ps.add(field("outages", i, "end"), "before start", ErrInvalidOutage)
		}
		if o.Impact >= numImpacts {
			ps.add(field("outages", i, "impact"), "unknown impact", ErrInvalidOutage)
		}
	}
	for i, w := range in.Windows {
		okS := checkInstant(ps, "windows", i, "start", w.Start, true, ErrInvalidWindow)
		okE := checkInstant(ps, "windows", i, "end", w.End, true, ErrInvalidWindow)
		if okS && okE && !w.End.After(w.Start) {
			ps.add(field("windows", i, "end"), "not after start", ErrInvalidWindow)
		}
		if w.Kind >= numWindowKinds {
			ps.add(field("windows", i, "kind"), "unknown window kind", ErrInvalidWindow)
			continue
		}
		okN := checkInstant(ps, "windows", i, "notified", w.Notified, w.Kind != ForceMajeure, ErrInvalidWindow)
		if okN && okS && w.Notified.After(w.Start) {
			ps.add(field("windows", i, "notified"), "after start", ErrInvalidWindow)
		}
	}
	for i, g := range in.Gaps {
		okS := checkInstant(ps, "gaps", i, "start", g.Start, true, ErrInvalidGap)
		okE := checkInstant(ps, "gaps", i, "end", g.End, true, ErrInvalidGap)
		if okS && okE && g.End.Before(g.Start) {
			ps.add(field("gaps", i, "end"), "before start", ErrInvalidGap)
		}
	}
}
