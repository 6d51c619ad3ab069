package sla

import (
	"encoding/xml"
	"fmt"
	"github.com/pimkit/pimkit/contract"
	"io"
	"strings"

	"github.com/shopspring/decimal"
)

// Colours of the uptime bar.
const (
	colourMet      = "#2e9e5b" // meets the target
	colourMissed   = "#e3a008" // below the target
	colourCritical = "#d6332a" // below SVGOptions.Critical
	colourNoTime   = "#c8ccd2" // no counted time that day
)

// SVGOptions shape the uptime bar. The zero SVGOptions draws 10-pixel-wide
// bars 40 pixels high with 2 pixels between them, red below 99 %.
type SVGOptions struct {
	// BarWidth, Gap and Height are in pixels; zero means 10, 2 and 40.
	BarWidth int `json:"bar_width,omitzero"`
	Gap      int `json:"gap,omitzero"`
	Height   int `json:"height,omitzero"`
	// Critical is the percentage below which a day is red rather than
	// amber; zero means 99.
	Critical contract.Decimal `json:"critical,omitzero"`
}

// WriteSVG draws r's daily timeline as an uptime bar, the picture status
// pages show: one bar per day, green when the day meets the report's
// target, amber below it, red below opts.Critical, grey when the day has no
// counted time (outside agreed hours, or no monitoring data under
// ExcludeMissing). Each bar has a <title> that browsers show on hover:
// "2025-01-05: 99.965 % available, 0h30m down of 24h00m agreed". The output
// is deterministic, so it can be compared with a golden file. It returns
// the first error of w. A nil w is an error wrapping ErrInvalidPolicy; a
// Critical outside (0, 100], or a report's Target beyond it or with more
// than [contract.MaxDecimalText] decimals, is an error wrapping
// ErrInvalidTarget, so a picture costs time in proportion to its days.
func WriteSVG(w io.Writer, r Report, opts SVGOptions) error {
	if w == nil {
		return fmt.Errorf("%w: write svg: nil writer", ErrInvalidPolicy)
	}
	if t := r.Target.Decimal(); !t.IsZero() && !targetOK(t) {
		return fmt.Errorf("%w: write svg: target outside (0, 100]", ErrInvalidTarget)
	}
	if c := opts.Critical.Decimal(); !c.IsZero() && !targetOK(c) {
		return fmt.Errorf("%w: write svg: critical outside (0, 100]", ErrInvalidTarget)
	}
	bw, gap, h := opts.BarWidth, opts.Gap, opts.Height
	if bw <= 0 {
		bw = 10
	}
	if gap <= 0 {
		gap = 2
	}
	if h <= 0 {
		h = 40
	}
	critical := opts.Critical.Decimal()
	if critical.IsZero() {
		critical = decimal.NewFromInt(99)
	}
	n := len(r.Days)
	width := n*bw + max(n-1, 0)*gap
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img">`+"\n", width, h, width, h)
	b.WriteString("<title>")
	// Name the first and last calendar day shown, both inclusive, as a
	// reader expects: April is "2025-04-01 to 2025-04-30", not "to
	// 2025-05-01", the exclusive end of the span.
	first, last := r.Span.From.Format("2006-01-02"), r.Span.To.Format("2006-01-02")
	if n > 0 {
		first, last = r.Days[0].Date.String(), r.Days[n-1].Date.String()
	}
	escape(&b, fmt.Sprintf("%s to %s: %s %% available, target %s %%",
		first, last, r.Availability.Percent(3).StringFixed(3), r.Target.String()))
	b.WriteString("</title>\n")
	for i, d := range r.Days {
		a := d.Availability
		colour := colourMet
		switch {
		case a.Counted <= 0:
			colour = colourNoTime
		case !d.Met && a.Ratio().CmpDecimal(critical.Div(hundred)) < 0:
			colour = colourCritical
		case !d.Met:
			colour = colourMissed
		}
		fmt.Fprintf(&b, `<rect x="%d" y="0" width="%d" height="%d" fill="%s"><title>`, i*(bw+gap), bw, h, colour)
		var t string
		if a.Counted <= 0 {
			t = fmt.Sprintf("%s: no counted time", d.Date)
		} else {
			t = fmt.Sprintf("%s: %s %% available, %s down of %s agreed", d.Date,
				a.Percent(3).StringFixed(3), fmtDuration(a.Downtime.Std()), fmtDuration(a.Agreed.Std()))
			if a.Unmeasured > 0 {
				t += fmt.Sprintf(", %s without data", fmtDuration(a.Unmeasured.Std()))
			}
		}
		escape(&b, t)
		b.WriteString("</title></rect>\n")
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func escape(b *strings.Builder, s string) {
	_ = xml.EscapeText(b, []byte(s)) // a strings.Builder never fails
}
