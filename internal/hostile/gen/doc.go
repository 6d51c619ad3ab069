// Package gen generates the list of exported functions and types that the
// hostile-input harness in the parent directory calls. It holds a test
// only: go test ./internal/hostile/gen -update rewrites
// ../manifest_gen_test.go, and without -update the test fails when that
// file differs from what the sources give.
package gen
