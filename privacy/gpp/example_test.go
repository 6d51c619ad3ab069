package gpp_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/pimkit/pimkit/privacy/gpp"
	"github.com/pimkit/pimkit/privacy/tcf"
)

// A string that @iabgpp/cmpapi wrote: a California section with the GPC
// signal, and the legacy US Privacy string.
func ExampleDecode() {
	s, err := gpp.Decode("DBACTMA~1YYN~BAQAAABA.YA")
	if err != nil {
		fmt.Println(err)
		return
	}
	ca := s.US[0]
	fmt.Println(ca.Section, "sale opt-out:", ca.SaleOptOut, "gpc:", ca.GPC)
	fmt.Println("uspv1 opt-out of sale:", s.USPv1.OptOutSale)
	// Output:
	// usca sale opt-out: yes gpc: true
	// uspv1 opt-out of sale: yes
}

func ExampleDecode_error() {
	_, err := gpp.Decode("CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA") // a bare TC string
	fmt.Println(errors.Is(err, gpp.ErrHeader))
	// Output: true
}

func ExampleEncode() {
	us, _ := gpp.NewUS(gpp.SectionUSNat)
	us.SaleOptOutNotice, us.SaleOptOut = gpp.Yes, gpp.Yes
	us.SensitiveDataProcessing[1], us.SensitiveDataProcessing[2] = gpp.Yes, gpp.No
	us.MSPACoveredTransaction = gpp.No
	s, err := gpp.Encode(gpp.String{US: []gpp.US{us}})
	fmt.Println(s, err)
	// Output: DBABLA~CEAQGAAAAACA.QA <nil>
}

// A tcfeuv2 section built from a privacy/tcf TC string.
func ExampleFromTCString() {
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	tc := tcf.TCString{Created: at, LastUpdated: at, CMPID: 300, VendorListVersion: 150, PolicyVersion: 5, IsServiceSpecific: true,
		ConsentLanguage: "EN", PublisherCountryCode: "US", PurposeConsents: tcf.NewIDSet(1),
		VendorConsents: tcf.NewVendorSet(755)}
	eu := gpp.FromTCString(tc)
	s, err := gpp.Encode(gpp.String{TCFEUv2: &eu})
	if err != nil {
		fmt.Println(err)
		return
	}
	back, _ := gpp.Decode(s)
	fmt.Println(back.TCFEUv2.VendorConsents.Has(755), back.TCFEUv2.PurposeConsents)
	// Output: true {1}
}

func ExampleGPCMapping_Apply() {
	co, _ := gpp.NewUS(gpp.SectionUSCO)
	co.GPC = true
	co, effects := gpp.DefaultGPCMapping.Apply(co)
	for _, e := range effects {
		fmt.Println(e.Section, e.Field, e.From, "->", e.To, e.Citations[0])
	}
	// Output:
	// usco SaleOptOut not_applicable -> yes C.R.S. § 6-1-1306(1)(a)(IV)
	// usco TargetedAdvertisingOptOut not_applicable -> yes C.R.S. § 6-1-1306(1)(a)(IV)
}

func ExampleFieldsOf() {
	fmt.Println(gpp.FieldsOf(gpp.SectionUSIN))
	// Output: [Version MspaCoveredTransaction MspaMode ProcessingNotice SaleOptOutNotice TargetedAdvertisingOptOutNotice SaleOptOut TargetedAdvertisingOptOut KnownChildSensitiveDataConsents AdditionalDataProcessingConsent SensitiveDataConsentSegmentIncluded SensitiveDataProcessing]
}
