package sla

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/explain"
)

// Reason keys: the English text is the key; every one has a Danish
// translation. Arguments are typed -- a [contract.Duration] ("PT72H"), a
// [contract.Date], an instant, a [contract.Percent] -- so each language
// formats them its own way: 99.838 % is "99.838%" in English and
// "99,838 %" in Danish.
const (
	keyPlannedOK      = "planned service window notified %s before its start; %s required, so it is not downtime"
	keyPlannedShort   = "planned service window notified only %s before its start; %s required, so it counts as downtime"
	keyCalendarOK     = "planned service window notified on %s may start from %s; it is not downtime"
	keyCalendarShort  = "planned service window notified on %s could start from %s at the earliest, so it counts as downtime"
	keyEmergencyOK    = "emergency service notified %s before its start; %s required, so it is not downtime"
	keyEmergencyShort = "emergency service notified only %s before its start; %s required, so it counts as downtime"
	keyForceMajeure   = "force majeure suspends the obligation to be available, so it is not downtime"
	keyMet            = "availability %s meets the target of %s"
	keyMissed         = "availability %s is below the target of %s"
	keyNoCredit       = "availability %s earns no service credit"
	keyCredit         = "availability %s is below %s, a credit of %s of the monthly fee"
	keyOutageVsSLA    = "the service credits are agreed in the offer document, which 15.2 itself and the order of precedence put first: they are owed for outages despite 15.2, inside the caps of 15.1; other losses from outages stay excluded"
)

var danish = map[string]string{
	keyPlannedOK:      "planlagt servicevindue varslet %s før start; %s kræves, så det er ikke nedetid",
	keyPlannedShort:   "planlagt servicevindue varslet kun %s før start; %s kræves, så det tæller som nedetid",
	keyCalendarOK:     "planlagt servicevindue varslet den %s må begynde fra %s; det er ikke nedetid",
	keyCalendarShort:  "planlagt servicevindue varslet den %s kunne tidligst begynde %s, så det tæller som nedetid",
	keyEmergencyOK:    "nødservice varslet %s før start; %s kræves, så det er ikke nedetid",
	keyEmergencyShort: "nødservice varslet kun %s før start; %s kræves, så det tæller som nedetid",
	keyForceMajeure:   "force majeure suspenderer pligten til tilgængelighed, så det er ikke nedetid",
	keyMet:            "tilgængeligheden på %s opfylder målet på %s",
	keyMissed:         "tilgængeligheden på %s er under målet på %s",
	keyNoCredit:       "tilgængeligheden på %s giver ingen kompensation",
	keyCredit:         "tilgængeligheden på %s er under %s, en kompensation på %s af månedsbetalingen",
	keyOutageVsSLA:    "kompensationen er aftalt i tilbudsdokumentet, som 15.2 selv og rangordenen sætter først: den skyldes for nedbrud trods 15.2, inden for loftet i 15.1; andre tab ved nedbrud er fortsat udelukket",
}

var catalog = explain.Catalog(danish)

func reason(key string, args ...any) contract.Reason {
	return contract.NewReason(catalog, key, args...)
}

// Rule IDs of the clauses the package decides.
const (
	// RuleServiceWindow is the rule on service windows and emergency
	// service (terms 3.2).
	RuleServiceWindow = "terms 3.2"
	// RuleForceMajeure is the suspension of obligations by force majeure
	// (terms 14.1).
	RuleForceMajeure = "terms 14.1"
	// RuleAvailability is the guaranteed availability (terms 8.1).
	RuleAvailability = "terms 8.1"
	// RuleCredit is a service credit of the offer document, counted inside
	// the liability cap (terms 8, 15.1).
	RuleCredit = "terms 8"
)
