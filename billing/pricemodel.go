package billing

import (
	"strconv"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// PriceModel is how a usage [Price] turns a quantity into an amount. The
// zero value is invalid.
type PriceModel uint8

const (
	// PerUnit charges UnitPrice for each unit: 1,000 API calls at 0.05
	// USD are 50.00 USD.
	PerUnit PriceModel = iota + 1
	// Package charges UnitPrice for each started block of PackageSize
	// units after FreeUnits: 5 USD per 100 with 100 free, 201 units are
	// two blocks, 10.00 USD.
	Package
	// Graduated charges each unit at the price of the tier it falls in,
	// and a tier's FlatFee once the tier is entered: with 1-5 at 7 USD and
	// 6-10 at 6.50, 6 units are 5 x 7 + 1 x 6.50 = 41.50 USD.
	Graduated
	// Volume charges every unit at the price of the tier the whole
	// quantity falls in, plus that tier's FlatFee: with the same tiers, 6
	// units are 6 x 6.50 = 39.00 USD (graduated: 41.50).
	// Zero units cost nothing, flat fee included (under every model).
	Volume
	// Percentage charges Rate of the summed transaction amounts plus
	// FixedFee per transaction, each transaction's fee held between
	// MinPerTransaction and MaxPerTransaction; see [Price.Transactions].
	Percentage
)

var priceModelNames = enum.Names{PerUnit: "per_unit", Package: "package", Graduated: "graduated", Volume: "volume", Percentage: "percentage"}

// String returns "per_unit", "package", "graduated", "volume" or "percentage".
func (m PriceModel) String() string { return enum.String(priceModelNames, m, "PriceModel") }

// MarshalText implements encoding.TextMarshaler; the zero model is an error.
func (m PriceModel) MarshalText() ([]byte, error) {
	return enum.Marshal(priceModelNames, m, "price model", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (m *PriceModel) UnmarshalText(b []byte) error {
	return enum.Unmarshal(priceModelNames, b, m, "price model", ErrSyntax)
}

// Tier is one tier of a [Graduated] or [Volume] price. Tiers are listed in
// order; a tier holds the units after the previous tier's UpTo up to and
// including its own: {UpTo: 5}, {UpTo: 10}, {} are 1-5, 6-10 and 11 on,
// as Stripe writes up_to (the last tier, UpTo zero, has no upper bound).
type Tier struct {
	// UpTo is the last unit of the tier; zero on the last tier only,
	// meaning no bound.
	UpTo contract.Decimal `json:"up_to,omitzero" validate:"dgte=0"`
	// UnitPrice is the price of one unit in the tier, not negative.
	UnitPrice contract.Money `json:"unit_price"`
	// FlatFee is charged once when the quantity reaches the tier
	// (Graduated) or falls in it (Volume); the zero Money is none.
	FlatFee contract.Money `json:"flat_fee,omitzero"`
}

// Price is the price of a metered charge: its model and the parameters
// the model reads, all amounts in one currency. It is configuration a
// host fills in; [Price.Validate] checks it.
type Price struct {
	Model PriceModel `json:"model" validate:"required"`
	// UnitPrice is the price of one unit (PerUnit) or of one block
	// (Package).
	UnitPrice contract.Money `json:"unit_price,omitzero"`
	// PackageSize is the number of units in a block (Package), at least 1.
	PackageSize int64 `json:"package_size,omitempty" validate:"gte=0"`
	// FreeUnits are units not charged before blocks are counted (Package).
	FreeUnits int64 `json:"free_units,omitempty" validate:"gte=0"`
	// Tiers are the tiers of a Graduated or Volume price, at most 100.
	Tiers []Tier `json:"tiers,omitempty" validate:"max=100,dive"`
	// Rate is the percentage of the transaction amounts charged, as a
	// fraction: 0.012 for 1.2 % (Percentage).
	Rate contract.Decimal `json:"rate,omitzero" validate:"dgte=0,dlte=1"`
	// FixedFee is charged per transaction (Percentage).
	FixedFee contract.Money `json:"fixed_fee,omitzero"`
	// FreeEvents and FreeAmount are the transactions free of charge
	// (Percentage): the first FreeEvents transactions, while their running
	// total stays within FreeAmount. A transaction that takes the total
	// past FreeAmount pays the rate on the excess and its fixed fee; every
	// transaction after either limit pays in full.
	FreeEvents int64            `json:"free_events,omitempty" validate:"gte=0"`
	FreeAmount contract.Decimal `json:"free_amount,omitzero" validate:"dgte=0"`
	// MinPerTransaction and MaxPerTransaction bound each transaction's fee
	// (Percentage); the zero Money is no bound.
	MinPerTransaction contract.Money `json:"min_per_transaction,omitzero"`
	MaxPerTransaction contract.Money `json:"max_per_transaction,omitzero"`
	// FlatFee is charged every period, used or not, on top of the
	// model's amount: Stripe's flat fee and overages, 100 USD a licence
	// with 1,000 units included. The zero Money is none.
	FlatFee contract.Money `json:"flat_fee,omitzero"`
	// Minimum is the least the charge costs in a period, a commitment: a
	// charge below it is topped up by a true-up ([Rated.TrueUp]). The zero
	// Money is none.
	Minimum contract.Money `json:"minimum,omitzero"`
}

// Rated is a charge priced for one period: the model's amount with the
// price's flat fee, the
// true-up to the minimum commitment, and their sum, each rounded half
// away from zero to the currency's minor unit after the exact
// computation (one rounding per charge, never per unit or tier).
type Rated struct {
	Quantity contract.Decimal `json:"quantity"`
	Amount   contract.Money   `json:"amount"`
	// TrueUp is Minimum - Amount when Amount is below the minimum, else 0.
	TrueUp contract.Money `json:"true_up"`
	Total  contract.Money `json:"total"`
}

// Line returns r as one invoice line of quantity 1 at r.Total, the way
// a usage charge is invoiced: "API calls, 15,000 units" at 107.00.
func (r Rated) Line(desc string, vatRate decimal.Decimal) Line {
	return Line{Description: desc, Quantity: contract.Dec(decimal.NewFromInt(1)), UnitPrice: r.Total, VATRate: contract.Dec(vatRate)}
}

// Currency returns the currency of p's amounts: that of its first amount
// set; the zero Unit when it has none.
func (p Price) Currency() currency.Unit {
	switch {
	case !p.UnitPrice.IsZero():
		return p.UnitPrice.Currency()
	case !p.FixedFee.IsZero():
		return p.FixedFee.Currency()
	case !p.FlatFee.IsZero():
		return p.FlatFee.Currency()
	case !p.Minimum.IsZero():
		return p.Minimum.Currency()
	case !p.MinPerTransaction.IsZero():
		return p.MinPerTransaction.Currency()
	case !p.MaxPerTransaction.IsZero():
		return p.MaxPerTransaction.Currency()
	}
	for i := range p.Tiers {
		if !p.Tiers[i].UnitPrice.IsZero() {
			return p.Tiers[i].UnitPrice.Currency()
		}
	}
	return currency.Unit{}
}

// Validate reports every problem of p at once in a
// [*contract.ValidationError] wrapping [ErrInvalid]: its validate tags,
// and the rules between fields -- a PerUnit or Package price needs
// "unit_price", a Package price "package_size" of at least 1, a tiered
// price tiers whose "tiers[1].up_to" rise (rule gtfield) with only the
// last unbounded, every amount in one currency (rule currency_mismatch)
// and not negative.
func (p Price) Validate() error {
	var ps contract.Problems
	p.problems(&ps)
	if ps.Len() == 0 {
		return nil
	}
	return invalid(&ps, "validate price")
}

func (p Price) problems(ps *contract.Problems) {
	if p.tagsBroken() {
		ps.Check("", p)
	}
	cur := contract.CurrencyOf(p.Currency())
	switch p.Model {
	case PerUnit, Package:
		checkUnitPrice(ps, "unit_price", p.UnitPrice, cur)
		if p.Model == Package && p.PackageSize < 1 {
			ps.Add("package_size", "gte", "1")
		}
	case Graduated, Volume:
		if len(p.Tiers) == 0 {
			ps.Add("tiers", "min", "1")
		}
		prev := decimal.Zero
		for i, t := range p.Tiers {
			// Paths are built only for a problem: a sound price is checked
			// on every rating without allocating.
			path := func(f string) string { return "tiers[" + strconv.Itoa(i) + "]." + f }
			if rule, param := unitPriceProblem(t.UnitPrice, cur); rule != "" {
				ps.Add(path("unit_price"), rule, param)
			}
			if !t.FlatFee.IsZero() {
				if rule, param := amountProblem(t.FlatFee, cur, nonNegative); rule != "" {
					ps.Add(path("flat_fee"), rule, param)
				}
			}
			up := t.UpTo.Decimal()
			switch last := i == len(p.Tiers)-1; {
			case up.IsZero() && !last:
				ps.Add(path("up_to"), "required", "")
			case !up.IsZero() && !up.GreaterThan(prev):
				ps.Add(path("up_to"), "gtfield", "tiers["+strconv.Itoa(i-1)+"].up_to")
			case !readable(up, 0):
				ps.Add(path("up_to"), "range", "")
			}
			prev = up
		}
	case Percentage:
		if !readable(p.Rate.Decimal(), 0) || !readable(p.FreeAmount.Decimal(), 0) {
			ps.Add("rate", "range", "")
		}
		optAmount(ps, "fixed_fee", p.FixedFee, cur)
		optAmount(ps, "min_per_transaction", p.MinPerTransaction, cur)
		optAmount(ps, "max_per_transaction", p.MaxPerTransaction, cur)
		if !p.MinPerTransaction.IsZero() && !p.MaxPerTransaction.IsZero() &&
			p.MaxPerTransaction.Amount().LessThan(p.MinPerTransaction.Amount()) {
			ps.Add("max_per_transaction", "gtefield", "min_per_transaction")
		}
	}
	optAmount(ps, "flat_fee", p.FlatFee, cur)
	optAmount(ps, "minimum", p.Minimum, cur)
}

// optAmount checks an optional amount: the zero Money is none.
func optAmount(ps *contract.Problems, path string, m contract.Money, cur contract.Currency) {
	if !m.IsZero() {
		checkAmount(ps, path, m, cur, nonNegative)
	}
}

// tagsBroken reports, without reflection, whether a validate tag of p is
// broken, so that rating a period never pays for the validator; a test
// checks that it agrees with the tags.
func (p Price) tagsBroken() bool {
	if p.Model == 0 || p.PackageSize < 0 || p.FreeUnits < 0 || p.FreeEvents < 0 || len(p.Tiers) > 100 ||
		!fraction(p.Rate.Decimal()) || p.FreeAmount.Decimal().Sign() < 0 {
		return true
	}
	for i := range p.Tiers {
		if p.Tiers[i].UpTo.Decimal().Sign() < 0 {
			return true
		}
	}
	return false
}

// checkUnitPrice records the problem of a unit price at path: like an
// amount, but with up to 12 decimals (Stripe's unit_amount_decimal), so
// 0.0015 USD per API call is a price.
func checkUnitPrice(ps *contract.Problems, path string, m contract.Money, cur contract.Currency) {
	if rule, param := unitPriceProblem(m, cur); rule != "" {
		ps.Add(path, rule, param)
	}
}

// unitPriceProblem is the rule and parameter a unit price breaks, or "".
func unitPriceProblem(m contract.Money, cur contract.Currency) (rule, param string) {
	switch rule, param := amountProblem(m, cur, nonNegative); {
	case rule == "scale":
		if m.Amount().Exponent() < -12 || !readable(m.Amount(), 0) {
			return rule, "12"
		}
	case rule != "":
		return rule, param
	}
	return "", ""
}

// Amount prices quantity units consumed in one period in events
// transactions. PerUnit, Package, Graduated and Volume read the quantity;
// Percentage reads the quantity as the summed transaction amount and
// events as their number, which is exact only without per-transaction
// bounds or free units -- a price with them needs each amount and is
// refused here with "min_per_transaction" rule transactions (use
// [Price.Transactions]). Examples of the models' own documentation: 201
// units at 5 USD per 100 with 100 free are 10.00 USD (Lago, package);
// 65,000 units in Lago's volume tiers are 65,000 x 0.0006 + 10 = 49.00 USD.
//
// A negative quantity, a price that [Price.Validate] refuses or a result
// beyond the limits of a Money is a [*contract.ValidationError] wrapping
// [ErrInvalid].
func (p Price) Amount(quantity decimal.Decimal, events int64) (Rated, error) {
	var ps contract.Problems
	if err := p.Validate(); err != nil {
		return Rated{}, err
	}
	if quantity.Sign() < 0 || !readable(quantity, 0) {
		ps.Add("quantity", "dgte", "0")
	}
	if events < 0 {
		ps.Add("events", "gte", "0")
	}
	if p.Model == Percentage && (!p.MinPerTransaction.IsZero() || !p.MaxPerTransaction.IsZero() || p.FreeEvents > 0 || !p.FreeAmount.Decimal().IsZero()) {
		ps.Add("min_per_transaction", "transactions", "")
	}
	if ps.Len() > 0 {
		return Rated{}, invalid(&ps, "price usage")
	}
	var amt decimal.Decimal
	switch p.Model {
	case PerUnit:
		amt = quantity.Mul(p.UnitPrice.Amount())
	case Package:
		billable := quantity.Sub(decimal.NewFromInt(p.FreeUnits))
		if billable.Sign() > 0 {
			blocks := billable.Div(decimal.NewFromInt(p.PackageSize)).Ceil()
			amt = blocks.Mul(p.UnitPrice.Amount())
		}
	case Graduated:
		var ok bool
		if amt, ok = p.graduatedFixed(quantity); !ok {
			amt = p.graduated(quantity)
		}
	case Volume:
		amt = p.volume(quantity)
	case Percentage:
		amt = quantity.Mul(p.Rate.Decimal()).Add(decimal.NewFromInt(events).Mul(p.FixedFee.Amount()))
	}
	return p.rated(quantity, amt)
}

// graduated is the exact amount of q units across the tiers.
func (p Price) graduated(q decimal.Decimal) decimal.Decimal {
	amt, prev := decimal.Zero, decimal.Zero
	for _, t := range p.Tiers {
		if q.LessThanOrEqual(prev) {
			break
		}
		up := t.UpTo.Decimal()
		in := q.Sub(prev)
		if !up.IsZero() && q.GreaterThan(up) {
			in = up.Sub(prev)
		}
		amt = amt.Add(in.Mul(t.UnitPrice.Amount()))
		if !t.FlatFee.IsZero() {
			amt = amt.Add(t.FlatFee.Amount())
		}
		if up.IsZero() {
			break
		}
		prev = up
	}
	return amt
}

// graduatedFixed is graduated in int64 fixed point at the finest scale
// of the tiers' amounts, for a whole quantity and whole tier bounds of up
// to 18 digits -- the common case, without an allocation per tier. It
// reports false when a value does not fit; graduated then decides. A
// fuzz test checks that the two agree.
func (p Price) graduatedFixed(q decimal.Decimal) (decimal.Decimal, bool) {
	qi, ok := wholeSmall(q)
	if !ok {
		return decimal.Decimal{}, false
	}
	var scale int32
	for i := range p.Tiers {
		scale = max(scale, -p.Tiers[i].UnitPrice.Amount().Exponent(), -p.Tiers[i].FlatFee.Amount().Exponent())
	}
	if scale > 18 {
		return decimal.Decimal{}, false
	}
	var sum, prev int64
	for i := range p.Tiers {
		t := &p.Tiers[i]
		if qi <= prev {
			break
		}
		up, bounded := int64(0), !t.UpTo.Decimal().IsZero()
		if bounded {
			if up, ok = wholeSmall(t.UpTo.Decimal()); !ok {
				return decimal.Decimal{}, false
			}
		}
		in := qi - prev
		if bounded && qi > up {
			in = up - prev
		}
		price, ok1 := fixedAt(t.UnitPrice.Amount(), scale)
		fee, ok2 := fixedAt(t.FlatFee.Amount(), scale)
		x, ok3 := mulOK(in, price)
		if !ok1 || !ok2 || !ok3 {
			return decimal.Decimal{}, false
		}
		if sum, ok = addOK(sum, x); !ok {
			return decimal.Decimal{}, false
		}
		if sum, ok = addOK(sum, fee); !ok {
			return decimal.Decimal{}, false
		}
		if !bounded {
			break
		}
		prev = up
	}
	return decimal.New(sum, -scale), true
}

// wholeSmall returns d as an int64 when it is a whole number written
// without decimals or exponent and has at most 18 digits.
func wholeSmall(d decimal.Decimal) (int64, bool) {
	if d.Exponent() != 0 || d.NumDigits() > 18 {
		return 0, false
	}
	return d.CoefficientInt64(), true
}

// fixedAt returns d x 10^scale as an int64, when d has at most 18 digits
// and no more decimals than scale.
func fixedAt(d decimal.Decimal, scale int32) (int64, bool) {
	e := d.Exponent()
	if e > 0 || -e > scale || d.NumDigits() > 18 {
		if d.IsZero() {
			return 0, true
		}
		return 0, false
	}
	return mulOK(d.CoefficientInt64(), pow10[scale+e])
}

// tierOf returns the index of the tier holding unit q: the first whose
// UpTo is at least q, or the last.
func (p Price) tierOf(q decimal.Decimal) int {
	for i, t := range p.Tiers {
		if up := t.UpTo.Decimal(); up.IsZero() || q.LessThanOrEqual(up) {
			return i
		}
	}
	return len(p.Tiers) - 1
}

// volume is the exact amount of q units all at the price of q's tier.
func (p Price) volume(q decimal.Decimal) decimal.Decimal {
	if q.IsZero() {
		return decimal.Zero
	}
	t := p.Tiers[p.tierOf(q)]
	amt := q.Mul(t.UnitPrice.Amount())
	if !t.FlatFee.IsZero() {
		amt = amt.Add(t.FlatFee.Amount())
	}
	return amt
}

// Transactions prices a Percentage charge from each transaction's amount,
// in the order they happened: each pays Rate of its amount plus FixedFee,
// held between MinPerTransaction and MaxPerTransaction, after the free
// events and free amount. Lago's example: 1.2 % plus 0.10 USD with the
// first 3 events or 500 USD free, transactions of 200, 100, 100 and 50
// USD cost nothing, nothing, nothing and 0.10 + 0.60 = 0.70 USD. Each fee
// is exact; the sum is rounded once. The amounts are the values of the
// period's events in time order: those a [UsagePeriod] Contains, once per
// event ID, as [Meter.Aggregate] counts them.
func (p Price) Transactions(amounts []decimal.Decimal) (Rated, error) {
	var ps contract.Problems
	if err := p.Validate(); err != nil {
		return Rated{}, err
	}
	if p.Model != Percentage {
		ps.Add("model", "oneof", "percentage")
	}
	for i, a := range amounts {
		if a.Sign() < 0 || !readable(a, 0) {
			ps.Add("amounts["+strconv.Itoa(i)+"]", "dgte", "0")
		}
	}
	if err := invalid(&ps, "price transactions"); err != nil {
		return Rated{}, err
	}
	rate, fixed := p.Rate.Decimal(), p.FixedFee.Amount()
	freeAmt := p.FreeAmount.Decimal()
	free := p.FreeEvents > 0 || freeAmt.Sign() > 0
	total, sum := decimal.Zero, decimal.Zero
	for i, a := range amounts {
		base, fee := a, fixed
		if free {
			within := int64(i) < p.FreeEvents || p.FreeEvents == 0
			after := sum.Add(a)
			switch {
			case !within:
				free = false
			case freeAmt.Sign() > 0 && after.GreaterThan(freeAmt):
				base = after.Sub(freeAmt)
				free = false
			default:
				base, fee = decimal.Zero, decimal.Zero
			}
			sum = after
		}
		f := base.Mul(rate).Add(fee)
		if !p.MinPerTransaction.IsZero() && f.LessThan(p.MinPerTransaction.Amount()) {
			f = p.MinPerTransaction.Amount()
		}
		if !p.MaxPerTransaction.IsZero() && f.GreaterThan(p.MaxPerTransaction.Amount()) {
			f = p.MaxPerTransaction.Amount()
		}
		total = total.Add(f)
	}
	var q decimal.Decimal
	for _, a := range amounts {
		q = q.Add(a)
	}
	return p.rated(q, total)
}

// rated adds the flat fee, rounds and applies the minimum commitment.
func (p Price) rated(q, amt decimal.Decimal) (Rated, error) {
	cur := p.Currency()
	if !p.FlatFee.IsZero() {
		amt = amt.Add(p.FlatFee.Amount())
	}
	amt = money.Round(amt, cur)
	if !money.InLimits(amt, money.Scale(cur)) {
		return Rated{}, problem("price usage", "quantity", "range", "")
	}
	r := Rated{Quantity: contract.Dec(q), Amount: contract.NewMoney(amt, cur), TrueUp: contract.ZeroMoney(cur)}
	total := amt
	if !p.Minimum.IsZero() && amt.LessThan(p.Minimum.Amount()) {
		up := money.Round(p.Minimum.Amount().Sub(amt), cur)
		r.TrueUp = contract.NewMoney(up, cur)
		total = amt.Add(up)
	}
	r.Total = contract.NewMoney(total, cur)
	return r, nil
}
