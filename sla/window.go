package sla

import (
	"time"

	"github.com/pimkit/pimkit/contract"
)

// WindowDecision says whether a [Window] is kept out of downtime and why:
// the notice given, the notice required and the clause.
type WindowDecision struct {
	// Index is the window's position in Input.Windows.
	Index  int
	Window Window
	// Excluded reports that outages inside the window are not downtime.
	Excluded bool
	// Notice is the elapsed time from the notice to the window's start;
	// zero for force majeure without notice.
	Notice time.Duration
	// Required is the notice the policy requires (72 hours for a planned
	// window, 1 hour for emergency service under the OpenDIMS terms).
	Required time.Duration
	// Earliest is the first start the notice allowed; zero for force
	// majeure.
	Earliest time.Time
	// Downtime is the weighted outage time within agreed hours that this
	// window kept out of downtime (overlapping windows each count theirs).
	Downtime time.Duration
	// Decision explains the outcome with its citation.
	Decision contract.Decision
}

// windowCheck is the judgement of a window before outages are counted.
type windowCheck = WindowDecision

// judge decides one validated window.
func (r resolved) judge(w Window) windowCheck {
	d := windowCheck{Window: w}
	if !w.Notified.IsZero() {
		d.Notice = w.Start.Sub(w.Notified)
	}
	dec := contract.Decision{Rule: RuleServiceWindow, Citations: []contract.Citation{contract.Clause("3.2"), contract.Clause("2.1")}}
	switch w.Kind {
	case ForceMajeure:
		d.Excluded = true
		dec = contract.Decision{Rule: RuleForceMajeure, Citations: []contract.Citation{contract.Clause("14.1")},
			Reason: reason(keyForceMajeure)}
	case Emergency:
		d.Required = r.EmergencyNotice
		d.Earliest = w.Notified.Add(d.Required)
		d.Excluded = d.Notice >= d.Required
		key := keyEmergencyOK
		if !d.Excluded {
			key = keyEmergencyShort
		}
		dec.Reason = reason(key, fmtDuration(d.Notice), fmtDuration(d.Required))
	default:
		d.Required = r.PlannedNotice
		if r.Notice == CalendarDays {
			days := int(r.PlannedNotice / (24 * time.Hour))
			notified := contract.DateOf(w.Notified.In(r.loc))
			// The notice period is counted in whole days from the day
			// after the notice (Reg. 1182/71 Art. 3(1)) and ends at the end
			// of its last day (Art. 3(2)(b)); the window may start then.
			dl, _ := r.Counter.EffectiveDate(notified, contract.Days(days))
			d.Earliest, _ = dl.Expires(r.loc)
			d.Excluded = !w.Start.Before(d.Earliest)
			key := keyCalendarOK
			if !d.Excluded {
				key = keyCalendarShort
			}
			dec.Reason = reason(key, notified.String(), d.Earliest.In(r.loc).Format("2006-01-02 15:04 MST"))
			dec.Citations = append(dec.Citations, contract.Cite(contract.SourceReg1182, "Art. 3(2)(b)"))
		} else {
			d.Earliest = w.Notified.Add(d.Required)
			d.Excluded = d.Notice >= d.Required
			key := keyPlannedOK
			if !d.Excluded {
				key = keyPlannedShort
			}
			dec.Reason = reason(key, fmtDuration(d.Notice), fmtDuration(d.Required))
		}
	}
	dec.Allowed = d.Excluded
	dec.At = d.Earliest
	d.Decision = dec
	return d
}

// fmtDuration prints a duration as hours and minutes: "72h00m", "0h45m",
// "1h00m30s" when seconds are present.
func fmtDuration(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	h := d / time.Hour
	m := (d % time.Hour) / time.Minute
	s := (d % time.Minute) / time.Second
	out := itoa(int64(h)) + "h" + pad2(int64(m)) + "m"
	if s != 0 || d%time.Second != 0 {
		out += pad2(int64(s))
		if ns := d % time.Second; ns != 0 {
			frac := itoa(int64(ns) + 1e9)[1:]
			for frac[len(frac)-1] == '0' {
				frac = frac[:len(frac)-1]
			}
			out += "." + frac
		}
		out += "s"
	}
	if neg {
		return "-" + out
	}
	return out
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func pad2(n int64) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}
