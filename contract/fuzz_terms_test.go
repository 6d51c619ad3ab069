package contract

import (
	"errors"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// FuzzSettleLiability checks terms 15.1's invariants on any claims: no
// panic; bad input is a ValidationError; what is payable is never
// negative, never above the total cap, no event gets more than the
// per-event cap, and every line adds up to what was claimed.
func FuzzSettleLiability(f *testing.F) {
	f.Add("1000", int64(150000), uint8(1), "a", int64(20000), uint8(2), "a", int64(5000000), uint8(3), "b")
	f.Add("833.33", int64(1), uint8(1), "x", int64(99999999), uint8(1), "y", int64(0), uint8(2), "x")
	f.Add("-1", int64(-5), uint8(0), "", int64(1), uint8(9), "a", int64(1), uint8(1), "a")
	f.Add("0.005", int64(1), uint8(2), "a", int64(1), uint8(2), "a", int64(1), uint8(2), "a")
	f.Fuzz(func(t *testing.T, fee string, a1 int64, k1 uint8, e1 string, a2 int64, k2 uint8, e2 string, a3 int64, k3 uint8, e3 string) {
		monthly, err := decimal.NewFromString(fee)
		if err != nil || monthly.Exponent() < -8 || monthly.Exponent() > 8 {
			t.Skip()
		}
		claims := []Claim{
			{Event: e1, Kind: ClaimKind(k1 % 5), Amount: NewMoney(decimal.New(a1, -2), currency.DKK)},
			{Event: e2, Kind: ClaimKind(k2 % 5), Amount: NewMoney(decimal.New(a2, -2), currency.DKK)},
			{Event: e3, Kind: ClaimKind(k3 % 5), Amount: NewMoney(decimal.New(a3, -2), currency.DKK)},
		}
		for _, terms := range []Terms{OpenDIMSTerms(), func() Terms { t := OpenDIMSTerms(); t.PenaltiesInsideCap = false; return t }()} {
			s, err := terms.SettleLiability(NewMoney(monthly, currency.DKK), claims)
			if err != nil {
				var verr *ValidationError
				if !errors.As(err, &verr) || !errors.Is(err, ErrInvalidInput) || len(verr.Problems) == 0 {
					t.Fatalf("SettleLiability error %v is not a ValidationError", err)
				}
				return
			}
			if s.Payable.Amount().IsNegative() || s.CapTotal.Amount().IsNegative() || s.CapPerEvent.Amount().GreaterThan(s.CapTotal.Amount()) {
				t.Fatalf("payable %s, caps %s/%s", s.Payable.Amount(), s.CapPerEvent.Amount(), s.CapTotal.Amount())
			}
			inCap := decimal.Zero
			perEvent := map[string]decimal.Decimal{}
			for i, l := range s.Lines {
				if l.Payable.Amount().IsNegative() || l.CutByEventCap.Amount().IsNegative() || l.CutByTotalCap.Amount().IsNegative() || l.Excluded.Amount().IsNegative() {
					t.Fatalf("line %d negative: %+v", i, l)
				}
				if !l.Payable.Amount().Add(l.Excluded.Amount()).Add(l.CutByEventCap.Amount()).Add(l.CutByTotalCap.Amount()).Equal(l.Claimed.Amount()) {
					t.Fatalf("line %d does not add up: %+v", i, l)
				}
				if l.Claim.Kind == IndirectLoss && !l.Payable.Amount().IsZero() {
					t.Fatalf("indirect loss paid: %+v", l)
				}
				if l.Claim.Kind == Penalty && !terms.PenaltiesInsideCap {
					continue
				}
				inCap = inCap.Add(l.Payable.Amount())
				perEvent[l.Claim.Event] = perEvent[l.Claim.Event].Add(l.Payable.Amount())
				if perEvent[l.Claim.Event].GreaterThan(s.CapPerEvent.Amount()) {
					t.Fatalf("event %q paid %s over cap %s", l.Claim.Event, perEvent[l.Claim.Event], s.CapPerEvent.Amount())
				}
			}
			if inCap.GreaterThan(s.CapTotal.Amount()) {
				t.Fatalf("paid %s inside the caps, over the total cap %s", inCap, s.CapTotal.Amount())
			}
		}
	})
}

// FuzzResolve checks the precedence resolver of terms 1.3 on any two
// documents: no panic; a result comes from a document that set the
// parameter or from the general terms; a DPA never wins outside data
// processing; sales material never wins; errors are ValidationErrors.
func FuzzResolve(f *testing.F) {
	f.Add(uint8(1), 0, "payment_period", "P1M", uint8(2), 0, "payment_period", "P3M")
	f.Add(uint8(1), 0, "payment_period", "P1M", uint8(1), 0, "payment_period", "P1M")
	f.Add(uint8(2), 0, "breach_notice", "24h", uint8(1), 3, "breach_notice", "12h")
	f.Add(uint8(4), 0, "availability_percent", "100", uint8(3), 0, "availability_percent", "x")
	f.Add(uint8(0), 0, "nope", "", uint8(9), -1, "law", "SE")
	f.Fuzz(func(t *testing.T, k1 uint8, p1 int, n1, v1 string, k2 uint8, p2 int, n2, v2 string) {
		docs := []Document{
			{Kind: DocumentKind(k1 % 6), Name: "one", Priority: p1, Params: map[string]string{n1: v1}},
			{Kind: DocumentKind(k2 % 6), Name: "two", Priority: p2, Params: map[string]string{n2: v2}},
		}
		base := OpenDIMSTerms()
		for _, name := range append(Params(), n1, n2) {
			r, err := Resolve(base, docs, name)
			if err != nil {
				var verr *ValidationError
				if !errors.As(err, &verr) || len(verr.Problems) == 0 {
					t.Fatalf("Resolve(%q) error %v is not a ValidationError", name, err)
				}
				continue
			}
			if r.Param != name {
				t.Fatalf("Resolve(%q).Param = %q", name, r.Param)
			}
			p, _ := findParam(name)
			switch i := r.From.Index; {
			case i < 0:
				if want := p.get(&base); r.Value != want {
					t.Fatalf("Resolve(%q) from base = %q, want %q", name, r.Value, want)
				}
			default:
				d := docs[i]
				if d.Kind == SalesMaterial || !d.Kind.valid() {
					t.Fatalf("Resolve(%q) took the value of a %v", name, d.Kind)
				}
				if d.Kind == DataProcessingAgreement && !p.dataProcessing {
					t.Fatalf("Resolve(%q): the DPA won outside data processing", name)
				}
				if _, set := d.Params[name]; !set && d.Kind != GeneralTerms {
					t.Fatalf("Resolve(%q) from documents[%d] that does not set it", name, i)
				}
			}
		}
		terms, res, err := ResolveTerms(base, docs)
		if err != nil {
			var verr *ValidationError
			if !errors.As(err, &verr) || len(verr.Problems) == 0 {
				t.Fatalf("ResolveTerms error %v is not a ValidationError", err)
			}
			return
		}
		if err := terms.Validate(); err != nil || len(res) != len(params) {
			t.Fatalf("ResolveTerms gave invalid terms %v or %d resolutions", err, len(res))
		}
	})
}

// FuzzCustomerTermination checks terms 17.2 on any dates and periods: no
// panic; the end is a payment period's last day, at least one notice
// period after the notice, and the first such.
func FuzzCustomerTermination(f *testing.F) {
	f.Add(int32(738916), 130, 12, 1)
	f.Add(int32(739250), 61, 1, 1)
	f.Add(int32(0), 0, 0, -1)
	f.Add(int32(3000000), -5, 120000, 0)
	f.Fuzz(func(t *testing.T, start int32, offset int, months, notice int) {
		terms := OpenDIMSTerms()
		terms.PaymentPeriod = Months(months)
		terms.CustomerNotice = Months(notice)
		s := Date{days: start}
		n := s.AddDays(offset)
		if s.Year() < 1 || s.Year() > 9999 || n.Year() < 1 || n.Year() > 9999 {
			t.Skip()
		}
		d, err := terms.CustomerTermination(s, n)
		if err != nil {
			var verr *ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("error %v is not a ValidationError", err)
			}
			return
		}
		earliest := n.Add(terms.CustomerNotice)
		if d.Date.Before(earliest) {
			t.Fatalf("CustomerTermination(%s, %s) = %s, before %s", s, n, d.Date, earliest)
		}
		k := int(d.Reason.Args()[2].(int64))
		if periodEnd(s, terms.PaymentPeriod, k) != d.Date || k < 1 {
			t.Fatalf("end %s is not period %d's last day", d.Date, k)
		}
		if k > 1 && !periodEnd(s, terms.PaymentPeriod, k-1).Before(earliest) {
			t.Fatalf("period %d already ended on or after %s", k-1, earliest)
		}
	})
}

// FuzzTextDecoders feeds any text to the package's enum and parameter
// decoders: no panic, unknown text is an error, and what decodes encodes
// back to the same text.
func FuzzTextDecoders(f *testing.F) {
	for _, s := range []string{"penalty", "customer", "email", "offer", "self_serve", "dpa", "P12M", "48h", "99.9", "true", "DKK", "", "Penalty"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var ck ClaimKind
		var sd Side
		var cm CancelMethod
		var dk DocumentKind
		var ak AgreementKind
		for _, u := range []interface {
			UnmarshalText([]byte) error
			MarshalText() ([]byte, error)
		}{&ck, &sd, &cm, &dk, &ak} {
			if err := u.UnmarshalText([]byte(s)); err != nil {
				if !errors.Is(err, ErrInvalidInput) {
					t.Fatalf("UnmarshalText(%q) error %v does not wrap ErrInvalidInput", s, err)
				}
				continue
			}
			b, err := u.MarshalText()
			if err != nil || string(b) != s {
				t.Fatalf("UnmarshalText(%q) then MarshalText = %q, %v", s, b, err)
			}
		}
		for _, name := range Params() {
			terms, err := OpenDIMSTerms().SetParam(name, s)
			if err != nil {
				if !errors.Is(err, ErrInvalidInput) {
					t.Fatalf("SetParam(%s, %q) error %v", name, s, err)
				}
				continue
			}
			v, _ := terms.Param(name)
			again, err := OpenDIMSTerms().SetParam(name, v)
			if w, _ := again.Param(name); err != nil || w != v {
				t.Fatalf("SetParam(%s, %q): Param %q does not round-trip (%q, %v)", name, s, v, w, err)
			}
		}
		_ = strconv.Quote(s)
	})
}
