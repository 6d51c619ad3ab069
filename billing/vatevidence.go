package billing

import (
	"slices"
	"strconv"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
)

// EvidenceKind is a kind of evidence of where a customer is located, as
// Implementing Regulation 282/2011 Art. 24f lists them. The zero value is
// invalid.
type EvidenceKind uint8

const (
	// BillingAddress is the customer's billing address (Art. 24f(a)).
	BillingAddress EvidenceKind = iota + 1
	// IPAddress is the geolocation of the Internet Protocol address of
	// the device the customer uses (Art. 24f(b)).
	IPAddress
	// BankDetails is the location of the bank account used for payment
	// or the billing address the bank holds (Art. 24f(c)).
	BankDetails
	// SIMCountry is the Mobile Country Code of the SIM card the customer
	// uses (Art. 24f(d)).
	SIMCountry
	// FixedLine is the location of the customer's fixed land line
	// through which the service is supplied (Art. 24f(e)).
	FixedLine
	// OtherCommercial is other commercially relevant information
	// (Art. 24f(f)).
	OtherCommercial
)

var evidenceKindNames = enum.Names{BillingAddress: "billing_address", IPAddress: "ip_address", BankDetails: "bank_details",
	SIMCountry: "sim_country", FixedLine: "fixed_line", OtherCommercial: "other_commercial"}

// String returns the kind's text form, such as "billing_address".
func (k EvidenceKind) String() string { return enum.String(evidenceKindNames, k, "EvidenceKind") }

// MarshalText implements encoding.TextMarshaler; the zero kind is an error.
func (k EvidenceKind) MarshalText() ([]byte, error) {
	return enum.Marshal(evidenceKindNames, k, "evidence kind", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (k *EvidenceKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(evidenceKindNames, b, k, "evidence kind", ErrSyntax)
}

// SupplyChannel is how an electronic service reaches the customer, which
// chooses the presumption of Implementing Regulation 282/2011 Art. 24b.
// The zero value is invalid.
type SupplyChannel uint8

const (
	// Online is any other means, such as the internet: two items of
	// non-contradictory evidence decide (Art. 24b(d)).
	Online SupplyChannel = iota + 1
	// ThroughFixedLine: the customer is presumed where the fixed land
	// line is (Art. 24b(a)).
	ThroughFixedLine
	// ThroughMobile: the customer is presumed in the country of the SIM
	// card's Mobile Country Code (Art. 24b(b)).
	ThroughMobile
)

var supplyChannelNames = enum.Names{Online: "online", ThroughFixedLine: "fixed_line", ThroughMobile: "mobile"}

// String returns "online", "fixed_line" or "mobile".
func (c SupplyChannel) String() string { return enum.String(supplyChannelNames, c, "SupplyChannel") }

// MarshalText implements encoding.TextMarshaler; the zero value is an error.
func (c SupplyChannel) MarshalText() ([]byte, error) {
	return enum.Marshal(supplyChannelNames, c, "supply channel", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (c *SupplyChannel) UnmarshalText(b []byte) error {
	return enum.Unmarshal(supplyChannelNames, b, c, "supply channel", ErrSyntax)
}

// LocationEvidence is one item of evidence of the customer's location:
// its kind and the country it points to. It records no personal data --
// not the address, the IP address or the account, only the country and
// where the item came from.
type LocationEvidence struct {
	Kind EvidenceKind `json:"kind" validate:"required"`
	// Country is the ISO 3166-1 alpha-2 code the item points to ("DE");
	// Greece is GR here, as in every ISO field (EL is only its VAT prefix).
	Country string `json:"country" validate:"len=2,alpha,uppercase"`
	// Source names who provided the item: "payment provider", "checkout
	// form", "GeoIP database".
	Source string `json:"source,omitempty" validate:"max=200"`
	// ThirdParty reports that a person involved in the supply other than
	// the supplier and the customer provided it, such as the payment
	// provider or the network operator (Art. 24b, third paragraph).
	ThirdParty bool `json:"third_party,omitempty"`
}

// LocationInput is what a supplier knows of where its customer is. It is
// configuration a host fills in; [LocateCustomer] checks it.
type LocationInput struct {
	Channel  SupplyChannel      `json:"channel" validate:"required"`
	Evidence []LocationEvidence `json:"evidence" validate:"min=1,max=20,dive"`
	// SmallSupplier reports that the supplier's cross-border supplies of
	// these services stayed within EUR 100,000 in the current and the
	// preceding calendar year, so one item provided by a third party
	// suffices (Art. 24b, third paragraph).
	SmallSupplier bool `json:"small_supplier,omitempty"`
}

// CustomerLocation is where a customer of an electronic service is
// located for VAT, with the evidence it rests on and the presumption
// applied: the value to store with the sale (and on the [Invoice]) for
// the ten years Art. 63c of Implementing Regulation 282/2011 asks.
type CustomerLocation struct {
	Country   string              `json:"country"`
	Channel   SupplyChannel       `json:"channel"`
	Evidence  []LocationEvidence  `json:"evidence"`
	Citations []contract.Citation `json:"citations"`
}

// IsZero reports whether l is the zero location: none recorded.
func (l CustomerLocation) IsZero() bool {
	return l.Country == "" && l.Channel == 0 && len(l.Evidence) == 0 && len(l.Citations) == 0
}

const reg282 = "Implementing Regulation 282/2011"

// LocateCustomer decides where the customer is by the presumptions of
// Implementing Regulation 282/2011 Art. 24b: through a fixed line, where
// the line is (24b(a)); through a mobile network, the SIM card's country
// (24b(b)); otherwise the country that two items of evidence of different
// kinds from Art. 24f agree on, none of which points elsewhere twice
// (24b(d)) -- a billing address and an IP address in DE place the
// customer in DE, a billing address in DE and an IP address in AT decide
// nothing. A small supplier (Art. 24b, third paragraph) may rest on one
// item a third party provided, such as the bank's country.
//
// Evidence that decides nothing is a [*contract.ValidationError] wrapping
// [ErrInvalid] at "evidence": rule "min" (too few items), "contradictory"
// (two countries each with two kinds), or "required" with param
// "fixed_line" or "sim_country" for a channel whose item is missing.
func LocateCustomer(in LocationInput) (CustomerLocation, error) {
	var ps contract.Problems
	ps.Check("", in)
	if err := invalid(&ps, "locate customer"); err != nil {
		return CustomerLocation{}, err
	}
	loc := CustomerLocation{Channel: in.Channel, Evidence: slices.Clone(in.Evidence)}
	byKind := func(k EvidenceKind) (string, bool) {
		for _, e := range in.Evidence {
			if e.Kind == k {
				return e.Country, true
			}
		}
		return "", false
	}
	switch in.Channel {
	case ThroughFixedLine:
		c, ok := byKind(FixedLine)
		if !ok {
			return CustomerLocation{}, problem("locate customer", "evidence", "required", "fixed_line")
		}
		loc.Country = c
		loc.Citations = []contract.Citation{contract.Cite(reg282, "Art. 24b(a)")}
		return loc, nil
	case ThroughMobile:
		c, ok := byKind(SIMCountry)
		if !ok {
			return CustomerLocation{}, problem("locate customer", "evidence", "required", "sim_country")
		}
		loc.Country = c
		loc.Citations = []contract.Citation{contract.Cite(reg282, "Art. 24b(b)")}
		return loc, nil
	}
	// Count the distinct kinds pointing to each country.
	type support struct {
		country string
		kinds   uint8 // bit set of EvidenceKind
	}
	var sup []support
	for _, e := range in.Evidence {
		i := slices.IndexFunc(sup, func(s support) bool { return s.country == e.Country })
		if i < 0 {
			sup = append(sup, support{country: e.Country})
			i = len(sup) - 1
		}
		sup[i].kinds |= 1 << e.Kind
	}
	var agreed []string
	for _, s := range sup {
		if n := popcount(s.kinds); n >= 2 {
			agreed = append(agreed, s.country)
		}
	}
	switch {
	case len(agreed) > 1:
		return CustomerLocation{}, problem("locate customer", "evidence", "contradictory", "")
	case len(agreed) == 1:
		loc.Country = agreed[0]
		loc.Citations = []contract.Citation{contract.Cite(reg282, "Art. 24b(d)"), contract.Cite(reg282, "Art. 24f")}
		return loc, nil
	}
	if in.SmallSupplier {
		var third []string
		for _, e := range in.Evidence {
			if e.ThirdParty && !slices.Contains(third, e.Country) {
				third = append(third, e.Country)
			}
		}
		if len(third) == 1 {
			loc.Country = third[0]
			loc.Citations = []contract.Citation{contract.Cite(reg282, "Art. 24b, third paragraph"), contract.Cite(reg282, "Art. 24f")}
			return loc, nil
		}
	}
	return CustomerLocation{}, problem("locate customer", "evidence", "min", strconv.Itoa(2))
}

func popcount(b uint8) int {
	n := 0
	for ; b != 0; b &= b - 1 {
		n++
	}
	return n
}

// checkLocation records the problems of a location stored with an
// invoice: a country of two capital letters and evidence that is itself
// valid; nothing for the zero location.
func checkLocation(ps *contract.Problems, path string, l CustomerLocation) {
	if l.IsZero() {
		return
	}
	if !countryCode(l.Country) {
		ps.Add(path+".country", "len", "2")
	}
	ps.Check(path, LocationInput{Channel: l.Channel, Evidence: l.Evidence})
}
