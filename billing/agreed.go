package billing

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
)

// Contract interest: the agreed rate per month of terms 12.3, applied to
// part-months by the DayCount policy.

// agreed computes the lines at the agreed monthly rate.
func (e *engine) agreed(out []rawLine, dc DayCount) []rawLine {
	if dc == PerStartedMonth {
		return e.perStartedMonth(out)
	}
	p := e.principal
	cursor := e.start
	add := func(to contract.Date) {
		if p <= 0 || !to.After(cursor) {
			return
		}
		l := rawLine{from: cursor, to: to, principal: p, basis: Agreed, rate: e.rate, units: e.monthlyRate, per: 30}
		if dc == Thirty360 {
			l.count = days30(to) - days30(cursor)
		} else {
			l.count = int64(cursor.DaysUntil(to))
		}
		l.amount = money.MulDiv(p, e.monthlyRate, l.count, l.per*1e8)
		out = append(out, l)
	}
	for _, pm := range e.payments {
		add(pm.date)
		if pm.date.After(cursor) {
			cursor = pm.date
		}
		p -= pm.amount
	}
	add(e.end)
	return out
}

// perStartedMonth charges a whole month's rate for every month started,
// on the principal outstanding when the month starts; consecutive months
// on the same principal share a line. Months are counted from the due
// date in one step each ([contract.Date.AddPeriods]), so they do not drift
// at month ends.
func (e *engine) perStartedMonth(out []rawLine) []rawLine {
	k := 0
	paid := int64(0)
	month := contract.Months(1)
	for n := 0; ; n++ {
		from := e.start.AddPeriods(month, n)
		if !from.Before(e.end) {
			break
		}
		for k < len(e.payments) && !e.payments[k].date.After(from) {
			paid += e.payments[k].amount
			k++
		}
		p := e.principal - paid
		if p <= 0 {
			break
		}
		to := e.start.AddPeriods(month, n+1)
		if to.After(e.end) {
			to = e.end
		}
		if last := len(out) - 1; last >= 0 && out[last].principal == p && out[last].to == from {
			out[last].to = to
			out[last].count++
			out[last].amount = money.MulDiv(p, e.monthlyRate, out[last].count, 1e8)
			continue
		}
		out = append(out, rawLine{from: from, to: to, principal: p, basis: Agreed, rate: e.rate,
			units: e.monthlyRate, count: 1, per: 1, amount: money.MulDiv(p, e.monthlyRate, 1, 1e8)})
	}
	return out
}
