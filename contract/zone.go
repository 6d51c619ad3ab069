package contract

import (
	"encoding/binary"
	"fmt"
	"sync"
	"time"
)

// Zone names the time zone an agreement's instants are read in: where its
// days, months and reporting periods begin and end. It is a value that
// survives JSON as its IANA name ("Europe/Copenhagen"); [Zone.Location]
// gives the [*time.Location], built in memory from the zone's POSIX TZ
// rule, so no zoneinfo files are read. pimkit knows [ZoneCopenhagen],
// [ZoneStockholm] and [ZoneUTC]; a host with another zone loads it itself
// and passes the *time.Location where a rule asks for one.
//
// The zero Zone is Europe/Copenhagen, pimkit's default (terms 20.1:
// Danish law). Today's daylight-saving rule is applied to every year.
type Zone string

// The zones pimkit builds without zoneinfo files.
const (
	// ZoneCopenhagen is Europe/Copenhagen: CET, CEST from the last Sunday
	// of March at 02:00 to the last Sunday of October at 03:00.
	ZoneCopenhagen Zone = "Europe/Copenhagen"
	// ZoneStockholm is Europe/Stockholm, with the same rule as Copenhagen.
	ZoneStockholm Zone = "Europe/Stockholm"
	// ZoneUTC is UTC.
	ZoneUTC Zone = "UTC"
)

// zoneRule is a known zone's standard-time abbreviation and offset and its
// POSIX TZ rule.
type zoneRule struct {
	std    string
	offset int32
	rule   string
}

// cetRule is the POSIX TZ rule of Central European Time since 1996.
const cetRule = "CET-1CEST,M3.5.0,M10.5.0/3"

var zoneRules = map[Zone]zoneRule{
	ZoneCopenhagen: {"CET", 3600, cetRule},
	ZoneStockholm:  {"CET", 3600, cetRule},
	ZoneUTC:        {"UTC", 0, "UTC0"},
}

var (
	copenhagenLoc = sync.OnceValue(func() *time.Location { return buildZone(ZoneCopenhagen) })
	stockholmLoc  = sync.OnceValue(func() *time.Location { return buildZone(ZoneStockholm) })
)

// Copenhagen returns the Europe/Copenhagen time zone, built in memory from
// the EU daylight-saving rule, so it needs no zoneinfo files on the host:
// 2025-03-30 has 23 hours and 2025-10-26 has 25. Before 1996 the rule
// differed; pimkit applies today's rule to every year.
func Copenhagen() *time.Location { return copenhagenLoc() }

// Stockholm returns the Europe/Stockholm time zone, built in memory like
// [Copenhagen] with the same rule.
func Stockholm() *time.Location { return stockholmLoc() }

// Location returns z's time zone: [Copenhagen] for the zero Zone and
// ZoneCopenhagen, [Stockholm] for ZoneStockholm, [time.UTC] for ZoneUTC. Any
// other name is an error wrapping ErrInvalidInput.
func (z Zone) Location() (*time.Location, error) {
	switch z {
	case "", ZoneCopenhagen:
		return Copenhagen(), nil
	case ZoneStockholm:
		return Stockholm(), nil
	case ZoneUTC:
		return time.UTC, nil
	}
	return nil, errUnknownZone()
}

// String returns z's IANA name; the zero Zone prints as
// "Europe/Copenhagen".
func (z Zone) String() string {
	if z == "" {
		return string(ZoneCopenhagen)
	}
	return string(z)
}

// MarshalText implements encoding.TextMarshaler; the zero Zone is the empty
// text and an unknown zone is an error wrapping ErrInvalidInput.
func (z Zone) MarshalText() ([]byte, error) {
	if _, ok := zoneRules[z]; !ok && z != "" {
		return nil, errUnknownZone()
	}
	return []byte(z), nil
}

// UnmarshalText implements encoding.TextUnmarshaler for the known zones'
// names and the empty text (the zero Zone); any other name is an error
// wrapping ErrInvalidInput.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (z *Zone) UnmarshalText(b []byte) error {
	if _, ok := zoneRules[Zone(b)]; !ok && len(b) > 0 {
		return errUnknownZone()
	}
	*z = Zone(b)
	return nil
}

// errUnknownZone reports a zone name that is not one of the known zones;
// it says what was expected and does not quote the name, which may be
// anything a user typed.
func errUnknownZone() error {
	return fmt.Errorf("%w: unknown zone, want %s, %s or %s", ErrInvalidInput, ZoneCopenhagen, ZoneStockholm, ZoneUTC)
}

// buildZone builds a known zone from its rule.
func buildZone(z Zone) *time.Location {
	r := zoneRules[z]
	loc, err := time.LoadLocationFromTZData(string(z), tzif(r))
	if err != nil {
		// Unreachable: the data is built by tzif; keep standard time rather
		// than panic.
		return time.FixedZone(r.std, int(r.offset))
	}
	return loc
}

// tzif builds a minimal version-2 TZif file with no transitions, one
// standard-time type and the footer rule, which time.LoadLocationFromTZData
// extends to every instant.
func tzif(r zoneRule) []byte {
	var b []byte
	block := func() {
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		// isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
		for _, n := range []uint32{0, 0, 0, 0, 1, uint32(len(r.std) + 1)} {
			b = binary.BigEndian.AppendUint32(b, n)
		}
		b = binary.BigEndian.AppendUint32(b, uint32(r.offset)) // utoff
		b = append(b, 0, 0)                                    // isdst, abbreviation index
		b = append(b, r.std...)
		b = append(b, 0)
	}
	block()
	block()
	b = append(b, '\n')
	b = append(b, r.rule...)
	return append(b, '\n')
}
