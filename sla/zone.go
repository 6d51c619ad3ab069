package sla

import (
	"encoding/binary"
	"sync"
	"time"
)

// copenhagenRule is the POSIX TZ rule of Danish time since 1996: CET, and
// CEST from the last Sunday of March at 02:00 to the last Sunday of
// October at 03:00.
const copenhagenRule = "CET-1CEST,M3.5.0,M10.5.0/3"

var copenhagen = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocationFromTZData("Europe/Copenhagen", tzif(copenhagenRule))
	if err != nil {
		// Unreachable: the data is built above; keep standard time rather
		// than panic.
		return time.FixedZone("CET", 3600)
	}
	return loc
})

// Copenhagen returns the Europe/Copenhagen time zone, the default zone
// in which reporting periods are cut (terms 20.1: Danish law). It is built
// from the EU daylight-saving rule in memory, so it needs no zoneinfo files
// on the host: 2025-03-30 has 23 hours and 2025-10-26 has 25. Before 1996
// the rule differed; pimkit applies today's rule to every year.
func Copenhagen() *time.Location { return copenhagen() }

// tzif builds a minimal version-2 TZif file with no transitions, one
// standard-time type and footer rule, which time.LoadLocationFromTZData
// extends to every instant.
func tzif(rule string) []byte {
	var b []byte
	block := func() {
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		// isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
		for _, n := range []uint32{0, 0, 0, 0, 1, 4} {
			b = binary.BigEndian.AppendUint32(b, n)
		}
		b = binary.BigEndian.AppendUint32(b, 3600) // utoff
		b = append(b, 0, 0)                        // isdst, abbreviation index
		b = append(b, "CET\x00"...)
	}
	block()
	block()
	b = append(b, '\n')
	b = append(b, rule...)
	return append(b, '\n')
}
