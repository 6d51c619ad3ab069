package privacy

import "github.com/pimkit/pimkit/contract"

func gdpr(ref string) contract.Citation { return contract.Cite(contract.SourceGDPR, ref) }

// PortabilityRight decides whether the right to data portability applies
// to data processed on basis, by automated means or not (GDPR Art.
// 20(1)): only processing based on consent (Art. 6(1)(a), or explicit
// consent under Art. 9(2)(a)) or on a contract (Art. 6(1)(b)), and carried
// out by automated means. Bookkeeping kept under a legal obligation is not
// portable; nor is a paper file kept on consent.
func PortabilityRight(basis LegalBasis, automated bool) contract.Decision {
	d := contract.Decision{Rule: "GDPR Art. 20(1)", Citations: []contract.Citation{gdpr("Art. 20(1)")}}
	switch {
	case basis != Consent && basis != Contract:
		d.Citations = append(d.Citations, basis.Citation())
		d.Reason = contract.NewReason(cat, msgPortabilityBasis, basis.String())
	case !automated:
		d.Citations[0] = gdpr("Art. 20(1)(b)")
		d.Reason = contract.NewReason(cat, msgPortabilityManual)
	default:
		d.Allowed = true
		d.Citations[0] = gdpr("Art. 20(1)(a)")
		d.Reason = contract.NewReason(cat, msgPortabilityOK)
	}
	return d
}

// ObjectionRight decides an objection to processing for use on basis
// (GDPR Art. 21). Allowed means the controller must stop:
//
//   - use under "marketing" (direct marketing): always upheld, whatever
//     the basis and grounds (Art. 21(2)-(3));
//   - basis LegitimateInterests or PublicTask: upheld unless the
//     controller demonstrates compelling legitimate grounds that override
//     the subject's interests, or the data serves legal claims (Art.
//     21(1)), which compelling reports;
//   - any other basis: the right to object does not apply (Art. 21(1));
//     consent is withdrawn instead (Art. 7(3)), and a contract or legal
//     obligation is not objected to.
func ObjectionRight(use DataUse, basis LegalBasis, compelling bool) contract.Decision {
	switch {
	case use.Under(UseMarketing):
		return contract.Decision{Rule: "GDPR Art. 21(3)", Allowed: true,
			Citations: []contract.Citation{gdpr("Art. 21(3)"), gdpr("Art. 21(2)")},
			Reason:    contract.NewReason(cat, msgObjectMarketing)}
	case basis == LegitimateInterests || basis == PublicTask:
		d := contract.Decision{Rule: "GDPR Art. 21(1)",
			Citations: []contract.Citation{gdpr("Art. 21(1)"), basis.Citation()}}
		if compelling {
			d.Reason = contract.NewReason(cat, msgObjectCompelling)
		} else {
			d.Allowed = true
			d.Reason = contract.NewReason(cat, msgObjectUpheld)
		}
		return d
	}
	cites := []contract.Citation{gdpr("Art. 21(1)")}
	if basis == Consent {
		cites = append(cites, gdpr("Art. 7(3)"))
	} else if c := basis.Citation(); !c.IsZero() {
		cites = append(cites, c)
	}
	return contract.Decision{Rule: "GDPR Art. 21(1)", Citations: cites,
		Reason: contract.NewReason(cat, msgObjectNoRight, basis.String())}
}
