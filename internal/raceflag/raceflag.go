// Package raceflag tells tests whether the race detector is on: it changes
// how much memory a call allocates, so the tests that bound the
// allocation of pimkit's decoders skip themselves under -race, and
// .ci/run runs them again without it.
package raceflag
