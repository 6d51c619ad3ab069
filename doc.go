// Package pimkit is an embeddable library for the rules of a product
// information (PIM) SaaS: its catalog, its subscription terms and its
// privacy policy, as importable, tested Go code.
//
// pimkit is a set of packages; this one holds only this overview.
//
//   - [github.com/pimkit/pimkit/contract]: the agreement as data (terms,
//     documents and precedence, clauses and citations) and legal time
//     (periods, deadlines, holiday calendars, business hours).
//
// # Rules that hold in every package
//
//   - No I/O: nothing opens files, sockets or databases, logs or reads the
//     environment. Encoders take an [io.Reader] or [io.Writer] the host
//     opens; state changes return values and events the host stores.
//   - No hidden clock: every rule that depends on time takes the instant or
//     date as a parameter.
//   - Exact money: amounts are decimal numbers with an ISO 4217 currency,
//     rounded explicitly to the currency's minor unit; never floats.
//   - Legal time is counted by package contract, never with
//     [time.Time.AddDate] over months: 31 January plus one month is
//     28 February in law.
//   - Every decision explains itself with the clauses and articles it rests
//     on.
//
// # Where to start
//
// Run the tour with
//
//	go run ./examples/tour
//
// and read the package documentation of contract.
package pimkit
