package sla

import (
	"time"

	"github.com/pimkit/pimkit/contract"
)

// Copenhagen returns the Europe/Copenhagen time zone, built in memory
// without zoneinfo files: 2025-03-30 has 23 hours and 2025-10-26 has 25.
//
// Deprecated: use [contract.Copenhagen], or the zone of the agreement's
// terms, [contract.Terms.Zone].
func Copenhagen() *time.Location { return contract.Copenhagen() }
