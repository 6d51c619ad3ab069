// Package billing is the subscription and invoicing arithmetic of a Danish
// SaaS: plans and subscriptions, invoices and VAT, credits and values
// usage, late-payment interest and payment demands. It applies the
// parameters of a [contract.Terms] (terms 12 and 19 of the OpenDIMS
// terms) and adds what Danish and EU law say around them:
// statutory interest (renteloven § 5), the consumer cap (§ 7), reminder
// fees (§ 9 b) and the business compensation (§ 9 a, stk. 3), credit
// notes (momsbekendtgørelsen § 58, stk. 2), discounts, trials and the
// customer's statement of account.
//
// Everything is a value: functions take values and dates and return new
// values, the events that record a change, and [contract.Decision]s that
// explain themselves with dates and citations. The package does no I/O
// and reads no clock; the host stores what it returns and sends the
// invoices.
//
// # Late payment
//
// [InterestRules.Interest] computes the interest on a [Debt] up to a date
// as an [InterestStatement] of periods, days, rates and amounts. Terms
// 12.3's "2 % of the invoice amount per month from the due date" needs a
// rule for part-months, the [DayCount]: [Thirty360] (the default, the
// Danish custom), [ActualOver30] or [PerStartedMonth]. For 10,000.00 DKK
// due 2025-03-01 and paid 2025-04-15 they give 293.33 (44 days of 30-day
// months), 300.00 (45 days / 30) and 400.00 (two months started). The
// due date itself is never counted; payments reduce the principal from
// the day they are received. With no agreed rate, the statutory rate of
// each half-year from a [RateTable] applies ([DanishStatutoryRates], which
// a host extends with [RateTable.With]); for a [Consumer] the agreed
// interest is capped at the statutory one. Every shipped rate records the
// source of its reference rate ([StatutoryRate.Source]); a half-year the
// table lacks is a [*NoRateError] that names it ("2026-H1") and says to
// add it with [RateTable.With] -- pimkit never derives a rate.
//
// [DemandRules.Send] decides each demand for payment on a [Collection]:
// at least 10 days apart, a fee of at most 100.00 DKK for at most three,
// and the 310.00 DKK compensation once for a [Business]; a refused fee
// explains itself as "a demand fee may be at most 100,00 kr." to a Danish
// reader. The compensation (renteloven § 9 a, stk. 3, the amount set
// under stk. 4; Directive 2011/7/EU Art. 6) is owed on late payment
// without any demand and whatever the debt's currency:
// [DemandRules.Compensate] claims it, converting 310.00 DKK at the host's
// rate -- 41.54 EUR at 0.1340. [DemandRules.Remedies]
// decides suspension after the second unpaid demand (terms 12.3) and
// termination after the third (terms 17.3), through
// [contract.Terms.Suspension] and [contract.Terms.ProviderTermination].
//
// # Invoices and VAT
//
// [NewInvoice] turns an [InvoiceInput] into an [Invoice] with what
// momsbekendtgørelsen § 58 requires: number, dates, parties and their VAT
// numbers, lines and totals. Each line is rounded, then the lines are
// summed, so totals reconcile to the øre: 1,234.56 DKK at 25 % is VAT
// 308.64, total 1,543.20. The rate comes from the one VAT table,
// contract.EUVATRates().Rate("DK", day). [VATTreatment] chooses Danish
// VAT, EU [ReverseCharge]
// (no VAT, the buyer's VAT number and the notice "Reverse charge /
// omvendt betalingspligt") or [Export]. The due date is the payment term
// (30 days) after receipt, counted with the agreement's counter as a
// deadline to pay: one ending on a Saturday rolls to Monday (Reg. 1182/71
// Art. 3(4)).
//
// # Credit notes
//
// [NewCreditNote] corrects an issued invoice, in full or in part: a
// [CreditNote] names the invoice by number and date (momsbekendtgørelsen
// § 58, stk. 2), takes its number from the host's invoice counter, and
// carries its own lines and VAT summary. An invoice and its credit notes
// never go below zero: each line's VAT is credited cumulatively, the
// line's rate on all net credited so far, rounded. The [CreditReason]
// decides what the credit means: [CreditError] corrects an error and is
// always possible; [CreditUnusedTime] is refused, as terms 19.4 gives no
// refund or credit for partly used periods ([RefundOwed] explains it);
// [CreditGoodwill] is the provider's choice. [Invoice.Balance] is what is
// left, and [Invoice.CorrectedDebt] the debt the late-payment rules see:
// an error lowers the amount from the due date, goodwill counts as a
// payment on the note's date.
//
// # Discounts
//
// A discount is an [Allowance], never a negative price: its own line on
// the invoice, a percentage or a fixed amount off one line or off the
// lines at one VAT rate. Each allowance is rounded, its VAT rounded, then
// lines and allowances are summed, so the VAT summary reconciles to the
// øre rate by rate: 20 % off 249.00 DKK at 25 % is 49.80 with VAT 12.45,
// and the invoice is net 199.20, VAT 49.80, total 249.00. A [Plan] may
// carry a [Discount] for the first period ([Once]), the first N
// ([Repeating]) or [Forever]: charges carry the full price with the
// discount beside it ([Event.Allowance]), and an upgrade of a discounted
// plan is prorated on what the customer pays net.
//
// # Trials
//
// A plan's Trial (such as P14D) starts a subscription with nothing
// charged: [Subscribe] returns the [TrialStarted] event and the
// [TrialEnding] notice, dated [Trial].NoticeDays before the trial ends; the
// end is counted with [contract.Date.Add], so a one-month trial from 31
// January ends on 28 February. [Subscription.Renew] on or after that day
// converts it ([TrialConverted]) to the plan, charged from that day, or
// to the plan chosen during the trial -- the free plan when the customer
// cancels (terms 19.6).
//
// # Statement of account
//
// [StatementOfAccount] makes up a customer's account at a date:
// invoices, credit notes, payments and refunds, each invoice's interest,
// demand fees and compensation, every line cited, and the total owed.
// Payments are allocated by the stated [AllocationRule] -- the invoice
// the payer designated, then the oldest open invoice first -- and what is
// left is held as a credit balance that settles later invoices and pays
// refunds. The allocations, the credit balance and the refunds add up
// exactly to the payments received.
//
// # Plans and subscriptions
//
// A [Plan] is [Free], [Functionality] (a monthly or annual fee) or
// [CreditBased]. [Subscribe] creates a [Subscription] on the day the terms
// are accepted and charges the first period in advance (terms 19.1).
// [Subscription.Renew] renews it automatically (19.2), [Subscription.ChangePlan]
// upgrades at once with the pro-rata difference or schedules a downgrade
// or cancellation -- a switch to the free plan -- for the end of the cycle
// (19.6), with no refunds (19.4). Periods are counted from the anchor day
// with [contract.Date.AddPeriods] ([Subscription.Bounds]), so a
// subscription started on the 31st bills on 31 January, 28 February, 31
// March, 30 April. [Prorate] divides a price by whole days of the actual
// period: 24.95 DKK for 9 of 31 days is 7.24 DKK.
// [Subscription.OverUse] names the plan that fits when usage outgrows the
// current one (19.2), and [AdjustPrice] applies the net price index with
// the notice of terms 12.2.
//
// # Month-end runs
//
// A month-end run renews every subscription and invoices each charge.
// [Subscription.AppendRenew] renews into an event buffer the run reuses
// and [NewInvoiceInto] issues into an [Invoice] it reuses, so once the
// buffers have grown a subscription's renewal and invoice allocate
// nothing: inside, amounts are integers of the minor unit (øre), a
// [contract.Money] that fits an int64 is kept without a heap allocation,
// and events and invoices share read-only citation slices. Renewing and
// invoicing 1,000,000 subscriptions (every day of the month, five plans,
// 5 % with an overdue invoice's interest) takes about 0.35 s of CPU time
// on 2 cores and 10 bytes in 0.1 allocations per subscription
// (BenchmarkMonthEnd); with 10 % discounted about 23 bytes in 0.2
// allocations, and with 20 % also metered (10 usage events each, rated
// and invoiced) about 111 bytes in 2.6 allocations, nearly all of them
// the usage rating's.
// [Subscription.Renew] and [NewInvoice] return fresh slices as before.
//
// # Credits and values
//
// A [Ledger] holds a customer's credits: [Purchase] and [Grant] entries
// in, [Transfer] entries out at the [Tariff] (1 credit to fetch an order,
// 1 more to send it to an ERP). [Ledger.Post] refuses a debit the balance
// cannot cover, unless the plan's overdraft allows it, and records
// nothing; posting a host event ID again is a no-op. Values usage is
// counted with [contract.Values] (records x fields + the 1,200 base, the
// count package catalog uses too) and warned about with the one rule of
// terms 7.2, [contract.Capacity]; a [Plan]'s Values is the capacity it
// is compared with.
//
// # Usage-based charges
//
// A [Meter] names a billable metric and its [Aggregation]: sum, max,
// count, unique count or last. [Meter.Aggregate] counts a subscription's
// [UsageEvent]s in the [UsagePeriod] they happened in -- by event time,
// not arrival, so an event of 31 January 23:30 that arrives on 2 February
// counts for January ([Subscription.UsagePeriod] gives a period's instants
// in the host's zone) -- and counts an event ID once: a resent event is a
// duplicate, one resent with other content a conflict the host sees.
// Sums are exact.
//
// A [Price] turns a period's quantity into money: [PerUnit], [Package]
// (per started block of N after free units), [Graduated] and [Volume]
// over [Tier]s (as Stripe's up_to: 1-5, 6-10, 11 on) with flat fees, and
// [Percentage] of transaction amounts with a fixed fee per transaction,
// free events and amount and per-transaction bounds
// ([Price.Transactions]). A FlatFee is charged each period, used or not
// (a flat fee with overage); a Minimum is a commitment: usage below it is
// topped up by a true-up. The amount is computed exactly and rounded
// once per charge, half away from zero; 6 units of Stripe's tiers (7,
// 6.50, 6 USD) are 41.50 USD graduated and 39.00 USD by volume.
// [Rated.Line] invoices the charge. OpenDIMS's credits per transfer are
// one such meter: [CreditsMeter], fed by [Tariff.UsageEvent] or a
// [Ledger]'s [Ledger.UsageEvents].
//
// Rating is a function per subscription, safe on many goroutines: 10
// million events of 100,000 subscriptions take about 0.8 s of CPU time,
// 12 allocations per subscription (BenchmarkRateUsage). [Meter], [Price]
// and [Tier] carry validate tags like every configuration type.
//
// # EU VAT on electronic services
//
// [PlaceOfSupplyFor] decides where an electronically supplied service is
// taxed and at what rate, from the one VAT table
// ([contract.EUVATRates]): a business customer in another member state
// accounts for the VAT itself (VAT Directive Art. 44, 196); a consumer
// pays the VAT of the member state where they are (Art. 58), except that
// a supplier established in one member state whose cross-border supplies
// to consumers stay at or under EUR 10,000 in the current and the
// preceding calendar year charges its own (Art. 59c) until the supply
// that crosses the threshold. A Danish seller with 9,000 EUR of such
// sales this year sells a 500 EUR e-book to a German consumer at 25 %
// Danish VAT, and a further 1,500 EUR one at 19 % German VAT.
//
// Where the consumer is comes from evidence: [LocateCustomer] applies the
// presumptions of Implementing Regulation 282/2011 Art. 24b to the
// [LocationEvidence] of Art. 24f -- two items of different kinds, such
// as a billing address and an IP address, that agree -- and returns a
// [CustomerLocation] that records no personal data, only countries and
// sources, to store with the invoice ([InvoiceInput].CustomerLocation).
//
// An invoice in a foreign currency also states its VAT in Danish kroner
// or euro (momsbekendtgørelsen § 97, stk. 2) at an [ExchangeRate] the
// host supplies with its date and source (stk. 4: the latest published
// selling rate at the tax point, or the ECB's): 25.00 EUR of VAT at
// 7.4604 is 186.51 DKK, [Invoice].TaxCurrencyVAT. A Greek VAT number is
// written EL (GR is refused), and an export needs a buyer country
// outside the EU. [SupplyInput], [LocationInput], [LocationEvidence] and
// [ExchangeRate] carry validate tags.
//
// # Errors
//
// Bad input is a [*contract.ValidationError], pimkit's one problem type,
// that names every bad field by its JSON path and rule
// ("lines[0].quantity" dgte, "due" gtefield, "vat_treatment" oneof) and
// wraps [ErrInvalid]; mixed currencies also match [ErrCurrencyMismatch].
// The configuration types a host fills in -- [Plan], [Discount], [Debt],
// [Payment], [InvoiceInput], [Line], [Allowance], [InvoiceParty],
// [InterestRules], [StatutoryRate], [DemandRules], [CreditNoteInput],
// [CreditLine], [StatementInput], [AccountPayment], [Refund] -- carry
// validate tags; rules between
// fields are checked by hand and reported the same way. Refusals that are
// normal answers -- a demand sent too early, a fourth fee, a price change
// with too little notice -- are Decisions with reasons in English and
// Danish, not errors.
//
// # Money and storage
//
// Every amount is a [contract.Money]: an exact decimal with its currency,
// rounded half away from zero to the currency's minor unit. Amounts of two
// currencies are never added. The interest engine and invoice arithmetic
// work in integer minor units (øre) inside and build Money at their edges,
// so one overdue invoice costs a few allocations and an invoice none
// beyond its slices ([NewInvoiceInto] reuses those too).
//
// Every value survives encoding/json and compares equal with go-cmp:
// amounts as {"amount":"1234.50","currency":"DKK"}, dates as ISO 8601,
// enums as snake_case text ("reverse_charge", "per_started_month"). A
// stored [Ledger] is rebuilt from its entries and refused when their
// balances do not follow; a stored [RateTable] is checked as
// [RateTable.With] checks it.
//
// Rates, quantities and indices are [contract.Decimal]s, read with
// pimkit's one bounded parser (at most [contract.MaxDecimalText]
// characters, within ±10^18), and every decoder allocates at most 16 bytes
// per input byte plus 64 KiB. Limits are checked where values enter:
// [NewInvoice], [AdjustPrice] and [Prorate] refuse numbers whose text
// pimkit could not read back (a 62-digit price, a quantity with 200
// decimals; rule "range"), so whatever they accept can be stored and read
// again.
package billing
