package contract

import (
	"encoding/json"
	"github.com/pimkit/pimkit/internal/allocbound"
	"strings"
	"testing"

	"golang.org/x/text/currency"
)

// A decoder allocates at most boundPerByte bytes per input byte plus
// boundFixed, whatever the input: the bound each decoder's doc states.
const (
	boundPerByte = 16
	boundFixed   = 64 << 10
)

// decoder is one of the package's decoders: every exported function or
// method that reads text or JSON.
type decoder struct {
	name string
	dec  func(b []byte)
	// fields are JSON object keys whose values the hostile inputs fill.
	fields []string
}

func jsonInto[T any](b []byte) { var v T; _ = json.Unmarshal(b, &v) }

func textInto[T any, P interface {
	*T
	UnmarshalText([]byte) error
}](b []byte) {
	var v T
	_ = P(&v).UnmarshalText(b)
}

var decoders = []decoder{
	{"ParseMoney", func(b []byte) { _, _ = ParseMoney(string(b), currency.DKK) }, nil},
	{"Money.UnmarshalJSON", jsonInto[Money], []string{"amount", "currency"}},
	{"ParseDec", func(b []byte) { _, _ = ParseDec(string(b)) }, nil},
	{"Decimal.UnmarshalJSON", jsonInto[Decimal], nil},
	{"Decimal.UnmarshalText", textInto[Decimal], nil},
	{"Percent.UnmarshalJSON", jsonInto[Percent], nil},
	{"Percent.UnmarshalText", textInto[Percent], nil},
	{"ParseDuration", func(b []byte) { _, _ = ParseDuration(string(b)) }, nil},
	{"Duration.UnmarshalText", textInto[Duration], nil},
	{"ParseDate", func(b []byte) { _, _ = ParseDate(string(b)) }, nil},
	{"Date.UnmarshalText", textInto[Date], nil},
	{"ParsePeriod", func(b []byte) { _, _ = ParsePeriod(string(b)) }, nil},
	{"Period.UnmarshalText", textInto[Period], nil},
	{"ParseClockTime", func(b []byte) { _, _ = ParseClockTime(string(b)) }, nil},
	{"ClockTime.UnmarshalText", textInto[ClockTime], nil},
	{"ParseCurrency", func(b []byte) { _, _ = ParseCurrency(string(b)) }, nil},
	{"Currency.UnmarshalText", textInto[Currency], nil},
	{"ParseLocale", func(b []byte) { _, _ = ParseLocale(string(b)) }, nil},
	{"Locale.UnmarshalText", textInto[Locale], nil},
	{"Zone.UnmarshalText", textInto[Zone], nil},
	{"Holidays.UnmarshalText", textInto[Holidays], nil},
	{"Convention.UnmarshalText", textInto[Convention], nil},
	{"AgreementKind.UnmarshalText", textInto[AgreementKind], nil},
	{"DeadlineKind.UnmarshalText", textInto[DeadlineKind], nil},
	{"DocumentKind.UnmarshalText", textInto[DocumentKind], nil},
	{"ClaimKind.UnmarshalText", textInto[ClaimKind], nil},
	{"Side.UnmarshalText", textInto[Side], nil},
	{"CancelMethod.UnmarshalText", textInto[CancelMethod], nil},
	{"Reason.UnmarshalJSON", jsonInto[Reason], []string{"key", "args", "text"}},
	{"Terms JSON", jsonInto[Terms], []string{"late_interest_per_month", "availability_percent", "currency", "provider", "payment_period", "service_window_notice", "law"}},
	{"BusinessHours.UnmarshalJSON", jsonInto[BusinessHours], []string{"zone", "calendar", "week"}},
	{"Calendar.UnmarshalJSON", jsonInto[Calendar], []string{"holidays", "closed_days", "closed_dates"}},
	{"Counter.UnmarshalJSON", jsonInto[Counter], []string{"convention", "calendar"}},
	{"Capacity JSON", jsonInto[Capacity], []string{"max", "thresholds", "hysteresis"}},
	{"VATTable JSON", jsonInto[VATTable], []string{"rates"}},
	{"ExitFee JSON", jsonInto[ExitFee], []string{"hours", "hourly_rate"}},
	{"Claim JSON", jsonInto[Claim], []string{"amount", "event"}},
	{"Decision JSON", jsonInto[Decision], []string{"reason", "citations"}},
	{"CitationList.UnmarshalJSON", jsonInto[CitationList], nil},
	{"Settlement JSON", jsonInto[Settlement], []string{"citations", "monthly_fee"}},
}

// hostileSize is the size of each hostile input.
const hostileSize = 1 << 20

func repeatTo(unit string, n int) string { return strings.Repeat(unit, n/len(unit)+1)[:n] }

// whole repeats unit as often as fits in n bytes, so JSON stays valid.
func whole(unit string, n int) string { return strings.Repeat(unit, n/len(unit)) }

// hostileInputs returns about 1 MiB inputs of the kinds that cost parsers
// the most: junk, digits, nesting, separators, long strings, long lists
// and, for JSON objects, each of those as the value of each field.
func hostileInputs(fields []string) map[string][]byte {
	n := hostileSize
	in := map[string][]byte{
		"junk":           []byte(repeatTo("\xff{[\"a,\\u00", n)),
		"digits":         []byte(repeatTo("1", n)),
		"quoted digits":  []byte(`"` + repeatTo("9", n-2) + `"`),
		"number":         []byte("1" + repeatTo("0", n/2) + "." + repeatTo("5", n/2)),
		"nested arrays":  []byte(repeatTo("[", n)),
		"nested objects": []byte(repeatTo(`{"a":`, n)),
		"commas":         []byte(repeatTo(",", n)),
		"colons":         []byte(repeatTo(":", n)),
		"periods":        []byte("P" + repeatTo("1Y", n)),
		"dashes":         []byte(repeatTo("2026-", n)),
		"string":         []byte(`"` + repeatTo("a", n-2) + `"`),
		"array":          []byte("[" + repeatTo("1,", n-2) + "1]"),
	}
	values := map[string]string{
		"digits":  `"` + repeatTo("1", n) + `"`,
		"number":  repeatTo("7", n),
		"string":  `"` + repeatTo("x", n) + `"`,
		"nested":  repeatTo("[", n),
		"objects": "[" + whole(`{},`, n) + "{}]",
		"ints":    "[" + whole(`{"int":1},`, n) + `{"int":1}]`,
		"days":    "[" + whole(`{"month":12,"day":24,"name":"x"},`, n) + "{}]",
		"dates":   "[" + whole(`{"date":"2026-12-24","name":"x"},`, n) + "{}]",
		"week":    "[" + whole(`{"day":1,"from":"08:00","to":"16:00"},`, n) + "{}]",
		"rates":   "[" + whole(`{"country":"DK","from":"2026-01-01","rate":"0.25"},`, n) + "{}]",
		"strings": "[" + whole(`"0.5",`, n) + `"0.5"]`,
	}
	for _, f := range fields {
		for vn, v := range values {
			in[f+"="+vn] = []byte(`{"` + f + `":` + v + `}`)
		}
	}
	return in
}

// TestDecoderAllocationBound checks every decoder on every hostile input:
// at most 16 bytes per input byte plus 64 KiB. Before the bounded
// parser, a megabyte of digits in a decimal cost gigabytes; before
// Calendar read its dates in one set, a long list cost its square.
func TestDecoderAllocationBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	var worst struct {
		name  string
		ratio float64
	}
	for _, d := range decoders {
		for name, in := range hostileInputs(d.fields) {
			got := allocbound.Allocated(func() { d.dec(in) })
			limit := uint64(boundPerByte*len(in) + boundFixed)
			if got > limit {
				t.Errorf("%s on %s (%d bytes) allocated %d bytes, over %d (16/byte + 64 KiB)", d.name, name, len(in), got, limit)
			}
			if r := float64(got) / float64(len(in)); r > worst.ratio {
				worst.name, worst.ratio = d.name+" on "+name, r
			}
		}
	}
	t.Logf("worst case: %s, %.2f bytes per input byte", worst.name, worst.ratio)
}

// TestDecimalFieldsBounded: a decimal read from JSON goes through the
// bounded parser -- 200 digits in any decimal field is refused; shopspring
// read it (and a megabyte of digits in seconds and gigabytes).
func TestDecimalFieldsBounded(t *testing.T) {
	long := repeatTo("1", 200)
	for _, c := range []struct {
		name string
		js   string
		into any
	}{
		{"Terms.LateInterestPerMonth", `{"late_interest_per_month":"%s"}`, new(Terms)},
		{"Terms.LateInterestPerMonth (number)", `{"late_interest_per_month":%s}`, new(Terms)},
		{"Terms.AvailabilityPercent", `{"availability_percent":"%s"}`, new(Terms)},
		{"ExitFee.Hours", `{"hours":"%s"}`, new(ExitFee)},
		{"Capacity.Max", `{"max":"%s"}`, new(Capacity)},
		{"Capacity.Thresholds", `{"thresholds":["%s"]}`, new(Capacity)},
		{"Capacity.Hysteresis", `{"hysteresis":%s}`, new(Capacity)},
		{"CapacityEvent.Usage", `{"usage":"%s"}`, new(CapacityEvent)},
		{"CapacityEvent.Threshold", `{"threshold":"%s"}`, new(CapacityEvent)},
		{"VATRate.Rate", `{"rate":"%s"}`, new(VATRate)},
		{"Reason decimal arg", `{"key":"k","args":[{"decimal":"%s"}]}`, new(Reason)},
	} {
		js := strings.Replace(c.js, "%s", long, 1)
		if err := json.Unmarshal([]byte(js), c.into); err == nil {
			t.Errorf("%s: 200 digits read without error", c.name)
		}
		if err := json.Unmarshal([]byte(strings.Replace(c.js, "%s", "0.25", 1)), c.into); err != nil {
			t.Errorf("%s: 0.25 refused: %v", c.name, err)
		}
	}
}

// BenchmarkDecoders measures each decoder on each hostile input; B/op over
// the input's size is the bytes per input byte the bound limits.
func BenchmarkDecoders(b *testing.B) {
	for _, d := range decoders {
		b.Run(strings.ReplaceAll(d.name, " ", "_"), func(b *testing.B) {
			ins := hostileInputs(d.fields)
			names := make([]string, 0, len(ins))
			for n := range ins {
				names = append(names, n)
			}
			b.ReportAllocs()
			var total int
			for _, n := range names {
				total += len(ins[n])
			}
			b.SetBytes(int64(total))
			for b.Loop() {
				for _, n := range names {
					d.dec(ins[n])
				}
			}
		})
	}
}
