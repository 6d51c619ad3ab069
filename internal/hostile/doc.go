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
// a listed type is covered without regenerating. Known failures are listed
// in known_test.go with the defect; the list can only shrink: a listed
// call that no longer fails fails the test until it is removed.
package hostile
