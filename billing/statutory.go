package billing

import (
	"github.com/pimkit/pimkit/internal/money"
)

// Statutory interest: the rate of renteloven § 5 of each half-year,
// looked up in a [RateTable], applied to that half-year's days.

// statutory computes the lines at the statutory rate of each half-year:
// 30E/360 days of a 360-day year under Thirty360, actual days of a
// 365-day year otherwise.
func (e *engine) statutory(out []rawLine, t RateTable, dc DayCount) ([]rawLine, error) {
	p := e.principal
	cursor := e.start
	k := 0
	for cursor.Before(e.end) && p > 0 {
		i, ok := t.index(cursor.AddDays(1))
		if !ok {
			return nil, noRate(cursor.AddDays(1))
		}
		to := t.until(i).AddDays(-1)
		if to.After(e.end) {
			to = e.end
		}
		for k < len(e.payments) && !e.payments[k].date.After(cursor) {
			k++
		}
		if k < len(e.payments) && e.payments[k].date.Before(to) {
			to = e.payments[k].date
		}
		l := rawLine{from: cursor, to: to, principal: p, basis: Statutory, rate: t.annualDec[i], units: t.annual[i]}
		if dc == Thirty360 {
			l.count, l.per = days30(to)-days30(cursor), 360
		} else {
			l.count, l.per = int64(cursor.DaysUntil(to)), 365
		}
		l.amount = money.MulDiv(p, t.annual[i], l.count, l.per*1e8)
		out = append(out, l)
		for k < len(e.payments) && !e.payments[k].date.After(to) {
			p -= e.payments[k].amount
			k++
		}
		cursor = to
	}
	return out, nil
}
