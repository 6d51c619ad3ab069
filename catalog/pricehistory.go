package catalog

import (
	"errors"
	"fmt"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// ErrNoPriorPrice reports that a price history cannot give the prior
// price of a reduction: it has no price in the currency that was in
// effect on the first of the 30 days before the reduction.
var ErrNoPriorPrice = errors.New("catalog: no prior price")

// PriorPriceDays is the period before a price reduction whose lowest price
// an announcement of the reduction must show (Directive 98/6/EC Art.
// 6a(2): "not shorter than 30 days").
const PriorPriceDays = 30

// PricePoint is a price a trader applied to a product from a day on, until
// the next point in the same currency.
type PricePoint struct {
	From  contract.Date `json:"from"`
	Price Price         `json:"price"`
}

// PriceHistory is the prices a trader applied to one product, supplied by
// the host (the library stores nothing): points in any order and in any
// currencies. The zero PriceHistory knows no price.
type PriceHistory struct {
	Points []PricePoint `json:"points"`
}

// PriorPrice returns the prior price of a reduction applied from day
// reduction on, in currency cur: the lowest price in effect on any of the
// [PriorPriceDays] days before it (Directive 98/6/EC Art. 6a(2)), that is
// from reduction-30 to reduction-1, both included. A price counts for
// every day from its From day until the day before the next point in the
// same currency, so a price that ended the day before the window
// (reduction-31) does not count and one that still held on reduction-30
// does. For a reduction on 2026-12-01 the window is 2026-11-01 to
// 2026-11-30: 199.00 from 2026-10-01, 149.00 from 2026-10-31 and 179.00
// from 2026-11-01 give 179.00 (149.00 held on 2026-10-31 only); with
// 179.00 from 2026-11-02 instead they give 149.00. Of two points from the
// same day the lower counts.
//
// A history without a price in cur in effect on reduction-30 cannot
// prove the lowest price of the whole window: the error wraps
// [ErrNoPriorPrice].
func (h PriceHistory) PriorPrice(reduction contract.Date, cur currency.Unit) (Price, error) {
	first := reduction.AddDays(-PriorPriceDays)
	var base *PricePoint // the point in effect on the first day of the window
	var low Price
	found := false
	for i := range h.Points {
		p := &h.Points[i]
		if p.Price.Currency() != cur {
			continue
		}
		switch {
		case p.From.After(first) && p.From.Before(reduction):
			if !found || p.Price.Amount().LessThan(low.Amount()) {
				low, found = p.Price, true
			}
		case !p.From.After(first):
			if base == nil || p.From.After(base.From) || (p.From == base.From && p.Price.Amount().LessThan(base.Price.Amount())) {
				base = p
			}
		}
	}
	if base == nil {
		return Price{}, fmt.Errorf("%w: no %s price in effect on %s", ErrNoPriorPrice, cur, first)
	}
	if !found || base.Price.Amount().LessThan(low.Amount()) {
		low = base.Price
	}
	return low, nil
}
