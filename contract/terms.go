package contract

import (
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Party is one side of an agreement: its legal name, its Danish CVR number
// (eight digits, no "DK" prefix) or foreign VAT number, and its address.
// Its validate tags say what [Problems.Check] checks: a name, a CVR number
// that passes the mod-11 check ("43782495"), a VAT number with a country
// prefix ("DE123456789") and a two-letter country code ("DK").
type Party struct {
	// Name is the party's legal name. Required.
	Name string `json:"name" validate:"required,max=200"`
	// CVR is the Danish CVR number, eight digits; "DK43782495" is
	// accepted too.
	CVR string `json:"cvr,omitempty" validate:"omitempty,cvr"`
	// VATID is a foreign VAT number with its country prefix.
	VATID string `json:"vat_id,omitempty" validate:"omitempty,vatid"`
	// Address is the postal address, one line.
	Address string `json:"address,omitempty" validate:"max=500"`
	// Country is the ISO 3166-1 alpha-2 country code: "DK".
	Country string `json:"country,omitempty" validate:"omitempty,iso3166_1_alpha2"`
}

// Terms holds every parameter the clauses of a SaaS agreement fix, each
// field documented with the clause of the OpenDIMS terms it comes from.
// [OpenDIMSTerms] returns the preset; another provider fills in its own.
// Packages billing, sla and privacy read their parameters from a Terms.
//
// Periods counted in days, months and years are [Period]s counted by the
// terms' own [Counter], with its convention and holiday calendar; periods
// counted in hours are [Duration]s of elapsed time, and the terms'
// [Zone] says where their days begin and end.
//
// Terms survive JSON whole: periods and hour notices as ISO 8601 text
// ("P12M", "PT72H"), decimals as strings, the currency as its ISO 4217
// code. [Terms.Validate] checks them: the validate tags of the fields and
// the clauses' cross-field rules. Every decimal is read with the bounded
// parser ([Decimal], [Percent]: at most [MaxDecimalText] characters,
// within ±10^18), and reading Terms from JSON allocates at most 16 bytes
// per input byte plus 64 KiB.
type Terms struct {
	// Provider is the party that supplies the service (2.1).
	Provider Party `json:"provider"`

	// Counter counts every period of the terms in days, months and years:
	// its convention and its holiday calendar. Every rule of the terms,
	// and of packages billing, sla and privacy that reads them, counts with
	// it. The zero Counter is Reg. 1182/71 over Danish public holidays;
	// the OpenDIMS preset sets that explicitly.
	Counter Counter `json:"counter,omitzero"`
	// Zone is the time zone in which the agreement's days and reporting
	// periods begin and end (20.1: Danish law, Europe/Copenhagen); the
	// zero Zone is Europe/Copenhagen.
	Zone Zone `json:"zone,omitzero"`

	// Currency is the currency prices are stated in (19.3: DKK).
	Currency Currency `json:"currency" validate:"required"`
	// PricesExcludeVAT reports that prices are stated excluding VAT and
	// taxes (12.1, 19.3).
	PricesExcludeVAT bool `json:"prices_exclude_vat"`

	// PaymentPeriod is the period invoiced at a time (12.3: 12 months
	// unless the offer document says otherwise).
	PaymentPeriod Period `json:"payment_period" validate:"-"`
	// PaymentTerm is the time the customer has to pay, counted from
	// receipt of the invoice (12.3: 30 days).
	PaymentTerm Period `json:"payment_term" validate:"-"`
	// LateInterestPerMonth is the contractual late-payment interest as a
	// fraction of the invoice amount per month from the due date (12.3:
	// 0.02, 2 % a month).
	LateInterestPerMonth Decimal `json:"late_interest_per_month" validate:"-"`
	// SuspendAfterDemands is the number of unpaid demands for payment
	// after which access may be suspended (12.3: 2).
	SuspendAfterDemands int `json:"suspend_after_demands" validate:"gte=0"`
	// TerminateAfterDemands is the number of unpaid demands after which
	// the provider may terminate for material breach (17.3: 3).
	TerminateAfterDemands int `json:"terminate_after_demands" validate:"gte=0"`
	// PriceChangeNotice is the least notice of a price adjustment by net
	// price index (12.2: 4 months).
	PriceChangeNotice Period `json:"price_change_notice" validate:"-"`
	// MinimumInvoicing is the shortest period a subscription is invoiced
	// for (12.5: 1 month).
	MinimumInvoicing Period `json:"minimum_invoicing" validate:"-"`

	// ServiceWindowNotice is the least notice of a planned service window
	// for it not to count as downtime (3.2: 3 days, counted as 72 hours).
	ServiceWindowNotice Duration `json:"service_window_notice" validate:"gte=0"`
	// EmergencyNotice is the least notice of emergency service for it not
	// to count as downtime (3.2: 1 hour).
	EmergencyNotice Duration `json:"emergency_notice" validate:"gte=0"`
	// AvailabilityPercent is the guaranteed availability within the
	// agreed hours of operation, in percent (8.1: 99.9).
	AvailabilityPercent Percent `json:"availability_percent" validate:"-"`

	// BreachNotice is the time within which the provider tells the
	// customer of a security breach, from awareness (6.3: 48 hours).
	BreachNotice Duration `json:"breach_notice" validate:"gte=0"`
	// Confidentiality is how long the duty of confidentiality survives
	// termination (9.3: 5 years).
	Confidentiality Period `json:"confidentiality" validate:"-"`
	// ForceMajeureLimit is how long force majeure may last before the
	// other party may terminate: it must last more than this (14.3: 30
	// days).
	ForceMajeureLimit Period `json:"force_majeure_limit" validate:"-"`
	// LiabilityTotalMonths caps the provider's total liability at this many
	// months' remuneration (15.1: 3).
	LiabilityTotalMonths int `json:"liability_total_months" validate:"gte=0"`
	// LiabilityPerEventMonths caps liability per event at this many
	// months' remuneration (15.1: 1).
	LiabilityPerEventMonths int `json:"liability_per_event_months" validate:"gte=0"`
	// PenaltiesInsideCap reports that SLA penalties count inside the
	// liability caps (15.1).
	PenaltiesInsideCap bool `json:"penalties_inside_cap"`
	// OutageLiability reports that the provider answers for losses caused
	// by system crashes, power outages, unauthorised access, disruptions,
	// changes for technical or operational reasons (errors and defects in
	// the service among them), hardware, and circumstances imposed by
	// authorities (15.2: it does not, unless the offer document says so).
	// SLA penalties agreed in the offer document are owed either way.
	OutageLiability bool `json:"outage_liability"`
	// DefectRemedyPeriod is the least time the provider has to remedy a
	// notified defect before liability or a price reduction (15.3: 10
	// days).
	DefectRemedyPeriod Period `json:"defect_remedy_period" validate:"-"`

	// AssistanceCharged reports that the provider's help with the
	// customer's duties as controller -- answering supervisory authorities
	// and data-subject requests -- is paid at its hourly rates (11.5: it is,
	// unless the offer document says otherwise).
	AssistanceCharged bool `json:"assistance_charged"`

	// CustomerNotice is the customer's notice to terminate at the end of
	// a payment period, never before the end of the first (17.2: 1 month).
	CustomerNotice Period `json:"customer_notice" validate:"-"`
	// CurePeriod is the time to remedy a material breach after notice
	// before the other party may terminate (17.3: 14 days).
	CurePeriod Period `json:"cure_period" validate:"-"`
	// DeleteDataAtTermination reports that the customer's data is deleted
	// when the agreement terminates unless otherwise agreed (18.3).
	DeleteDataAtTermination bool `json:"delete_data_at_termination"`

	// StatutoryWithdrawal reports whether the statutory 14-day right of
	// withdrawal applies (19.5: it does not; digital delivery on payment).
	StatutoryWithdrawal bool `json:"statutory_withdrawal"`
	// ResaleAllowed reports whether accounts may be resold or combined
	// into a reseller account (19.7: no).
	ResaleAllowed bool `json:"resale_allowed"`

	// Law is the governing law, an ISO 3166-1 country code (20.1: "DK").
	Law string `json:"law" validate:"iso3166_1_alpha2"`
	// Venue is the court venue (20.2: "Herning").
	Venue string `json:"venue" validate:"required,max=200"`
}

// OpenDIMSTerms returns the OpenDIMS ApS general terms for its SaaS
// solutions as data: prices in DKK excluding VAT, a 12-month payment
// period, net 30, 2 % a month late interest, suspension after two demands,
// termination after the third, 4 months' notice of price changes, 99.9 %
// availability, and the rest of the clauses as documented on [Terms]. It
// counts by Reg. 1182/71 over [DanishHolidays] in [ZoneCopenhagen] (20.1:
// Danish law).
func OpenDIMSTerms() Terms {
	return Terms{
		Provider: Party{
			Name:    "OpenDIMS ApS",
			CVR:     "43782495",
			Address: "Rømersvej 4, 7430 Ikast",
			Country: "DK",
		},
		Counter:                 Counter{Convention: EU1182(), Calendar: DanishHolidays()},
		Zone:                    ZoneCopenhagen,
		Currency:                CurrencyOf(currency.DKK),
		PricesExcludeVAT:        true,
		PaymentPeriod:           Months(12),
		PaymentTerm:             Days(30),
		LateInterestPerMonth:    Dec(decimal.New(2, -2)),
		SuspendAfterDemands:     2,
		TerminateAfterDemands:   3,
		PriceChangeNotice:       Months(4),
		MinimumInvoicing:        Months(1),
		ServiceWindowNotice:     Hours(72),
		EmergencyNotice:         Hours(1),
		AvailabilityPercent:     PercentOf(decimal.New(999, -1)),
		BreachNotice:            Hours(48),
		Confidentiality:         Years(5),
		ForceMajeureLimit:       Days(30),
		LiabilityTotalMonths:    3,
		LiabilityPerEventMonths: 1,
		PenaltiesInsideCap:      true,
		OutageLiability:         false,
		DefectRemedyPeriod:      Days(10),
		AssistanceCharged:       true,
		CustomerNotice:          Months(1),
		CurePeriod:              Days(14),
		DeleteDataAtTermination: true,
		StatutoryWithdrawal:     false,
		ResaleAllowed:           false,
		Law:                     "DK",
		Venue:                   "Herning",
	}
}
