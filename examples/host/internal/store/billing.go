package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Customer is a buyer of subscriptions: the party invoices are addressed
// to and the kind that decides the late-payment rules.
type Customer struct {
	ID    string
	Party contract.Party
	Kind  billing.CustomerKind
}

// PutCustomer stores c, replacing the customer with the same ID.
func PutCustomer(ctx context.Context, q Querier, c Customer) error {
	if c.ID == "" {
		return errors.New("store: customer without an id")
	}
	_, err := q.Exec(ctx, `INSERT INTO customers (id, name, cvr, vat_id, address, country, kind) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, cvr = excluded.cvr, vat_id = excluded.vat_id,
		address = excluded.address, country = excluded.country, kind = excluded.kind`,
		c.ID, c.Party.Name, c.Party.CVR, c.Party.VATID, c.Party.Address, c.Party.Country, EncodeText(c.Kind))
	return err
}

// GetCustomer returns the customer with the ID, or an error wrapping
// [ErrNotFound].
func GetCustomer(ctx context.Context, q Querier, id string) (Customer, error) {
	c := Customer{ID: id}
	var kind string
	err := q.QueryRow(ctx, `SELECT name, cvr, vat_id, address, country, kind FROM customers WHERE id = ?`, id).
		Scan(&c.Party.Name, &c.Party.CVR, &c.Party.VATID, &c.Party.Address, &c.Party.Country, &kind)
	if errors.Is(err, sql.ErrNoRows) {
		return Customer{}, fmt.Errorf("%w: customer", ErrNotFound)
	} else if err != nil {
		return Customer{}, err
	}
	c.Kind, err = DecodeText[billing.CustomerKind](kind)
	return c, err
}

// PutPlan stores p, replacing the plan with the same ID.
func PutPlan(ctx context.Context, q Querier, p billing.Plan) error {
	if p.ID == "" {
		return errors.New("store: plan without an id")
	}
	price, cur := EncodeMoney(p.Price)
	_, err := q.Exec(ctx, `INSERT INTO plans (id, kind, cycle, price, currency, values_cap, credits, overdraft) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, cycle = excluded.cycle, price = excluded.price,
		currency = excluded.currency, values_cap = excluded.values_cap, credits = excluded.credits, overdraft = excluded.overdraft`,
		p.ID, EncodeText(p.Kind), EncodeText(p.Cycle), price, cur, p.Values, p.Credits, p.Overdraft)
	return err
}

// GetPlan returns the plan with the ID, or an error wrapping [ErrNotFound].
// The empty ID is the zero Plan (no plan scheduled).
func GetPlan(ctx context.Context, q Querier, id string) (billing.Plan, error) {
	if id == "" {
		return billing.Plan{}, nil
	}
	row := q.QueryRow(ctx, `SELECT id, kind, cycle, price, currency, values_cap, credits, overdraft FROM plans WHERE id = ?`, id)
	p, err := scanPlan(row)
	if errors.Is(err, sql.ErrNoRows) {
		return billing.Plan{}, fmt.Errorf("%w: plan %q", ErrNotFound, id)
	}
	return p, err
}

// Plans returns every plan in ID order.
func Plans(ctx context.Context, q Querier) ([]billing.Plan, error) {
	rows, err := q.Query(ctx, `SELECT id, kind, cycle, price, currency, values_cap, credits, overdraft FROM plans ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []billing.Plan
	for rows.Next() {
		p, err := scanPlan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func scanPlan(row scanner) (billing.Plan, error) {
	var p billing.Plan
	var kind, cycle, price, cur string
	if err := row.Scan(&p.ID, &kind, &cycle, &price, &cur, &p.Values, &p.Credits, &p.Overdraft); err != nil {
		return p, err
	}
	var err error
	if p.Kind, err = DecodeText[billing.PlanKind](kind); err != nil {
		return p, err
	}
	if p.Cycle, err = DecodeText[billing.Cycle](cycle); err != nil {
		return p, err
	}
	p.Price, err = DecodeMoney(price, cur)
	return p, err
}

// Subscription is a customer's billing.Subscription as stored, with the
// version that guards it against lost updates.
type Subscription struct {
	billing.Subscription
	Customer string
	Version  int64
}

// CreateSubscription stores a new subscription at version 1 together with
// the events that created it.
func CreateSubscription(ctx context.Context, q Querier, s Subscription, events []billing.Event) (Subscription, error) {
	s.Version = 1
	res, err := q.Exec(ctx, `INSERT INTO subscriptions (id, customer_id, plan_id, anchor, period, next_plan, version)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
		s.ID, s.Customer, s.Plan.ID, EncodeDate(s.Anchor), s.Period, s.Next.ID, s.Version)
	if err != nil {
		return Subscription{}, fmt.Errorf("store: create subscription: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return Subscription{}, err
	} else if n == 0 {
		return Subscription{}, &ConflictError{Kind: "subscription", ID: s.ID, Want: 0, Have: 1}
	}
	return s, insertEvents(ctx, q, events)
}

// UpdateSubscription stores s as the next version of the subscription,
// with the events of the change. s.Version must be the version read; a
// subscription changed meanwhile is a [*ConflictError].
func UpdateSubscription(ctx context.Context, q Querier, s Subscription, events []billing.Event) (Subscription, error) {
	res, err := q.Exec(ctx, `UPDATE subscriptions SET plan_id = ?, anchor = ?, period = ?, next_plan = ?, version = version + 1
		WHERE id = ? AND version = ?`, s.Plan.ID, EncodeDate(s.Anchor), s.Period, s.Next.ID, s.ID, s.Version)
	if err != nil {
		return Subscription{}, fmt.Errorf("store: update subscription: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return Subscription{}, err
	} else if n == 0 {
		var have int64
		err := q.QueryRow(ctx, `SELECT version FROM subscriptions WHERE id = ?`, s.ID).Scan(&have)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return Subscription{}, err
		}
		return Subscription{}, &ConflictError{Kind: "subscription", ID: s.ID, Want: s.Version, Have: have}
	}
	s.Version++
	return s, insertEvents(ctx, q, events)
}

// GetSubscription returns the subscription with its plans, or an error
// wrapping [ErrNotFound].
func GetSubscription(ctx context.Context, q Querier, id string) (Subscription, error) {
	var s Subscription
	var planID, anchor, next string
	err := q.QueryRow(ctx, `SELECT id, customer_id, plan_id, anchor, period, next_plan, version FROM subscriptions WHERE id = ?`, id).
		Scan(&s.ID, &s.Customer, &planID, &anchor, &s.Period, &next, &s.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return Subscription{}, fmt.Errorf("%w: subscription %q", ErrNotFound, id)
	} else if err != nil {
		return Subscription{}, err
	}
	if s.Anchor, err = DecodeDate(anchor); err != nil {
		return Subscription{}, err
	}
	if s.Plan, err = GetPlan(ctx, q, planID); err != nil {
		return Subscription{}, err
	}
	if s.Next, err = GetPlan(ctx, q, next); err != nil {
		return Subscription{}, err
	}
	return s, nil
}

// SubscriptionIDs returns every subscription's ID in order.
func SubscriptionIDs(ctx context.Context, q Querier) ([]string, error) {
	return strings1(ctx, q, `SELECT id FROM subscriptions ORDER BY id`)
}

func strings1(ctx context.Context, q Querier, query string, args ...any) ([]string, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// EventKey identifies a subscription event so that storing it twice is a
// no-op: subscription, kind, day and period.
func EventKey(e billing.Event) string {
	return e.Subscription + "/" + EncodeText(e.Kind) + "/" + EncodeDate(e.Date) + "/" + EncodeDate(e.PeriodStart) + "/" + e.Plan
}

func insertEvents(ctx context.Context, q Querier, events []billing.Event) error {
	for _, e := range events {
		var seq int64
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM subscription_events WHERE subscription_id = ?`, e.Subscription).Scan(&seq); err != nil {
			return err
		}
		amount, cur := EncodeMoney(e.Amount)
		_, err := q.Exec(ctx, `INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_key) DO NOTHING`,
			EventKey(e), e.Subscription, seq+1, EncodeText(e.Kind), EncodeDate(e.Date), e.Plan, EncodeDate(e.PeriodStart),
			EncodeDate(e.PeriodEnd), amount, cur, EncodeCitations(e.Citations))
		if err != nil {
			return fmt.Errorf("store: subscription event: %w", err)
		}
	}
	return nil
}

// SubscriptionEvents returns the stored events of a subscription in the
// order they were stored. Reasons are not stored: they are explanations a
// host renders when it shows the event, from the citations.
func SubscriptionEvents(ctx context.Context, q Querier, id string) ([]billing.Event, error) {
	rows, err := q.Query(ctx, `SELECT subscription_id, kind, on_date, plan_id, period_start, period_end, amount, currency, citations
		FROM subscription_events WHERE subscription_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []billing.Event
	for rows.Next() {
		var e billing.Event
		var kind, on, ps, pe, amount, cur, cites string
		if err := rows.Scan(&e.Subscription, &kind, &on, &e.Plan, &ps, &pe, &amount, &cur, &cites); err != nil {
			return nil, err
		}
		if err := decodeAll(
			func() (err error) { e.Kind, err = DecodeText[billing.EventKind](kind); return },
			func() (err error) { e.Date, err = DecodeDate(on); return },
			func() (err error) { e.PeriodStart, err = DecodeDate(ps); return },
			func() (err error) { e.PeriodEnd, err = DecodeDate(pe); return },
			func() (err error) { e.Amount, err = DecodeMoney(amount, cur); return },
			func() (err error) { e.Citations, err = DecodeCitations(cites); return },
		); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func decodeAll(fs ...func() error) error {
	for _, f := range fs {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// NextNumber takes the next number of the named counter, starting at 1,
// inside the caller's transaction: a rolled-back transaction gives its
// number back, so the sequence has no gaps. The counter's row stays
// locked until the transaction ends, so concurrent issuers take turns
// rather than race for a number.
func NextNumber(ctx context.Context, q Querier, name string) (int64, error) {
	if _, err := q.Exec(ctx, `INSERT INTO counters (name, next) VALUES (?, 1) ON CONFLICT (name) DO NOTHING`, name); err != nil {
		return 0, err
	}
	// The increment comes first: it takes the row's lock and, on
	// PostgreSQL, re-reads a row another transaction changed meanwhile.
	if _, err := q.Exec(ctx, `UPDATE counters SET next = next + 1 WHERE name = ?`, name); err != nil {
		return 0, err
	}
	var n int64
	if err := q.QueryRow(ctx, `SELECT next - 1 FROM counters WHERE name = ?`, name).Scan(&n); err != nil {
		return 0, err
	}
	return n, nil
}

// StoredInvoice is an issued billing.Invoice with whom and what it bills.
type StoredInvoice struct {
	billing.Invoice
	// ChargeKey names what the invoice charges (a subscription's period);
	// it is unique, so nothing is invoiced twice.
	ChargeKey    string
	Customer     string
	Subscription string
}

// InvoiceByCharge returns the number of the invoice for chargeKey, or ""
// when there is none.
func InvoiceByCharge(ctx context.Context, q Querier, chargeKey string) (string, error) {
	var n string
	err := q.QueryRow(ctx, `SELECT number FROM invoices WHERE charge_key = ?`, chargeKey).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return n, err
}

// InsertInvoice stores an issued invoice and its lines. An invoice for
// the same charge key stored meanwhile by another run makes the
// transaction start again (and find it).
func InsertInvoice(ctx context.Context, q Querier, inv StoredInvoice) error {
	d := inv.DueDeadline
	cur := inv.Total.Currency()
	var amounts [3]string
	for i, m := range []contract.Money{inv.Net, inv.VAT, inv.Total} {
		var err error
		if amounts[i], err = encodeAmountIn(m, cur); err != nil {
			return fmt.Errorf("store: invoice %s: %w", inv.Number, err)
		}
	}
	res, err := q.Exec(ctx, `INSERT INTO invoices (number, charge_key, customer_id, subscription_id, issued, received, due,
		due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to,
		seller_name, seller_cvr, seller_vat_id, seller_address, seller_country,
		buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment,
		net, vat, total, notice, citations)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (charge_key) DO NOTHING`,
		inv.Number, inv.ChargeKey, inv.Customer, inv.Subscription, EncodeDate(inv.Issued), EncodeDate(inv.Received), EncodeDate(inv.Due),
		EncodeText(d.Kind), EncodeDate(d.From), EncodePeriod(d.Period), EncodeDate(d.Raw), EncodeConvention(d.Convention),
		EncodeDate(inv.SupplyFrom), EncodeDate(inv.SupplyTo),
		inv.Seller.Name, inv.Seller.CVR, inv.Seller.VATID, inv.Seller.Address, inv.Seller.Country,
		inv.Buyer.Name, inv.Buyer.CVR, inv.Buyer.VATID, inv.Buyer.Address, inv.Buyer.Country,
		EncodeCurrency(cur), EncodeText(inv.Treatment),
		amounts[0], amounts[1], amounts[2], inv.Notice, EncodeCitations(inv.Citations))
	if err != nil {
		return fmt.Errorf("store: invoice %s: %w", inv.Number, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return errRetry
	}
	for i, v := range inv.VATSummary {
		net, err := encodeAmountIn(v.Net, cur)
		if err != nil {
			return fmt.Errorf("store: invoice %s VAT summary: %w", inv.Number, err)
		}
		vat, err := encodeAmountIn(v.VAT, cur)
		if err != nil {
			return fmt.Errorf("store: invoice %s VAT summary: %w", inv.Number, err)
		}
		if _, err := q.Exec(ctx, `INSERT INTO invoice_vat (number, line_no, rate, net, vat) VALUES (?, ?, ?, ?, ?)`,
			inv.Number, i+1, EncodeDecimal(v.Rate.Decimal()), net, vat); err != nil {
			return fmt.Errorf("store: invoice %s VAT summary: %w", inv.Number, err)
		}
	}
	for i, l := range inv.Lines {
		lcur := l.UnitPrice.Currency()
		var amounts [3]string
		for j, m := range []contract.Money{l.UnitPrice, l.Net, l.VAT} {
			var err error
			if amounts[j], err = encodeAmountIn(m, lcur); err != nil {
				return fmt.Errorf("store: invoice %s line %d: %w", inv.Number, i+1, err)
			}
		}
		if _, err := q.Exec(ctx, `INSERT INTO invoice_lines (number, line_no, description, currency, quantity, unit_price, vat_rate, net, vat)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, inv.Number, i+1, l.Description, EncodeCurrency(lcur), EncodeDecimal(l.Quantity.Decimal()), amounts[0],
			EncodeDecimal(l.VATRate.Decimal()), amounts[1], amounts[2]); err != nil {
			return fmt.Errorf("store: invoice %s line %d: %w", inv.Number, i+1, err)
		}
	}
	return nil
}

const invoiceColumns = `number, charge_key, customer_id, subscription_id, issued, received, due,
	due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to,
	seller_name, seller_cvr, seller_vat_id, seller_address, seller_country,
	buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment,
	net, vat, total, notice, citations`

// GetInvoice returns the invoice as issued -- parties, lines, VAT summary
// and the deadline it is due by -- or an error wrapping [ErrNotFound].
func GetInvoice(ctx context.Context, q Querier, number string) (StoredInvoice, error) {
	inv, err := scanInvoice(q.QueryRow(ctx, `SELECT `+invoiceColumns+` FROM invoices WHERE number = ?`, number))
	if errors.Is(err, sql.ErrNoRows) {
		return StoredInvoice{}, fmt.Errorf("%w: invoice %q", ErrNotFound, number)
	} else if err != nil {
		return StoredInvoice{}, err
	}
	vrows, err := q.Query(ctx, `SELECT rate, net, vat FROM invoice_vat WHERE number = ? ORDER BY line_no`, number)
	if err != nil {
		return StoredInvoice{}, err
	}
	for vrows.Next() {
		var v billing.VATSummary
		var rate, net, vat string
		if err := vrows.Scan(&rate, &net, &vat); err != nil {
			vrows.Close()
			return StoredInvoice{}, err
		}
		if err := decodeAll(
			func() (err error) { d, err := DecodeDecimal(rate); v.Rate = contract.Dec(d); return err },
			func() (err error) { v.Net, err = decodeAmountIn(net, inv.Total.Currency()); return },
			func() (err error) { v.VAT, err = decodeAmountIn(vat, inv.Total.Currency()); return },
		); err != nil {
			vrows.Close()
			return StoredInvoice{}, err
		}
		inv.VATSummary = append(inv.VATSummary, v)
	}
	vrows.Close()
	if err := vrows.Err(); err != nil {
		return StoredInvoice{}, err
	}
	rows, err := q.Query(ctx, `SELECT description, currency, quantity, unit_price, vat_rate, net, vat FROM invoice_lines WHERE number = ? ORDER BY line_no`, number)
	if err != nil {
		return StoredInvoice{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var l billing.InvoiceLine
		var cur, qty, price, rate, net, vat string
		if err := rows.Scan(&l.Description, &cur, &qty, &price, &rate, &net, &vat); err != nil {
			return StoredInvoice{}, err
		}
		lcur, err := DecodeCurrency(cur)
		if err != nil {
			return StoredInvoice{}, err
		}
		if err := decodeAll(
			func() (err error) { d, err := DecodeDecimal(qty); l.Quantity = contract.Dec(d); return err },
			func() (err error) { l.UnitPrice, err = decodeAmountIn(price, lcur); return },
			func() (err error) { d, err := DecodeDecimal(rate); l.VATRate = contract.Dec(d); return err },
			func() (err error) { l.Net, err = decodeAmountIn(net, lcur); return },
			func() (err error) { l.VAT, err = decodeAmountIn(vat, lcur); return },
		); err != nil {
			return StoredInvoice{}, err
		}
		inv.Lines = append(inv.Lines, l)
	}
	return inv, rows.Err()
}

func scanInvoice(row scanner) (StoredInvoice, error) {
	var inv StoredInvoice
	var issued, received, due, dk, df, dp, dr, dc, sf, st, cur, treat, net, vat, total, cites string
	sp, bp := &inv.Seller, &inv.Buyer
	if err := row.Scan(&inv.Number, &inv.ChargeKey, &inv.Customer, &inv.Subscription, &issued, &received, &due,
		&dk, &df, &dp, &dr, &dc, &sf, &st,
		&sp.Name, &sp.CVR, &sp.VATID, &sp.Address, &sp.Country, &bp.Name, &bp.CVR, &bp.VATID, &bp.Address, &bp.Country,
		&cur, &treat, &net, &vat, &total, &inv.Notice, &cites); err != nil {
		return inv, err
	}
	d := &inv.DueDeadline
	cu, err := DecodeCurrency(cur)
	if err != nil {
		return inv, err
	}
	err = decodeAll(
		func() (err error) { inv.Issued, err = DecodeDate(issued); return },
		func() (err error) { inv.Received, err = DecodeDate(received); return },
		func() (err error) { inv.Due, err = DecodeDate(due); return },
		func() (err error) { d.Kind, err = DecodeText[contract.DeadlineKind](dk); return },
		func() (err error) { d.From, err = DecodeDate(df); return },
		func() (err error) { d.Period, err = DecodePeriod(dp); return },
		func() (err error) { d.Raw, err = DecodeDate(dr); return },
		func() (err error) { d.Convention, err = DecodeConvention(dc); return },
		func() (err error) { inv.SupplyFrom, err = DecodeDate(sf); return },
		func() (err error) { inv.SupplyTo, err = DecodeDate(st); return },
		func() (err error) { inv.Treatment, err = DecodeText[billing.VATTreatment](treat); return },
		func() (err error) { inv.Net, err = decodeAmountIn(net, cu); return },
		func() (err error) { inv.VAT, err = decodeAmountIn(vat, cu); return },
		func() (err error) { inv.Total, err = decodeAmountIn(total, cu); return },
		func() (err error) { inv.Citations, err = DecodeCitations(cites); return },
	)
	d.Date = inv.Due
	return inv, err
}

// InvoiceNumbers returns the numbers of every invoice, in issue order.
func InvoiceNumbers(ctx context.Context, q Querier) ([]string, error) {
	return strings1(ctx, q, `SELECT number FROM invoices ORDER BY issued, number`)
}

// ErrDuplicatePayment reports a payment whose key (the bank reference) is
// already recorded against the invoice with another amount or day: it is
// refused, since one of the two is a mistake. Match it with errors.Is.
var ErrDuplicatePayment = errors.New("store: duplicate payment")

// AddPayment records a payment received against an invoice under key (the
// bank transaction's reference), which is unique per invoice. It reports
// whether it stored the payment: recording the very same payment (same
// key, day and amount) again stores nothing and returns false; the same
// key with another day or amount is an error wrapping
// [ErrDuplicatePayment], and an invoice that does not exist one wrapping
// [ErrNotFound]. Errors name neither the key nor the invoice.
//
// Call it inside a transaction: it locks the invoice's row first, so
// concurrent payments of one invoice take turns, and marks the invoice
// settled on the day its payments first cover the total.
func AddPayment(ctx context.Context, q Querier, key, number string, p billing.Payment) (stored bool, err error) {
	if key == "" {
		return false, errors.New("store: payment without a key")
	}
	// Under READ COMMITTED each statement after the lock sees every
	// payment committed before it, so the settled day below is never
	// computed from a stale sum.
	if err := LockInvoice(ctx, q, number); err != nil {
		return false, err
	}
	ucur, err := InvoiceCurrency(ctx, q, number)
	if err != nil {
		return false, err
	}
	paid, err := encodeAmountIn(p.Amount, ucur)
	if err != nil || paid == "" {
		return false, fmt.Errorf("store: payment: %w", errors.Join(err, errors.New("a payment needs an amount in the invoice's currency")))
	}
	var on, amount string
	err = q.QueryRow(ctx, `SELECT paid_on, amount FROM payments WHERE number = ? AND payment_key = ?`, number, key).Scan(&on, &amount)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return false, err
	default:
		a, err := DecodeDecimal(amount)
		if err != nil {
			return false, err
		}
		if on == EncodeDate(p.Date) && a.Equal(p.Amount.Amount()) {
			return false, nil // the very same payment, recorded before
		}
		return false, fmt.Errorf("%w: the reference is already recorded against this invoice with another amount or day", ErrDuplicatePayment)
	}
	if _, err := q.Exec(ctx, `INSERT INTO payments (number, payment_key, paid_on, amount) VALUES (?, ?, ?, ?)`,
		number, key, EncodeDate(p.Date), paid); err != nil {
		return false, fmt.Errorf("store: payment: %w", err)
	}
	return true, settle(ctx, q, number)
}

// InvoiceCurrency returns the currency an invoice is issued in, which its
// payments, demands and compensation are in too; a missing invoice is an
// error wrapping [ErrNotFound] that does not name it.
func InvoiceCurrency(ctx context.Context, q Querier, number string) (currency.Unit, error) {
	var cur string
	err := q.QueryRow(ctx, `SELECT currency FROM invoices WHERE number = ?`, number).Scan(&cur)
	if errors.Is(err, sql.ErrNoRows) {
		return currency.Unit{}, fmt.Errorf("%w: invoice", ErrNotFound)
	} else if err != nil {
		return currency.Unit{}, err
	}
	return DecodeCurrency(cur)
}

// LockInvoice locks an invoice's row until the caller's transaction ends
// (PostgreSQL's row lock; SQLite's transactions hold the database's write
// lock already), so that work on one invoice -- a payment, the month-end
// collection -- is done by one transaction at a time. A missing invoice
// is an error wrapping [ErrNotFound] that does not name it.
func LockInvoice(ctx context.Context, q Querier, number string) error {
	return lockRow(ctx, q, `UPDATE invoices SET settled_on = settled_on WHERE number = ?`, number, "invoice")
}

// LockSubscription locks a subscription's row until the caller's
// transaction ends, so that two month-end runs (of different months, say)
// renew it one after the other instead of one failing on a stale version.
func LockSubscription(ctx context.Context, q Querier, id string) error {
	return lockRow(ctx, q, `UPDATE subscriptions SET version = version WHERE id = ?`, id, "subscription")
}

func lockRow(ctx context.Context, q Querier, query, id, what string) error {
	res, err := q.Exec(ctx, query, id)
	if err != nil {
		return fmt.Errorf("store: lock %s: %w", what, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return fmt.Errorf("%w: %s", ErrNotFound, what)
	}
	return nil
}

// settle sets an invoice's settled_on to the day its payments first
// covered the total, or ” while anything is owed.
func settle(ctx context.Context, q Querier, number string) error {
	var total string
	if err := q.QueryRow(ctx, `SELECT total FROM invoices WHERE number = ?`, number).Scan(&total); err != nil {
		return err
	}
	owed, err := DecodeDecimal(total)
	if err != nil {
		return err
	}
	rows, err := q.Query(ctx, `SELECT paid_on, amount FROM payments WHERE number = ? ORDER BY paid_on, payment_key`, number)
	if err != nil {
		return err
	}
	defer rows.Close()
	sum := decimal.Zero
	settled := ""
	for rows.Next() {
		var on, amount string
		if err := rows.Scan(&on, &amount); err != nil {
			return err
		}
		a, err := DecodeDecimal(amount)
		if err != nil {
			return err
		}
		if sum = sum.Add(a); settled == "" && sum.GreaterThanOrEqual(owed) {
			settled = on
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	_, err = q.Exec(ctx, `UPDATE invoices SET settled_on = ? WHERE number = ?`, settled, number)
	return err
}

// OpenInvoiceNumbers returns the invoices not settled whose due date is
// before day, oldest due first: those the month-end run collects.
func OpenInvoiceNumbers(ctx context.Context, q Querier, before contract.Date) ([]string, error) {
	return strings1(ctx, q, `SELECT number FROM invoices WHERE settled_on = '' AND due < ? ORDER BY due, number`, EncodeDate(before))
}

// GetCollection returns the state of collecting an invoice: its debt with
// the payments received, the demands sent and the compensation claimed.
func GetCollection(ctx context.Context, q Querier, number string) (billing.Collection, error) {
	inv, err := GetInvoice(ctx, q, number)
	if err != nil {
		return billing.Collection{}, err
	}
	cust, err := GetCustomer(ctx, q, inv.Customer)
	if err != nil {
		return billing.Collection{}, err
	}
	c := billing.Collection{Invoice: number, Debt: inv.Debt(cust.Kind)}
	cur := inv.Total.Currency()
	c.Debt.Payments = nil
	rows, err := q.Query(ctx, `SELECT paid_on, amount FROM payments WHERE number = ? ORDER BY paid_on, payment_key`, number)
	if err != nil {
		return c, err
	}
	for rows.Next() {
		var on, amount string
		var p billing.Payment
		if err := rows.Scan(&on, &amount); err != nil {
			rows.Close()
			return c, err
		}
		if err := decodeAll(
			func() (err error) { p.Date, err = DecodeDate(on); return },
			func() (err error) { p.Amount, err = decodeAmountIn(amount, cur); return },
		); err != nil {
			rows.Close()
			return c, err
		}
		c.Debt.Payments = append(c.Debt.Payments, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return c, err
	}
	rows, err = q.Query(ctx, `SELECT sent, fee FROM demands WHERE number = ? ORDER BY seq`, number)
	if err != nil {
		return c, err
	}
	for rows.Next() {
		var sent, fee string
		var d billing.Demand
		if err := rows.Scan(&sent, &fee); err != nil {
			rows.Close()
			return c, err
		}
		if err := decodeAll(
			func() (err error) { d.Sent, err = DecodeDate(sent); return },
			func() (err error) { d.Fee, err = decodeAmountIn(fee, cur); return },
		); err != nil {
			rows.Close()
			return c, err
		}
		c.Demands = append(c.Demands, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return c, err
	}
	var claimed, amount string
	err = q.QueryRow(ctx, `SELECT claimed, amount FROM compensations WHERE number = ?`, number).Scan(&claimed, &amount)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return c, err
	default:
		if err := decodeAll(
			func() (err error) { c.CompensationClaimed, err = DecodeDate(claimed); return },
			func() (err error) { c.Compensation, err = decodeAmountIn(amount, cur); return },
		); err != nil {
			return c, err
		}
	}
	return c, nil
}

// SaveCollection stores what changed from before to after: the demands
// added and the compensation claimed. Demands are numbered by position, so
// saving the same step twice is a no-op.
func SaveCollection(ctx context.Context, q Querier, before, after billing.Collection) error {
	cur := after.Debt.Amount.Currency()
	for i := len(before.Demands); i < len(after.Demands); i++ {
		d := after.Demands[i]
		fee, err := encodeAmountIn(d.Fee, cur)
		if err != nil {
			return fmt.Errorf("store: demand fee: %w", err)
		}
		if _, err := q.Exec(ctx, `INSERT INTO demands (number, seq, sent, fee) VALUES (?, ?, ?, ?) ON CONFLICT (number, seq) DO NOTHING`,
			after.Invoice, i+1, EncodeDate(d.Sent), fee); err != nil {
			return err
		}
	}
	if before.CompensationClaimed.IsZero() && !after.CompensationClaimed.IsZero() {
		amount, err := encodeAmountIn(after.Compensation, cur)
		if err != nil {
			return fmt.Errorf("store: compensation: %w", err)
		}
		if _, err := q.Exec(ctx, `INSERT INTO compensations (number, claimed, amount) VALUES (?, ?, ?) ON CONFLICT (number) DO NOTHING`,
			after.Invoice, EncodeDate(after.CompensationClaimed), amount); err != nil {
			return err
		}
	}
	return nil
}

// SaveInterest stores an interest statement made up to st.Until; making
// up the same invoice's interest to the same day again is a no-op.
func SaveInterest(ctx context.Context, q Querier, number string, st billing.InterestStatement) error {
	cur := st.Total.Currency()
	principal, err := encodeAmountIn(st.Principal, cur)
	if err != nil {
		return fmt.Errorf("store: interest statement: %w", err)
	}
	total, err := encodeAmountIn(st.Total, cur)
	if err != nil {
		return fmt.Errorf("store: interest statement: %w", err)
	}
	_, err = q.Exec(ctx, `INSERT INTO interest_statements (number, until_day, principal, total, currency, statement)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (number, until_day) DO NOTHING`,
		number, EncodeDate(st.Until), principal, total, EncodeCurrency(cur), st.String())
	return err
}

// InterestTotal returns the interest stored for an invoice made up to
// until, and whether there is such a statement.
func InterestTotal(ctx context.Context, q Querier, number string, until contract.Date) (contract.Money, bool, error) {
	var total, cur string
	err := q.QueryRow(ctx, `SELECT total, currency FROM interest_statements WHERE number = ? AND until_day = ?`, number, EncodeDate(until)).Scan(&total, &cur)
	if errors.Is(err, sql.ErrNoRows) {
		return contract.Money{}, false, nil
	} else if err != nil {
		return contract.Money{}, false, err
	}
	m, err := DecodeMoney(total, cur)
	return m, err == nil, err
}

// CreditLedger returns an account's credit ledger (billing.Ledger) rebuilt
// from its stored entries.
func CreditLedger(ctx context.Context, q Querier, account string, overdraft int64) (billing.Ledger, error) {
	rows, err := q.Query(ctx, `SELECT event_id, at, zone, kind, credits, balance, memo FROM credit_entries WHERE account = ? ORDER BY seq`, account)
	if err != nil {
		return billing.Ledger{}, err
	}
	defer rows.Close()
	var entries []billing.Entry
	for rows.Next() {
		var e billing.Entry
		var at, zone, kind string
		if err := rows.Scan(&e.EventID, &at, &zone, &kind, &e.Credits, &e.Balance, &e.Memo); err != nil {
			return billing.Ledger{}, err
		}
		if err := decodeAll(
			func() (err error) { e.At, err = DecodeInstant(at, zone); return },
			func() (err error) { e.Kind, err = DecodeText[billing.EntryKind](kind); return },
		); err != nil {
			return billing.Ledger{}, err
		}
		entries = append(entries, e)
	}
	if err := rows.Err(); err != nil {
		return billing.Ledger{}, err
	}
	return billing.Restore(overdraft, entries)
}

// PostCredits posts credits to an account's ledger in one transaction:
// the account must be a stored customer (an error wrapping [ErrNotFound]
// that does not name it otherwise), the ledger is rebuilt, billing decides the posting (refusing a debit the
// balance cannot cover), and the entry is stored. Posting an event ID the
// account already has, with the same content, returns the stored entry and
// posts nothing; with other content it is billing's ErrDuplicateEvent.
func (db *DB) PostCredits(ctx context.Context, account string, overdraft int64, eventID string, at time.Time,
	kind billing.EntryKind, credits int64, memo string) (billing.Entry, error) {
	var out billing.Entry
	err := db.Tx(ctx, func(tx *Tx) error {
		var n int64
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM customers WHERE id = ?`, account).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("%w: the credit account is no customer", ErrNotFound)
		}
		l, err := CreditLedger(ctx, tx, account, overdraft)
		if err != nil {
			return err
		}
		next, e, err := l.Post(eventID, at, kind, credits, memo)
		if err != nil {
			return err
		}
		if len(next.Entries()) == len(l.Entries()) {
			out = e // posted before with the same content
			return nil
		}
		zat, zone := EncodeInstant(e.At)
		res, err := tx.Exec(ctx, `INSERT INTO credit_entries (account, seq, event_id, at, zone, kind, credits, balance, memo)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			account, int64(len(l.Entries())+1), e.EventID, zat, zone, EncodeText(e.Kind), e.Credits, e.Balance, e.Memo)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return errRetry // another posting took the sequence number
		}
		out = e
		return nil
	})
	return out, err
}

// InvoiceNumber formats the n-th invoice number of a series: "INV-000042".
func InvoiceNumber(n int64) string {
	s := strconv.FormatInt(n, 10)
	for len(s) < 6 {
		s = "0" + s
	}
	return "INV-" + s
}
