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
	Start  time.Time `json:"start" validate:"required"`
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
	Start    time.Time `json:"start" validate:"required"`
	End      time.Time `json:"end" validate:"required"`
}

// Gap is a period without monitoring data; [MissingData] decides what it
// counts as.
type Gap struct {
	Start time.Time `json:"start" validate:"required"`
	End   time.Time `json:"end" validate:"required"`
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

// checkInstant reports an instant at path outside the years 1900-2099 and
// whether t is usable: set and in range. A missing instant is the
// validate tags' to report.
func checkInstant(c *checks, path string, t time.Time, required bool, kind error) bool {
	if t.IsZero() {
		if required {
			c.add(path, "required", "", kind)
		}
		return false
	}
	if t.Before(minInstant) {
		c.add(path, "gte", "1900-01-01T00:00:00Z", kind)
		return false
	}
	if !t.Before(maxInstant) {
		c.add(path, "lt", "2100-01-01T00:00:00Z", kind)
		return false
	}
	return true
}

// ok reports whether o can be counted: a start, an end not before it,
// both within 1900-2099, a known impact.
func (o *Outage) ok() bool {
	return inRange(o.Start) && (o.End.IsZero() || inRange(o.End) && !o.End.Before(o.Start)) && o.Impact < numImpacts
}

// check reports every problem of o at prefix: its validate tags, then the
// rules across fields.
func (o *Outage) check(c *checks, prefix string) {
	c.tags(prefix, o, ErrInvalidOutage)
	okS := checkInstant(c, prefix+".start", o.Start, false, ErrInvalidOutage)
	okE := checkInstant(c, prefix+".end", o.End, false, ErrInvalidOutage)
	if okS && okE && o.End.Before(o.Start) {
		c.add(prefix+".end", "gtefield", "start", ErrInvalidOutage)
	}
	if o.Impact >= numImpacts {
		c.add(prefix+".impact", "oneof", "unavailable partial degraded", ErrInvalidOutage)
	}
}

// ok reports whether w can be judged: a start and an end after it, a known
// kind, and for planned and emergency windows notice not after the start,
// all instants within 1900-2099.
func (w *Window) ok() bool {
	return inRange(w.Start) && inRange(w.End) && w.End.After(w.Start) && w.Kind < numWindowKinds &&
		(w.Kind == ForceMajeure && w.Notified.IsZero() || inRange(w.Notified) && !w.Notified.After(w.Start))
}

// Validate reports every problem of w at once, as a
// [*contract.ValidationError] wrapping ErrInvalidWindow with JSON paths:
// a missing start or end ("end": required), an end not after the start
// ("end": gtfield(start)), notice missing for a planned or emergency
// window or given after its start ("notified": ltefield(start)).
func (w Window) Validate() error {
	var c checks
	w.check(&c, "")
	return c.err("validate window")
}

// check reports every problem of w at prefix: its validate tags, then the
// rules across fields.
func (w *Window) check(c *checks, prefix string) {
	c.tags(prefix, w, ErrInvalidWindow)
	okS := checkInstant(c, join(prefix, "start"), w.Start, false, ErrInvalidWindow)
	okE := checkInstant(c, join(prefix, "end"), w.End, false, ErrInvalidWindow)
	if okS && okE && !w.End.After(w.Start) {
		c.add(join(prefix, "end"), "gtfield", "start", ErrInvalidWindow)
	}
	if w.Kind >= numWindowKinds {
		c.add(join(prefix, "kind"), "oneof", "planned emergency force_majeure", ErrInvalidWindow)
		return
	}
	okN := checkInstant(c, join(prefix, "notified"), w.Notified, w.Kind != ForceMajeure, ErrInvalidWindow)
	if okN && okS && w.Notified.After(w.Start) {
		c.add(join(prefix, "notified"), "ltefield", "start", ErrInvalidWindow)
	}
}

// ok reports whether g has a start and an end not before it, within
// 1900-2099.
func (g *Gap) ok() bool { return inRange(g.Start) && inRange(g.End) && !g.End.Before(g.Start) }

// check reports every problem of g at prefix.
func (g *Gap) check(c *checks, prefix string) {
	c.tags(prefix, g, ErrInvalidGap)
	okS := checkInstant(c, prefix+".start", g.Start, false, ErrInvalidGap)
	okE := checkInstant(c, prefix+".end", g.End, false, ErrInvalidGap)
	if okS && okE && g.End.Before(g.Start) {
		c.add(prefix+".end", "gtefield", "start", ErrInvalidGap)
	}
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// Validate reports every problem of in at once, as a
// [*contract.ValidationError] with JSON paths ("outages[1].end":
// gtefield(start)) that wraps the sentinel of each kind of problem found:
// ErrInvalidOutage, ErrInvalidWindow, ErrInvalidGap.
func (in Input) Validate() error {
	var c checks
	in.check(&c)
	return c.err("validate input")
}

// check reports every problem of in. The validate tags and the rules
// across fields run only for an entry the quick test rejects, so a
// million valid outages cost no reflection.
func (in Input) check(c *checks) {
	for i := range in.Outages {
		if o := &in.Outages[i]; !o.ok() {
			o.check(c, "outages["+strconv.Itoa(i)+"]")
		}
	}
	for i := range in.Windows {
		if w := &in.Windows[i]; !w.ok() {
			w.check(c, "windows["+strconv.Itoa(i)+"]")
		}
	}
	for i := range in.Gaps {
		if g := &in.Gaps[i]; !g.ok() {
			g.check(c, "gaps["+strconv.Itoa(i)+"]")
		}
	}
}
