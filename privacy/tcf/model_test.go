package tcf_test

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/pimkit/pimkit/privacy/tcf"
)

// jsonModel is a TC string model in the JSON shape that
// testdata/crosscheck/crosscheck.mjs reads and writes: the official
// library's TCModel field names, times in epoch milliseconds, sets as sorted
// ID arrays.
type jsonModel struct {
	Created                            int64             `json:"created"`
	LastUpdated                        int64             `json:"lastUpdated"`
	CMPID                              int               `json:"cmpId"`
	CMPVersion                         int               `json:"cmpVersion"`
	ConsentScreen                      int               `json:"consentScreen"`
	ConsentLanguage                    string            `json:"consentLanguage"`
	VendorListVersion                  int               `json:"vendorListVersion"`
	PolicyVersion                      int               `json:"policyVersion"`
	IsServiceSpecific                  bool              `json:"isServiceSpecific"`
	UseNonStandardTexts                bool              `json:"useNonStandardTexts"`
	SpecialFeatureOptins               []int             `json:"specialFeatureOptins"`
	PurposeConsents                    []int             `json:"purposeConsents"`
	PurposeLegitimateInterests         []int             `json:"purposeLegitimateInterests"`
	PurposeOneTreatment                bool              `json:"purposeOneTreatment"`
	PublisherCountryCode               string            `json:"publisherCountryCode"`
	VendorConsents                     []int             `json:"vendorConsents"`
	VendorLegitimateInterests          []int             `json:"vendorLegitimateInterests"`
	PublisherRestrictions              []jsonRestriction `json:"publisherRestrictions"`
	Segments                           []string          `json:"segments"`
	VendorsDisclosed                   []int             `json:"vendorsDisclosed"`
	VendorsAllowed                     []int             `json:"vendorsAllowed"`
	PublisherConsents                  []int             `json:"publisherConsents"`
	PublisherLegitimateInterests       []int             `json:"publisherLegitimateInterests"`
	NumCustomPurposes                  int               `json:"numCustomPurposes"`
	PublisherCustomConsents            []int             `json:"publisherCustomConsents"`
	PublisherCustomLegitimateInterests []int             `json:"publisherCustomLegitimateInterests"`
}

type jsonRestriction struct {
	PurposeID       int   `json:"purposeId"`
	RestrictionType int   `json:"restrictionType"`
	Vendors         []int `json:"vendors"`
}

func ids(s interface{ IDs() []int }) []int {
	if v := s.IDs(); v != nil {
		return v
	}
	return []int{}
}

func toJSON(t tcf.TCString) jsonModel {
	m := jsonModel{
		Created:                            t.Created.UnixMilli(),
		LastUpdated:                        t.LastUpdated.UnixMilli(),
		CMPID:                              t.CMPID,
		CMPVersion:                         t.CMPVersion,
		ConsentScreen:                      t.ConsentScreen,
		ConsentLanguage:                    t.ConsentLanguage,
		VendorListVersion:                  t.VendorListVersion,
		PolicyVersion:                      t.PolicyVersion,
		IsServiceSpecific:                  t.IsServiceSpecific,
		UseNonStandardTexts:                t.UseNonStandardTexts,
		SpecialFeatureOptins:               ids(t.SpecialFeatureOptIns),
		PurposeConsents:                    ids(t.PurposeConsents),
		PurposeLegitimateInterests:         ids(t.PurposeLegitimateInterests),
		PurposeOneTreatment:                t.PurposeOneTreatment,
		PublisherCountryCode:               t.PublisherCountryCode,
		VendorConsents:                     ids(t.VendorConsents),
		VendorLegitimateInterests:          ids(t.VendorLegitimateInterests),
		PublisherRestrictions:              []jsonRestriction{},
		Segments:                           []string{"core"},
		VendorsDisclosed:                   ids(t.VendorsDisclosed),
		VendorsAllowed:                     ids(t.VendorsAllowed),
		PublisherConsents:                  ids(t.PublisherTC.PurposeConsents),
		PublisherLegitimateInterests:       ids(t.PublisherTC.PurposeLegitimateInterests),
		NumCustomPurposes:                  t.PublisherTC.NumCustomPurposes,
		PublisherCustomConsents:            ids(t.PublisherTC.CustomPurposeConsents),
		PublisherCustomLegitimateInterests: ids(t.PublisherTC.CustomPurposeLegitimateInterests),
	}
	for _, r := range t.PublisherRestrictions {
		m.PublisherRestrictions = append(m.PublisherRestrictions,
			jsonRestriction{r.PurposeID, int(r.Type), ids(r.Vendors)})
	}
	if t.HasVendorsDisclosed {
		m.Segments = append(m.Segments, "vendorsDisclosed")
	}
	if t.HasVendorsAllowed {
		m.Segments = append(m.Segments, "vendorsAllowed")
	}
	if t.HasPublisherTC {
		m.Segments = append(m.Segments, "publisherTC")
	}
	return m
}

func fromJSON(m jsonModel) tcf.TCString {
	t := tcf.TCString{
		Created:                    time.UnixMilli(m.Created).UTC(),
		LastUpdated:                time.UnixMilli(m.LastUpdated).UTC(),
		CMPID:                      m.CMPID,
		CMPVersion:                 m.CMPVersion,
		ConsentScreen:              m.ConsentScreen,
		ConsentLanguage:            m.ConsentLanguage,
		VendorListVersion:          m.VendorListVersion,
		PolicyVersion:              m.PolicyVersion,
		IsServiceSpecific:          m.IsServiceSpecific,
		UseNonStandardTexts:        m.UseNonStandardTexts,
		SpecialFeatureOptIns:       tcf.NewIDSet(m.SpecialFeatureOptins...),
		PurposeConsents:            tcf.NewIDSet(m.PurposeConsents...),
		PurposeLegitimateInterests: tcf.NewIDSet(m.PurposeLegitimateInterests...),
		PurposeOneTreatment:        m.PurposeOneTreatment,
		PublisherCountryCode:       m.PublisherCountryCode,
		VendorConsents:             tcf.NewVendorSet(m.VendorConsents...),
		VendorLegitimateInterests:  tcf.NewVendorSet(m.VendorLegitimateInterests...),
		HasVendorsDisclosed:        slices.Contains(m.Segments, "vendorsDisclosed"),
		VendorsDisclosed:           tcf.NewVendorSet(m.VendorsDisclosed...),
		HasVendorsAllowed:          slices.Contains(m.Segments, "vendorsAllowed"),
		VendorsAllowed:             tcf.NewVendorSet(m.VendorsAllowed...),
		HasPublisherTC:             slices.Contains(m.Segments, "publisherTC"),
	}
	for _, r := range m.PublisherRestrictions {
		t.PublisherRestrictions = append(t.PublisherRestrictions, tcf.PublisherRestriction{
			PurposeID: r.PurposeID, Type: tcf.RestrictionType(r.RestrictionType), Vendors: tcf.NewVendorSet(r.Vendors...)})
	}
	if t.HasPublisherTC {
		t.PublisherTC = tcf.PublisherTC{
			PurposeConsents:                  tcf.NewIDSet(m.PublisherConsents...),
			PurposeLegitimateInterests:       tcf.NewIDSet(m.PublisherLegitimateInterests...),
			NumCustomPurposes:                m.NumCustomPurposes,
			CustomPurposeConsents:            tcf.NewIDSet(m.PublisherCustomConsents...),
			CustomPurposeLegitimateInterests: tcf.NewIDSet(m.PublisherCustomLegitimateInterests...),
		}
	}
	return t
}

// randomModel returns a valid model drawn from r: times in whole
// deciseconds, vendor sets of every shape the encoder has to choose between
// (empty, tiny, dense, sparse, runs, near the bit-field/range break-even).
func randomModel(r *rand.Rand) tcf.TCString {
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli() / 100
	created := base + r.Int64N(10*365*24*36000)
	letter := func() string { return string([]byte{byte('A' + r.IntN(26)), byte('A' + r.IntN(26))}) }
	t := tcf.TCString{
		Created:                    time.UnixMilli(created * 100).UTC(),
		LastUpdated:                time.UnixMilli((created + r.Int64N(1e7)) * 100).UTC(),
		CMPID:                      2 + r.IntN(4094),
		CMPVersion:                 r.IntN(4096),
		ConsentScreen:              r.IntN(64),
		ConsentLanguage:            letter(),
		VendorListVersion:          1 + r.IntN(4095),
		PolicyVersion:              4 + r.IntN(2),
		IsServiceSpecific:          r.IntN(2) == 0,
		UseNonStandardTexts:        r.IntN(4) == 0,
		SpecialFeatureOptIns:       tcf.IDSet(r.Uint64() & (1<<12 - 1)),
		PurposeConsents:            tcf.IDSet(r.Uint64() & (1<<24 - 1)),
		PurposeLegitimateInterests: tcf.IDSet(r.Uint64()&(1<<24-1)).Without(1, 3, 4, 5, 6),
		PurposeOneTreatment:        r.IntN(4) == 0,
		PublisherCountryCode:       letter(),
		VendorConsents:             randomVendors(r),
		VendorLegitimateInterests:  randomVendors(r),
		HasVendorsDisclosed:        r.IntN(4) != 0,
		HasVendorsAllowed:          r.IntN(5) == 0,
		HasPublisherTC:             r.IntN(2) == 0,
	}
	if !t.Created.Before(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.HasVendorsDisclosed = true
	}
	if t.HasVendorsDisclosed {
		t.VendorsDisclosed = randomVendors(r).Union(t.VendorConsents)
	}
	if t.HasVendorsAllowed {
		t.VendorsAllowed = randomVendors(r)
	}
	seen := map[[2]int]bool{}
	for range r.IntN(5) {
		pr := tcf.PublisherRestriction{PurposeID: 1 + r.IntN(63), Type: tcf.RestrictionType(r.IntN(3))}
		if seen[[2]int{pr.PurposeID, int(pr.Type)}] {
			continue
		}
		seen[[2]int{pr.PurposeID, int(pr.Type)}] = true
		for pr.Vendors.IsEmpty() || pr.Vendors.Len() > 4000 { // at most 4095 range entries
			pr.Vendors = randomVendors(r)
		}
		t.PublisherRestrictions = append(t.PublisherRestrictions, pr)
	}
	if t.HasPublisherTC {
		n := r.IntN(64)
		mask := tcf.IDSet(1<<n - 1)
		t.PublisherTC = tcf.PublisherTC{
			PurposeConsents:                  tcf.IDSet(r.Uint64() & (1<<24 - 1)),
			PurposeLegitimateInterests:       tcf.IDSet(r.Uint64() & (1<<24 - 1)),
			NumCustomPurposes:                n,
			CustomPurposeConsents:            tcf.IDSet(r.Uint64()) & mask,
			CustomPurposeLegitimateInterests: tcf.IDSet(r.Uint64()) & mask,
		}
	}
	return t
}

// randomVendors draws a vendor set of one of several shapes.
func randomVendors(r *rand.Rand) tcf.VendorSet {
	var v []int
	switch r.IntN(8) {
	case 0: // empty
	case 1: // a few small IDs: always a bit field
		for range 1 + r.IntN(6) {
			v = append(v, 1+r.IntN(45))
		}
	case 2: // dense up to a few hundred, now and then beyond the stack buffer
		top, p := 1+r.IntN(1200), 0.5+r.Float64()/2
		if r.IntN(10) == 0 {
			top = 1 + r.IntN(20000)
		}
		for id := 1; id <= top; id++ {
			if r.Float64() < p {
				v = append(v, id)
			}
		}
		v = append(v, top)
	case 3: // sparse over a wide span
		for range 1 + r.IntN(30) {
			v = append(v, 1+r.IntN(3000))
		}
	case 4: // runs
		id := 1 + r.IntN(20)
		for range 1 + r.IntN(12) {
			n := 1 + r.IntN(3)*r.IntN(60)
			for k := range n {
				v = append(v, id+k)
			}
			id += n + 1 + r.IntN(80)
		}
	case 5: // near the break-even: few runs, MaxVendorId 46-140
		top := 46 + r.IntN(95)
		v = append(v, top)
		for range r.IntN(6) {
			a := 1 + r.IntN(top)
			for k := range 1 + r.IntN(3) {
				v = append(v, min(top, a+k))
			}
		}
	case 6: // one huge ID
		v = append(v, 1+r.IntN(tcf.MaxVendorID))
	case 7: // one long range
		a := 1 + r.IntN(500)
		return tcf.VendorRange(a, a+r.IntN(2000))
	}
	return tcf.NewVendorSet(v...)
}
