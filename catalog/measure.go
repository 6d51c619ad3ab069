package catalog

import (
	"math"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// Unit is one unit of a measurement family: an amount v in this unit is
// (v x Factor + Offset) / Divisor in the family's standard unit. Gram in
// a kilogram family has Factor 0.001; Celsius in a kelvin family Factor 1
// and Offset 273.15; Fahrenheit Factor 5, Offset 2298.35 and Divisor 9,
// since K = (F + 459.67) x 5/9 and 5/9 has no finite decimal form. A zero
// Factor or Divisor means 1. A negative Factor or Divisor is refused by
// [Schema.Compile] (rule dgte), since a unit that turns a positive amount
// negative is a typing error, not a unit.
//
// Symbol is how the unit is written after an amount ("kg"); Labels name
// it per language. Neither takes part in conversion.
type Unit struct {
	Code    string           `json:"code" validate:"required,max=100"`
	Labels  Labels           `json:"labels,omitzero"`
	Symbol  string           `json:"symbol,omitzero"`
	Factor  contract.Decimal `json:"factor" validate:"dgte=0"`
	Offset  contract.Decimal `json:"offset"`
	Divisor contract.Decimal `json:"divisor,omitzero" validate:"dgte=0"`
}

// UnitFamily is a measurement family such as weight or length: its
// standard unit and the units it converts between. [MeasurementFamilies]
// returns Akeneo's 18 standard families with SI- and NIST-checked
// factors.
type UnitFamily struct {
	Code     string `json:"code,omitzero"`
	Labels   Labels `json:"labels,omitzero"`
	Standard string `json:"standard,omitzero"`
	Units    []Unit `json:"units,omitzero" validate:"dive"`
}

// IsZero reports whether f defines no family: no code, no standard unit
// and no units. A field's JSON leaves such a family out.
func (f UnitFamily) IsZero() bool {
	return f.Code == "" && f.Standard == "" && len(f.Units) == 0 && len(f.Labels) == 0
}

// Unit returns the unit with code; ok is false when the family has none.
func (f UnitFamily) Unit(code string) (u Unit, ok bool) {
	for _, u := range f.Units {
		if u.Code == code {
			return u, true
		}
	}
	return Unit{}, false
}

// unit returns the unit with code, its zero Factor and Divisor as 1.
func (f UnitFamily) unit(code string) (Unit, bool) {
	for _, u := range f.Units {
		if u.Code == code {
			if u.Factor.IsZero() {
				u.Factor = contract.Dec(decOne)
			}
			if u.Divisor.IsZero() {
				u.Divisor = contract.Dec(decOne)
			}
			return u, true
		}
	}
	return Unit{}, false
}

// conversionPlaces bounds the decimals of a division in Convert.
const conversionPlaces = 20

// ratio is an exact conversion result num/den, den > 0.
type ratio struct{ num, den decimal.Decimal }

// convertRatio returns v in unit from expressed in unit to, exactly, as
// ((v x Ff + Of) x Dt - Ot x Df) / (Df x Ft): products and sums of
// decimals are exact, so only the one division a caller may make rounds.
func convertRatio(v decimal.Decimal, from, to Unit) ratio {
	num := v.Mul(from.Factor.Decimal()).Add(from.Offset.Decimal()).Mul(to.Divisor.Decimal()).
		Sub(to.Offset.Decimal().Mul(from.Divisor.Decimal()))
	return ratio{num: num, den: from.Divisor.Decimal().Mul(to.Factor.Decimal())}
}

// exact returns num/den, ok true when it is exact: a denominator of 1
// leaves the product's own scale (1500 x 0.001 = 1.5000); a division that
// ends within conversionPlaces decimals drops its trailing zeros (101325,
// not 101325.00000000000000000000); one that does not end is rounded half
// away from zero to conversionPlaces decimals and ok is false.
func (r ratio) exact() (decimal.Decimal, bool) {
	if r.den.Equal(decOne) {
		return r.num, true
	}
	q := r.num.DivRound(r.den, conversionPlaces)
	if !q.Mul(r.den).Equal(r.num) {
		return q, false
	}
	return trimZeros(q), true
}

// trimZeros drops the trailing zeros of d's decimals: 298.1500 is 298.15.
func trimZeros(d decimal.Decimal) decimal.Decimal {
	for d.Exponent() < 0 {
		t := d.Truncate(-d.Exponent() - 1)
		if !t.Equal(d) {
			break
		}
		d = t
	}
	return d
}

// Convert converts v from unit from to unit to: 1500 GRAM is 1.5000
// KILOGRAM (1500 x 0.001, exact); 25 CELSIUS is 77 FAHRENHEIT. The
// conversion is computed as one fraction of exact products and sums, so
// at most one division rounds: when the result has no finite decimal
// form, or more than 20 decimals, it is rounded half away from zero to 20
// decimals (1 FAHRENHEIT is 255.92777777777777777778 KELVIN); a division
// that ends keeps no trailing zeros (77 FAHRENHEIT is 298.15 KELVIN, 1 ATM
// is 101325 PASCAL). A product keeps its scale: 1500 GRAM is 1.5000
// KILOGRAM. An unknown unit is [ErrNotFound].
func (f UnitFamily) Convert(v decimal.Decimal, from, to string) (decimal.Decimal, error) {
	uf, ok := f.unit(from)
	if !ok {
		return decimal.Decimal{}, ErrNotFound
	}
	ut, ok := f.unit(to)
	if !ok {
		return decimal.Decimal{}, ErrNotFound
	}
	if from == to {
		return v, nil
	}
	q, _ := convertRatio(v, uf, ut).exact()
	return q, nil
}

// unitConv is a conversion between two units that is a multiplication by
// mul x 10^exp with int64 mul: no offsets and a ratio of factors and
// divisors with a finite decimal form (GRAM to KILOGRAM: 1 x 10^-3; INCH
// to CENTIMETER: 254 x 10^-2). Validation converts small amounts with it
// without allocating; other conversions take the exact decimal path.
type unitConv struct {
	ok  bool
	mul int64
	exp int32
}

// newUnitConv returns the multiplication from unit from to unit to (both
// with their zero Factor and Divisor read as 1), ok false when there is
// none.
func newUnitConv(from, to Unit) unitConv {
	if !from.Offset.IsZero() || !to.Offset.IsZero() {
		return unitConv{}
	}
	r := convertRatio(decOne, from, to)
	q, exact := r.exact()
	if !exact || q.IsZero() {
		return unitConv{}
	}
	q = trimZeros(q)
	if q.NumDigits() > 18 {
		return unitConv{}
	}
	return unitConv{ok: true, mul: q.CoefficientInt64(), exp: q.Exponent()}
}

// apply returns n x 10^e converted, ok false on int64 overflow.
func (u unitConv) apply(n int64, e int32) (int64, int32, bool) {
	if n == 0 {
		return 0, e + u.exp, true
	}
	p := n * u.mul
	if p/u.mul != n || (n == -1 && u.mul == math.MinInt64) || (u.mul == -1 && n == math.MinInt64) {
		return 0, 0, false
	}
	return p, e + u.exp, true
}
