package contract_test

import (
	"errors"
	"fmt"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

func ExampleOpenDIMSTerms() {
	t := contract.OpenDIMSTerms()
	fmt.Println(t.Provider.Name, t.Currency, t.PaymentPeriod, t.PaymentTerm, t.AvailabilityPercent)
	fmt.Println(t.Validate())
	// Output:
	// OpenDIMS ApS DKK P12M P30D 99.9%
	// <nil>
}

func ExampleTerms_Validate() {
	t := contract.OpenDIMSTerms()
	t.AvailabilityPercent = contract.PercentOf(decimal.RequireFromString("100.5"))
	t.LiabilityTotalMonths = -3
	t.LiabilityPerEventMonths = 1
	err := t.Validate()
	var verr *contract.ValidationError
	if errors.As(err, &verr) {
		for _, f := range verr.Problems {
			fmt.Println(f)
		}
	}
	fmt.Println(errors.Is(err, contract.ErrInvalidTerms))
	// Output:
	// availability_percent: lte(100)
	// liability_total_months: gte(0)
	// true
}

func ExampleResolve() {
	docs := []contract.Document{
		{Kind: contract.OfferDocument, Name: "Offer 2026-117",
			Params: map[string]string{"payment_period": "P1M", "breach_notice": "72h"}},
		{Kind: contract.DataProcessingAgreement, Name: "DPA",
			Params: map[string]string{"breach_notice": "24h"}},
		{Kind: contract.SalesMaterial, Name: "brochure",
			Params: map[string]string{"availability_percent": "100"}},
	}
	for _, name := range []string{"payment_period", "breach_notice", "availability_percent"} {
		r, err := contract.Resolve(contract.OpenDIMSTerms(), docs, name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s = %s from %s\n", r.Param, r.Value, r.From)
	}
	// Output:
	// payment_period = P1M from offer "Offer 2026-117" (documents[0])
	// breach_notice = PT24H from dpa "DPA" (documents[1])
	// availability_percent = 99.9 from terms
}

func ExampleResolve_conflict() {
	docs := []contract.Document{
		{Kind: contract.OfferDocument, Name: "Offer", Params: map[string]string{"payment_period": "P3M"}},
		{Kind: contract.OfferDocument, Name: "Addendum", Params: map[string]string{"payment_period": "P6M"}},
	}
	_, err := contract.Resolve(contract.OpenDIMSTerms(), docs, "payment_period")
	fmt.Println(errors.Is(err, contract.ErrConflict))
	fmt.Println(err)

	docs[1].Priority = 1 // declare the addendum the stronger
	r, _ := contract.Resolve(contract.OpenDIMSTerms(), docs, "payment_period")
	fmt.Println(r.Value, "from", r.From.Name)
	// Output:
	// true
	// contract: conflicting documents: resolve: 1 problem: documents[1].params.payment_period: conflict(documents[0])
	// P6M from Addendum
}

func ExampleConclude() {
	a, err := contract.Conclude(contract.AgreementSpec{
		Kind:      contract.OfferAgreement,
		Customer:  contract.Party{Name: "Webshop ApS", CVR: "DK43782495", Country: "DK"},
		Concluded: contract.MustParseDate("2025-01-20"),
		Start:     contract.MustParseDate("2025-02-01"),
		Terms:     contract.OpenDIMSTerms(),
		Documents: []contract.Document{{Kind: contract.OfferDocument, Name: "Offer 2025-004",
			Params: map[string]string{"availability_percent": "99.95"}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := a.Resolution("availability_percent")
	fmt.Println(a.Kind, a.Start, a.Terms.AvailabilityPercent, "from", r.From.Kind)
	d, _ := a.CustomerTermination(contract.MustParseDate("2025-06-10"))
	fmt.Println(d)
	// Output:
	// offer 2025-02-01 99.95% from offer
	// notice given on 2025-06-10 ends the agreement at the end of 2026-01-31, the end of payment period 1 (terms 17.2; terms 12.3; Reg. 1182/71 Art. 4(1))
}

func ExampleTerms_CustomerTermination() {
	yearly := contract.OpenDIMSTerms()
	d, _ := yearly.CustomerTermination(contract.MustParseDate("2025-02-01"), contract.MustParseDate("2025-06-10"))
	fmt.Println(d.Date)

	monthly := contract.OpenDIMSTerms()
	monthly.PaymentPeriod = contract.Months(1)
	d, _ = monthly.CustomerTermination(contract.MustParseDate("2025-11-01"), contract.MustParseDate("2026-01-01"))
	fmt.Println(d.Date)
	fmt.Println(d.Reason.In(language.Danish))

	_, err := yearly.CustomerTermination(contract.MustParseDate("2025-02-01"), contract.MustParseDate("2025-01-15"))
	fmt.Println(err)
	// Output:
	// 2026-01-31
	// 2026-02-28
	// opsigelse den 2026-01-01 bringer aftalen til ophør ved udgangen af 2026-02-28, slutningen af betalingsperiode 4
	// contract: invalid input: customer termination: 1 problem: notice: gtefield(start)
}

func ExampleTerms_SelfServeCancellation() {
	t := contract.OpenDIMSTerms()
	start, asked := contract.MustParseDate("2026-01-15"), contract.MustParseDate("2026-03-20")
	d, _ := t.SelfServeCancellation(start, contract.Months(1), asked, contract.SwitchToFreePlan)
	fmt.Println(d.Allowed, d)
	d, _ = t.SelfServeCancellation(start, contract.Months(1), asked, contract.CancelByEmail)
	fmt.Println(d.Allowed, d)
	// Output:
	// true switching to the free plan on 2026-03-20 ends the subscription at the end of the billing cycle on 2026-04-14, with no refund for the rest of the cycle (terms 19.6; terms 19.2; terms 19.4)
	// false an email or phone call does not cancel the subscription; unless it is switched to the free plan it renews on 2026-04-15 (terms 19.6; terms 19.2)
}

func ExampleTerms_Renewal() {
	d, _ := contract.OpenDIMSTerms().Renewal(contract.MustParseDate("2025-03-01"), contract.Years(1), contract.MustParseDate("2025-06-01"))
	fmt.Println(d.Date)
	// Output: 2026-03-01
}

func ExampleTerms_BreachTermination() {
	t := contract.OpenDIMSTerms()
	noticed := contract.MustParseDate("2026-01-02")
	for _, on := range []string{"2026-01-16", "2026-01-17"} {
		d, _ := t.BreachTermination(contract.ProviderSide, noticed, contract.MustParseDate(on), false)
		fmt.Println(d.Allowed, d.Reason)
	}
	// Output:
	// false the breach notified on 2026-01-02 may still be remedied until the end of 2026-01-16
	// true the breach notified on 2026-01-02 was not remedied by the end of 2026-01-16, so the customer may terminate
}

func ExampleTerms_ProviderTermination() {
	t := contract.OpenDIMSTerms()
	on := contract.MustParseDate("2026-05-04")
	fmt.Println(t.ProviderTermination(2, on).Allowed, t.ProviderTermination(3, on))
	// Output: false the provider may terminate on 2026-05-04: the remuneration is unpaid after 3 demands for payment, a material breach (terms 17.3; terms 12.3)
}

func ExampleTerms_Suspension() {
	t := contract.OpenDIMSTerms()
	on := contract.MustParseDate("2026-04-01")
	fmt.Println(t.Suspension(1, on))
	fmt.Println(t.Suspension(2, on).Reason.In(language.Danish))
	// Output:
	// access may be suspended only after 2 unpaid demands for payment; 1 have been made (terms 12.3)
	// adgangen kan lukkes fra 2026-04-01: fakturaen er ubetalt efter 2 rykkere
}

func ExampleTerms_PriceAdjustment() {
	t := contract.OpenDIMSTerms()
	notified := contract.MustParseDate("2026-06-24")
	fmt.Println(t.PriceAdjustment(notified, contract.MustParseDate("2026-10-24")))
	d := t.PriceAdjustment(notified, contract.MustParseDate("2026-09-01"))
	fmt.Println(d.Allowed, d.Date, d.Reason)
	// Output:
	// the new price may take effect on 2026-10-24; the customer may terminate because of it regardless of any binding period (terms 12.2; Reg. 1182/71 Art. 4(1))
	// false 2026-10-24 notice on 2026-06-24 allows a new price from 2026-10-24 at the earliest, not 2026-09-01
}

func ExampleTerms_ForceMajeure() {
	t := contract.OpenDIMSTerms()
	began := contract.MustParseDate("2026-01-05")
	for _, on := range []string{"2026-02-04", "2026-02-05"} {
		d, _ := t.ForceMajeure(began, contract.MustParseDate(on), false)
		fmt.Println(d.Allowed, d.Date)
	}
	// Output:
	// false 2026-02-05
	// true 2026-02-05
}

func ExampleTerms_DefectRemedy() {
	t := contract.OpenDIMSTerms()
	d, _ := t.DefectRemedy(contract.MustParseDate("2026-03-02"), contract.MustParseDate("2026-03-10"), false)
	fmt.Println(d.Allowed, d.Reason)
	d, _ = t.DefectRemedy(contract.Date{}, contract.MustParseDate("2026-03-10"), false)
	fmt.Println(d.Allowed, d.Reason)
	// Output:
	// false the provider may remedy the defect notified on 2026-03-02 until the end of 2026-03-12
	// false the provider is not liable for a defect it was not notified of
}

func ExampleTerms_SettleLiability() {
	t := contract.OpenDIMSTerms()
	dkk := func(s string) contract.Money { return contract.MustParseMoney(s, currency.DKK) }
	claims := []contract.Claim{
		{Event: "outage 2026-03-02", Kind: contract.DirectLoss, Amount: dkk("1500")},
		{Event: "outage 2026-03-02", Kind: contract.Penalty, Amount: dkk("200")},
		{Event: "outage 2026-03-02", Kind: contract.IndirectLoss, Amount: dkk("25000")},
		{Event: "outage 2026-05-11", Kind: contract.DirectLoss, Amount: dkk("300")},
	}
	s, err := t.SettleLiability(dkk("1000"), claims)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range s.Lines {
		fmt.Println(l.Claim.Kind, l.Claimed, "->", l.Payable)
	}
	fmt.Println(s.Payable, "of", s.Claimed, "caps", s.CapPerEvent, s.CapTotal)
	fmt.Println(s.Reason)
	fmt.Println(s.Reason.In(language.Danish))
	// Output:
	// direct_loss 1500.00 DKK -> 1000.00 DKK
	// penalty 200.00 DKK -> 0.00 DKK
	// indirect_loss 25000.00 DKK -> 0.00 DKK
	// direct_loss 300.00 DKK -> 300.00 DKK
	// 1300.00 DKK of 27000.00 DKK caps 1000.00 DKK 3000.00 DKK
	// DKK 1,300.00 of DKK 27,000.00 claimed is payable: each event is capped at DKK 1,000.00, 1 month's remuneration
	// 1.300,00 kr. af de krævede 27.000,00 kr. skal betales: hver hændelse er begrænset til 1.000,00 kr., 1 måneds vederlag
}

func ExampleTerms_SettleLiabilityFor() {
	s, _ := contract.OpenDIMSTerms().SettleLiabilityFor(contract.MustParseMoney("10000", currency.DKK), contract.Years(1), nil)
	fmt.Println(s.MonthlyFee.Text(), s.CapPerEvent.Text(), s.CapTotal.Text())
	// Output: 833.33 833.33 2500.00
}

func ExampleTerms_SettleLiability_badInput() {
	claims := []contract.Claim{
		{Event: "outage", Kind: contract.DirectLoss, Amount: contract.MustParseMoney("100", currency.EUR)},
		{Event: "outage", Kind: contract.DirectLoss, Amount: contract.MustParseMoney("-5", currency.DKK)},
	}
	_, err := contract.OpenDIMSTerms().SettleLiability(contract.MustParseMoney("1000", currency.DKK), claims)
	fmt.Println(err)
	// Output: contract: invalid input: settle liability: 2 problems: claims[0].amount.currency: eq(DKK); claims[1].amount.amount: gte(0)
}

func ExampleMonthlyRemuneration() {
	m, _ := contract.MonthlyRemuneration(contract.MustParseMoney("12000", currency.DKK), contract.Years(1))
	fmt.Println(m)
	// Output: 1000.00 DKK
}

func ExampleTerms_Disclosure() {
	t := contract.OpenDIMSTerms()
	terminated := contract.MustParseDate("2028-02-29")
	for _, on := range []string{"2033-02-28", "2033-03-01"} {
		d := t.Disclosure(terminated, contract.MustParseDate(on))
		fmt.Println(on, d.Allowed, d.Date)
	}
	// Output:
	// 2033-02-28 false 2033-02-28
	// 2033-03-01 true 2033-02-28
}

func ExampleTerms_DataDeletion() {
	fmt.Println(contract.OpenDIMSTerms().DataDeletion(contract.MustParseDate("2026-12-31"), false))
	// Output: the customer's data is deleted when the agreement terminates on 2026-12-31; it should be moved out before then (terms 18.3; terms 18.1)
}

func ExampleTerms_ExitAssistance() {
	f, _ := contract.OpenDIMSTerms().ExitAssistance(decimal.RequireFromString("7.5"), contract.MustParseMoney("1150", currency.DKK), true)
	fmt.Println(f.Fee, f.Prepayment)
	fmt.Println(f.Reason.In(language.Danish))
	// Output:
	// 8625.00 DKK true
	// exitbistand på 7,5 timer koster 8.625,00 kr. efter timepris; da betalinger er forfaldne, kan leverandøren kræve forudbetaling først
}

func ExampleTerms_Withdrawal() {
	t := contract.OpenDIMSTerms()
	fmt.Println(t.Withdrawal(contract.MustParseDate("2026-03-02"), contract.MustParseDate("2026-03-03")))
	// Output: the statutory 14-day right of withdrawal does not apply: the service is digital and delivered at payment (terms 19.5)
}

func ExampleTerms_Resale() {
	fmt.Println(contract.OpenDIMSTerms().Resale().Allowed)
	// Output: false
}

func ExampleTerms_Jurisdiction() {
	fmt.Println(contract.OpenDIMSTerms().Jurisdiction())
	// Output: the agreement is governed by the law of DK; disputes are heard in Herning (terms 20.1; terms 20.2)
}

func ExampleClauseByID() {
	c, ok := contract.ClauseByID("terms 15.1")
	fmt.Println(ok, c.Heading)
	fmt.Println(c.Kind, c.API)
	p, _ := contract.ClauseByID("14.2")
	fmt.Println(p.Kind, "-", p.Note)
	fmt.Println(len(contract.Clauses()), contract.Clauses()[0].ID)
	// Output:
	// true liability: direct loss only, 1 month per event, 3 months in total, penalties inside
	// rule [Terms.SettleLiability Terms.SettleLiabilityFor MonthlyRemuneration]
	// prose - whether an event is force majeure is a judgement of fact; the host states it when it calls Terms.ForceMajeure
	// 57 terms 1.1
}

func ExampleAgreement_Cancel() {
	a, _ := contract.Conclude(contract.AgreementSpec{
		Kind:      contract.SelfServe,
		Customer:  contract.Party{Name: "Shop AB", Country: "SE"},
		Concluded: contract.MustParseDate("2026-01-15"),
		Terms:     contract.OpenDIMSTerms(),
		Documents: []contract.Document{{Kind: contract.GeneralTerms, Name: "web terms",
			Params: map[string]string{"payment_period": "P1M"}}},
	})
	d, _ := a.Cancel(contract.MustParseDate("2026-03-20"), contract.SwitchToFreePlan)
	fmt.Println(d.Allowed, d.Date)
	// Output: true 2026-04-14
}

func ExampleTerms_SetParam() {
	t, err := contract.OpenDIMSTerms().SetParam("payment_period", "P1M")
	fmt.Println(t.PaymentPeriod, err)
	v, _ := t.Param("breach_notice")
	fmt.Println(v)
	// Output:
	// P1M <nil>
	// PT48H
}

func ExampleTerms_PriceTermination() {
	d, _ := contract.OpenDIMSTerms().PriceTermination(contract.MustParseDate("2026-06-24"),
		contract.MustParseDate("2026-10-24"), contract.MustParseDate("2026-07-01"))
	fmt.Println(d)
	// Output: because of the price adjustment notified on 2026-06-24, the customer may end the agreement at the end of 2026-10-23, regardless of any binding period (terms 12.2; terms 17.2)
}

func ExampleResolveTerms() {
	terms, res, err := contract.ResolveTerms(contract.OpenDIMSTerms(), []contract.Document{
		{Kind: contract.OfferDocument, Name: "Offer 2026-117", Params: map[string]string{"payment_period": "P1M"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(terms.PaymentPeriod, len(res) == len(contract.Params()))
	for _, r := range res {
		if r.From.Kind == contract.OfferDocument {
			fmt.Println(r.Param, r.Value, r.Citations)
		}
	}
	// Output:
	// P1M true
	// payment_period P1M [terms 1.3 terms 12.3]
}

func ExampleParams() {
	names := contract.Params()
	fmt.Println(len(names), names[0], names[len(names)-1])
	// Output: 28 assistance_charged venue
}

func ExampleClauses() {
	for _, c := range contract.Clauses()[:3] {
		fmt.Println(c.ID, "-", c.Heading)
	}
	// Output:
	// terms 1.1 - the terms govern the provider's operational services
	// terms 1.2 - the agreement documents: offer document (optional), data processing agreement, terms
	// terms 1.3 - precedence of the documents and conclusion of the agreement
}

func ExampleAgreementKind_Governs() {
	fmt.Println(contract.OfferAgreement.Governs("terms 17.2"), contract.SelfServe.Governs("terms 17.2"),
		contract.SelfServe.Governs("terms 19.6"), contract.SelfServe.Governs("terms 20.2"))
	// Output: true false true true
}

func ExampleAgreement_BreachTermination() {
	a, _ := contract.Conclude(contract.AgreementSpec{
		Kind:      contract.OfferAgreement,
		Customer:  contract.Party{Name: "Webshop ApS", CVR: "43782495"},
		Concluded: contract.MustParseDate("2025-02-01"),
		Terms:     contract.OpenDIMSTerms(),
		Documents: []contract.Document{{Kind: contract.OfferDocument, Name: "Offer"}},
	})
	// Notice on Saturday 2026-03-21: 14 days end on Saturday 2026-04-04,
	// rolled past Easter to Tuesday 2026-04-07.
	d, _ := a.BreachTermination(contract.ProviderSide, contract.MustParseDate("2026-03-21"), contract.MustParseDate("2026-04-07"), false)
	fmt.Println(d.Allowed, d.Date)
	fmt.Println(d.Citations)
	// Output:
	// false 2026-04-08
	// [terms 17.3 Reg. 1182/71 Art. 3(2) Reg. 1182/71 Art. 3(4)]
}
