package sla_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
)

// The fuzz and property tests work on a two-hour span at whole seconds,
// where a per-second brute force is the oracle.
const oracleSeconds = 7200

var oracleStart = time.Date(2025, 4, 2, 10, 0, 0, 0, time.UTC)

func sec(n int) time.Time { return oracleStart.Add(time.Duration(n) * time.Second) }

// decodeCase turns fuzz bytes into a policy and input: one byte of policy
// flags, then records of five bytes each.
func decodeCase(data []byte) (sla.Policy, sla.Input) {
	p := policy()
	p.Location = time.UTC
	if len(data) > 0 {
		f := data[0]
		if f&1 != 0 {
			p.Weights = sla.StatuspageWeights()
		}
		p.Missing = sla.MissingData(f >> 1 % 3)
		switch f >> 3 % 4 {
		case 1:
			p.Granularity = sla.WholeMinutes
		case 2:
			p.Granularity = sla.MinimumPeriod
			p.MinimumRun = time.Duration(1+int(f>>5)) * time.Minute
		}
		data = data[1:]
	}
	var in sla.Input
	for ; len(data) >= 5; data = data[5:] {
		start := int(data[1])<<8 | int(data[2])
		start = start%(oracleSeconds+1200) - 600
		length := int(data[3]) * 30
		switch data[0] % 4 {
		case 0, 1:
			o := sla.Outage{Start: sec(start), Impact: sla.Impact(data[4] % 3)}
			if length > 0 || data[4]&8 == 0 {
				o.End = sec(start + length)
			}
			in.Outages = append(in.Outages, o)
		case 2:
			if length == 0 {
				length = 30
			}
			w := sla.Window{Kind: sla.WindowKind(data[4] % 3), Start: sec(start), End: sec(start + length)}
			switch w.Kind {
			case sla.Planned:
				w.Notified = sec(start - int(data[4]>>2)*1200*6)
			case sla.Emergency:
				w.Notified = sec(start - int(data[4]>>2)*120)
			}
			in.Windows = append(in.Windows, w)
		case 3:
			in.Gaps = append(in.Gaps, sla.Gap{Start: sec(start), End: sec(start + length)})
		}
	}
	return p, in
}

// oracle counts second by second: counted seconds and downtime in
// millionths of a second.
func oracle(p sla.Policy, in sla.Input) (counted, down int64) {
	weights := [3]int64{1e6, 0, 0}
	if !p.Weights.IsZero() {
		weights = [3]int64{1e6, 3e5, 0}
	}
	covers := func(s, e time.Time, x int) bool {
		t := sec(x)
		return !t.Before(s) && (e.IsZero() || t.Before(e))
	}
	raw := make([]int64, oracleSeconds)
	gap := make([]bool, oracleSeconds)
	excl := make([]bool, oracleSeconds)
	for x := range oracleSeconds {
		for _, g := range in.Gaps {
			if covers(g.Start, g.End, x) {
				gap[x] = true
			}
		}
		for _, o := range in.Outages {
			if covers(o.Start, o.End, x) {
				raw[x] = max(raw[x], weights[o.Impact])
			}
		}
		if gap[x] && p.Missing == sla.CountDown {
			raw[x] = 1e6
		}
		for _, w := range in.Windows {
			ok := w.Kind == sla.ForceMajeure ||
				(w.Kind == sla.Planned && w.Start.Sub(w.Notified) >= 72*time.Hour) ||
				(w.Kind == sla.Emergency && w.Start.Sub(w.Notified) >= time.Hour)
			if ok && covers(w.Start, w.End, x) {
				excl[x] = true
			}
		}
	}
	w := make([]int64, oracleSeconds)
	for x := range oracleSeconds {
		w[x] = raw[x]
		if p.Granularity == sla.WholeMinutes {
			m := x / 60 * 60
			for y := m; y < m+60; y++ {
				w[x] = max(w[x], raw[y])
			}
		}
		if excl[x] || (gap[x] && p.Missing == sla.ExcludeMissing) {
			w[x] = 0
		}
	}
	if p.Granularity == sla.MinimumPeriod {
		run := int(p.MinimumRun / time.Second)
		for x := 0; x < oracleSeconds; {
			y := x
			for y < oracleSeconds && w[y] > 0 {
				y++
			}
			if y-x < run {
				for z := x; z < y; z++ {
					w[z] = 0
				}
			}
			x = y + 1
		}
	}
	for x := range oracleSeconds {
		if !(gap[x] && p.Missing == sla.ExcludeMissing) {
			counted++
		}
		down += w[x]
	}
	return counted, down
}

// checkCase checks Compute against the oracle and the properties of issue
// 6: availability in [0, 1], an extra outage never raises it, an extra
// excluded window never lowers it.
func checkCase(t *testing.T, data []byte) {
	p, in := decodeCase(data)
	span := sla.Span{From: oracleStart, To: sec(oracleSeconds)}
	a, err := sla.Compute(p, span, in)
	if err != nil {
		t.Fatalf("Compute(%x) error %v", data, err)
	}
	counted, down := oracle(p, in)
	if a.Counted != time.Duration(counted)*time.Second || a.Downtime != time.Duration(down*1000) {
		t.Fatalf("Compute(%x) = counted %v down %v, oracle %v %v", data, a.Counted, a.Downtime,
			time.Duration(counted)*time.Second, time.Duration(down*1000))
	}
	r := a.Ratio()
	if r.CmpDecimal(dec("0")) < 0 || r.CmpDecimal(dec("1")) > 0 {
		t.Fatalf("Compute(%x) ratio %s outside [0, 1]", data, r)
	}
	more := in
	more.Outages = append(append([]sla.Outage(nil), in.Outages...), outage(sec(1000), sec(1600)))
	b, err := sla.Compute(p, span, more)
	if err != nil {
		t.Fatal(err)
	}
	if b.Ratio().Cmp(r) > 0 {
		t.Fatalf("Compute(%x): adding an outage raised availability from %s to %s", data, r, b.Ratio())
	}
	excl := in
	excl.Windows = append(append([]sla.Window(nil), in.Windows...), sla.Window{Kind: sla.ForceMajeure, Start: sec(3000), End: sec(3900)})
	c, err := sla.Compute(p, span, excl)
	if err != nil {
		t.Fatal(err)
	}
	if c.Ratio().Cmp(r) < 0 {
		t.Fatalf("Compute(%x): excluding a window lowered availability from %s to %s", data, r, c.Ratio())
	}
}

// FuzzMerge fuzzes the interval merge, weights, windows, gaps and
// granularity against the per-second oracle.
func FuzzMerge(f *testing.F) {
	f.Add([]byte{0, 0, 0, 10, 20, 0, 1, 0, 20, 20, 0})
	f.Add([]byte{1, 0, 0, 100, 40, 1, 0, 0, 150, 40, 0, 2, 0, 120, 10, 0})
	f.Add([]byte{2 | 8, 3, 0, 50, 60, 0, 0, 0, 40, 90, 1, 2, 0, 60, 4, 254})
	f.Add([]byte{4 | 16 | 64, 0, 1, 0, 12, 0, 0, 1, 30, 0, 8, 3, 1, 10, 20, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 5*40 {
			data = data[:5*40]
		}
		checkCase(t, data)
	})
}

// TestProperties runs the fuzz checks over deterministic pseudo-random
// cases so that plain go test covers them.
func TestProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 2025))
	for range 150 {
		data := make([]byte, 1+5*(1+rng.IntN(12)))
		for i := range data {
			data[i] = byte(rng.UintN(256))
		}
		checkCase(t, data)
	}
}

// FuzzEnumText checks that every enum's UnmarshalText either rejects the
// text or accepts exactly what MarshalText writes back.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"unavailable", "partial", "force-majeure", "count-down", "minimum-period", "calendar-days", "page", "", "Partial", "partial "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var i sla.Impact
		var k sla.WindowKind
		var m sla.MissingData
		var g sla.Granularity
		var n sla.NoticeRule
		var sv sla.Severity
		type enum interface {
			UnmarshalText([]byte) error
			MarshalText() ([]byte, error)
		}
		for _, e := range []enum{&i, &k, &m, &g, &n, &sv} {
			if err := e.UnmarshalText([]byte(s)); err != nil {
				continue
			}
			b, err := e.MarshalText()
			if err != nil || string(b) != s {
				t.Errorf("UnmarshalText(%q) then MarshalText = %q, %v", s, b, err)
			}
		}
	})
}

// TestBusinessHoursOracle checks agreed hours other than 24/7 against a
// per-minute brute force over a week with a holiday (Ascension Day
// 2025-05-29) and office hours 08:00-16:00 with a lunch break.
func TestBusinessHoursOracle(t *testing.T) {
	cph := contract.Copenhagen()
	var week []contract.OpenHours
	for _, d := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday} {
		week = append(week,
			contract.OpenHours{Day: d, From: contract.MustClockTime(8, 0), To: contract.MustClockTime(12, 0)},
			contract.OpenHours{Day: d, From: contract.MustClockTime(12, 30), To: contract.MustClockTime(16, 0)})
	}
	hours, err := contract.NewBusinessHours(cph, contract.DanishHolidays(), week...)
	if err != nil {
		t.Fatal(err)
	}
	p := policy()
	p.Hours = hours
	span, err := p.Days(contract.MustDate(2025, 5, 26), contract.MustDate(2025, 6, 2))
	if err != nil {
		t.Fatal(err)
	}
	const minutes = 7 * 24 * 60
	rng := rand.New(rand.NewPCG(7, 2))
	for range 20 {
		var in sla.Input
		for range 1 + rng.IntN(15) {
			s := span.From.Add(time.Duration(rng.IntN(minutes)) * time.Minute)
			in.Outages = append(in.Outages, outage(s, s.Add(time.Duration(1+rng.IntN(600))*time.Minute)))
		}
		a, err := sla.Compute(p, span, in)
		if err != nil {
			t.Fatal(err)
		}
		var agreed, down time.Duration
		for m := range minutes {
			x := span.From.Add(time.Duration(m) * time.Minute)
			if !hours.IsOpen(x) {
				continue
			}
			agreed += time.Minute
			for _, o := range in.Outages {
				if !x.Before(o.Start) && x.Before(o.End) {
					down += time.Minute
					break
				}
			}
		}
		if a.Agreed != agreed || a.Downtime != down {
			t.Fatalf("Compute with office hours = agreed %v down %v, per-minute oracle %v %v", a.Agreed, a.Downtime, agreed, down)
		}
	}
}
