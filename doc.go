// Package pimkit is an embeddable library for the rules of a product
// information (PIM) SaaS: its catalog, its subscription terms, its uptime
// promise and its privacy policy, as importable, tested Go code.
//
// This package holds only this overview; the code is in its packages:
//
//   - [github.com/pimkit/pimkit/contract]: the shared vocabulary every
//     package speaks -- [contract.Money], civil dates, periods and
//     durations, deadlines and holiday calendars, decisions with
//     citations, and the one problem type [contract.ValidationError] --
//     and the agreement as data (terms, documents and precedence, clauses,
//     business hours). Start here: every other package builds on it.
//   - [github.com/pimkit/pimkit/catalog]: products, categories and orders,
//     the form designer's fields, validation, completeness, variants,
//     identifiers and the exchange formats.
//   - [github.com/pimkit/pimkit/billing]: subscriptions, invoices and VAT,
//     credits, late interest and payment demands.
//   - [github.com/pimkit/pimkit/sla]: availability, service windows, error
//     budgets, credits against the liability cap, capacity warnings.
//   - [github.com/pimkit/pimkit/privacy]: policies, consent with proof,
//     data-subject requests, retention, breaches and consent signals, with
//     [github.com/pimkit/pimkit/privacy/tcf] for IAB TCF strings.
//
// # Rules that hold in every package
//
//   - No I/O: nothing opens files, sockets or databases, logs or reads the
//     environment. Encoders take an [io.Reader] or [io.Writer] the host
//     opens; state changes return values and events the host stores.
//   - No hidden clock: every rule that depends on time takes the instant or
//     date as a parameter.
//   - Exact money: an amount is one [contract.Money] value, a decimal with
//     its ISO 4217 currency, rounded explicitly to the currency's minor
//     unit; never floats, and mixed currencies are an error.
//   - Values survive storage: every exported value round-trips through
//     encoding/json (snake_case keys, enums as snake_case text, ISO 8601
//     dates and durations, amounts as {"amount":"1234.50","currency":"DKK"})
//     and compares with go-cmp's cmp.Equal without options.
//   - One error shape: rejected input is a [contract.ValidationError] whose
//     [contract.Problem]s name every broken rule at once by JSON path, and
//     it unwraps to the returning package's sentinels for [errors.Is].
//     Nothing panics on bad input and no message quotes personal data.
//   - Legal time is counted by package contract, never with
//     [time.Time.AddDate] over months: 31 January plus one month is
//     28 February in law.
//   - Every decision explains itself with the clauses and articles it rests
//     on, in English or Danish.
//
// # Where to start
//
// Run the tour, a Danish webshop on the OpenDIMS terms from catalog import
// to termination:
//
//	go run ./examples/tour
//
// and read the package documentation of contract.
package pimkit
