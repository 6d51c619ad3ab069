//go:build !unix

package gpp_test

import "time"

// cpuTime is not measured off unix; the cpu-ns/op metric reads 0.
func cpuTime() time.Duration { return 0 }
