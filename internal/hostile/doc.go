// Package hostile is the test harness that calls every exported function
// and method of pimkit's packages with zero and extreme values -- negative
// and maximal numbers, huge and tiny decimals, 1 MB strings, invalid
// UTF-8, nil and failing readers and writers, nil pointers, maps and
// funcs -- each under recover with a one-second watchdog, and fails on a
// panic, a hang or a call that allocates more than 256 MB.
//
// The package holds tests only. What it calls is listed in
// manifest_gen_test.go, generated from the packages' sources by the test
// in ./gen; that test fails when the list is stale, so a new exported
// function or type is covered without anyone remembering it. Regenerate
// with
//
//	go test ./internal/hostile/gen -update
//
// Methods are found by reflection on the listed types, so a new method on
// a listed type is covered without regenerating. Values that calls return
// without error are offered to later calls as samples, so that calls get
// past their first validation.
//
// Two kinds of panic are allowed and counted apart: those of the Must
// functions in mustPanic, and those of pointer methods called on a nil
// receiver (Go's convention: (*time.Time).UnmarshalText(nil) panics too).
// A call that returns between a quarter of a second and a second is
// logged as slow. A new hang is confirmed in a child process before it
// fails the test. Known failures are listed in known_test.go with the
// defect; the list can only shrink: an entry that no longer fails fails
// the test until it is removed.
//
// The test skips itself under the race detector, which slows calls past
// the watchdog, and with -short; .ci/run runs it in a step of its own.
package hostile
