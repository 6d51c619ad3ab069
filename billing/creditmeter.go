package billing

import (
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// CreditsMeterID is the ID of [CreditsMeter].
const CreditsMeterID = "credits"

// CreditsMeter returns the meter of OpenDIMS's credits per transfer: the
// credits that a period's transfers cost, summed. It lets a credit plan's
// usage be priced like any other metered charge -- overage beyond the
// plan's credits at a [PerUnit] price, say -- from the same events the
// [Ledger] records.
func CreditsMeter() Meter { return Meter{ID: CreditsMeterID, Aggregation: AggregateSum} }

// UsageEvent returns the usage event of fetching orders orders and, when
// toERP, sending them on, at the tariff's credits: with the default
// tariff, 10 orders to the ERP are an event of value 20 for
// [CreditsMeter]. The same event ID posted to a [Ledger] as a [Transfer]
// keeps the two in step.
func (t Tariff) UsageEvent(id string, at time.Time, orders int64, toERP bool) UsageEvent {
	return UsageEvent{ID: id, Meter: CreditsMeterID, At: at, Value: contract.Dec(decimal.NewFromInt(t.Orders(orders, toERP)))}
}

// UsageEvents returns the ledger's [Transfer] entries as usage events of
// [CreditsMeter], oldest first: each entry's event ID, instant and the
// credits it cost. Purchases, grants and expiries are not usage.
func (l Ledger) UsageEvents() []UsageEvent {
	var out []UsageEvent
	for _, e := range l.entries {
		if e.Kind == Transfer {
			out = append(out, UsageEvent{ID: e.EventID, Meter: CreditsMeterID, At: e.At, Value: contract.Dec(decimal.NewFromInt(-e.Credits))})
		}
	}
	return out
}
