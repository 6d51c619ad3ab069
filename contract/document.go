package contract

import "github.com/pimkit/pimkit/internal/enum"

// DocumentKind is the kind of an agreement document (terms 1.2), which
// decides its precedence (1.3). The zero DocumentKind is invalid.
type DocumentKind uint8

const (
	// OfferDocument is the offer: the package, features, agreed uptime,
	// prices and any SLA. Optional. Special terms specifically agreed in
	// it prevail over the general terms (1.3).
	OfferDocument DocumentKind = iota + 1
	// DataProcessingAgreement is the data processing agreement. It prevails
	// on the processing of data on the customer's behalf (1.3, 11.1).
	DataProcessingAgreement
	// GeneralTerms are the provider's general terms, such as
	// [OpenDIMSTerms]. They prevail over every document except special
	// terms in the offer, and the DPA on data processing (1.3).
	GeneralTerms
	// SalesMaterial is a brochure, web page or pitch. What it says binds
	// nobody unless an agreement document repeats it (1.3).
	SalesMaterial
)

var documentKindNames = enum.Names{OfferDocument: "offer", DataProcessingAgreement: "dpa",
	GeneralTerms: "terms", SalesMaterial: "sales_material"}

// String returns "offer", "dpa", "terms" or "sales_material"; an invalid
// kind prints as "DocumentKind(9)".
func (k DocumentKind) String() string { return enum.String(documentKindNames, k, "DocumentKind") }

// MarshalText implements encoding.TextMarshaler; the zero kind is an
// error wrapping ErrInvalidInput.
func (k DocumentKind) MarshalText() ([]byte, error) {
	return enum.Marshal(documentKindNames, k, "document kind", ErrInvalidInput)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidInput.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (k *DocumentKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(documentKindNames, b, k, "document kind", ErrInvalidInput)
}

// mayBreakTags reports whether d might break its validate tags (a name or
// a value longer than 200 bytes), so that resolving valid documents does
// not pay for reflection on each.
func (d Document) mayBreakTags() bool {
	if len(d.Name) > 200 {
		return true
	}
	for _, v := range d.Params {
		if len(v) > 200 {
			return true
		}
	}
	return false
}

func (k DocumentKind) valid() bool { return k >= OfferDocument && k <= SalesMaterial }

// rank returns how strongly a document of kind k sets a parameter (higher
// prevails), or -1 when it does not bind (terms 1.3).
func (k DocumentKind) rank(dataProcessing bool) int {
	switch k {
	case OfferDocument:
		if dataProcessing {
			return 2
		}
		return 3
	case DataProcessingAgreement:
		if dataProcessing {
			return 3
		}
		return 1
	case GeneralTerms:
		return 2 - b2i(dataProcessing)
	}
	return -1
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Document is one agreement document and the parameters of [Terms] it
// sets, by name (see [Params]) with values as text: an offer with
// {"payment_period": "P1M"} agrees monthly payment periods instead of
// 12.3's twelve months.
//
// Priority orders documents of the same kind that set the same
// parameter: the higher wins. Two such documents with equal priority (both
// 0, none declared) are a conflict, never a silent choice.
type Document struct {
	// Kind decides the document's precedence.
	Kind DocumentKind `json:"kind"`
	// Name identifies the document to people: "Offer 2026-117".
	Name string `json:"name" validate:"max=200"`
	// Priority is a declared priority among documents of the same kind;
	// the higher wins. 0 declares none.
	Priority int `json:"priority,omitempty"`
	// Params are the parameters the document sets, by [Params] name, with
	// values as text. A nil map sets none.
	Params map[string]string `json:"params,omitempty" validate:"dive,max=200"`
}
