package billing

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/explain"
)

// Reason keys: the English text with fmt verbs is the key; the Danish
// text is its translation. Arguments keep their types -- amounts are
// [contract.Money], days [contract.Date], counts ints -- so each language
// formats them its own way: a fee of 100 DKK is "DKK 100.00" in English
// and "100,00 kr." in Danish. No reason carries personal data: only
// dates, counts, amounts and plan names.
const (
	rsDemandOK         = "demand for payment may be sent on %s"
	rsDemandNotDue     = "the invoice is not overdue until after %s"
	rsDemandTooEarly   = "a demand must come at least %d days after the previous one, so not before %s"
	rsDemandPaid       = "the invoice is paid"
	rsFeeOK            = "a fee of %s may be charged for demand %d"
	rsFeeNone          = "no fee charged for this demand"
	rsFeeTooHigh       = "a demand fee may be at most %s"
	rsFeeTooMany       = "fees may be charged for at most %d demands"
	rsFeeCurrency      = "the statutory fee limit is in %s"
	rsCompOK           = "a business customer owes a one-off compensation of %s for late payment"
	rsCompConsumer     = "compensation for recovery costs applies to business customers only"
	rsCompClaimed      = "the compensation was already claimed on %s"
	rsUpgradeNotice    = "usage exceeds plan %s; plan %s fits"
	rsUpgradeNone      = "usage exceeds plan %s and no plan fits"
	rsChangeAtCycleEnd = "the change to plan %s takes effect at the end of the billing cycle, on %s"
	rsTrialStarted     = "the free trial of plan %s runs until %s; nothing is charged before"
	rsTrialToPaid      = "the free trial ends on %s; plan %s then starts and %s is charged"
	rsTrialToFree      = "the free trial ends on %s; the subscription then continues on the free plan %s"
	rsCompRate         = "the compensation of %s is owed in the debt's currency, %s, at an exchange rate the host supplies"
	rsCompOnTime       = "the invoice was paid by its due date, %s"
	rsCompNone         = "the rules set no compensation amount"
	rsCreditError      = "an invoice with an error is always corrected; what was paid over the corrected amount is owed back"
	rsCreditUnusedTime = "no refund or credit is given for the unused part of a paid period"
	rsCreditGoodwill   = "the provider grants this credit by choice; it is not owed"
)

var catalogDA = explain.Catalog(map[string]string{
	rsDemandOK:         "rykkeren må sendes den %s",
	rsDemandNotDue:     "fakturaen er først forfalden efter den %s",
	rsDemandTooEarly:   "der skal gå mindst %d dage mellem rykkere, så tidligst den %s",
	rsDemandPaid:       "fakturaen er betalt",
	rsFeeOK:            "der må opkræves et gebyr på %s for rykker nr. %d",
	rsFeeNone:          "der opkræves intet gebyr for denne rykker",
	rsFeeTooHigh:       "et rykkergebyr må højst være %s",
	rsFeeTooMany:       "der må højst opkræves gebyr for %d rykkere",
	rsFeeCurrency:      "lovens grænse for rykkergebyrer er i %s",
	rsCompOK:           "en erhvervskunde skylder en engangskompensation på %s for forsinket betaling",
	rsCompConsumer:     "kompensation for inddrivelsesomkostninger gælder kun erhvervskunder",
	rsCompClaimed:      "kompensationen blev allerede krævet den %s",
	rsUpgradeNotice:    "forbruget overstiger abonnementet %s; abonnementet %s passer",
	rsUpgradeNone:      "forbruget overstiger abonnementet %s, og intet abonnement passer",
	rsChangeAtCycleEnd: "skiftet til abonnementet %s får virkning ved udgangen af faktureringsperioden, den %s",
	rsTrialStarted:     "den gratis prøveperiode på abonnementet %s løber til den %s; intet opkræves før",
	rsTrialToPaid:      "den gratis prøveperiode slutter den %s; abonnementet %s begynder da, og %s opkræves",
	rsTrialToFree:      "den gratis prøveperiode slutter den %s; abonnementet fortsætter da på gratisabonnementet %s",
	rsCompRate:         "kompensationen på %s skyldes i gældens valuta, %s, til en vekselkurs, som værten oplyser",
	rsCompOnTime:       "fakturaen blev betalt senest på forfaldsdagen, den %s",
	rsCompNone:         "reglerne fastsætter intet kompensationsbeløb",
	rsCreditError:      "en faktura med en fejl rettes altid; det, der er betalt ud over det rettede beløb, betales tilbage",
	rsCreditUnusedTime: "der gives ikke refusion eller kredit for den ubrugte del af en betalt periode",
	rsCreditGoodwill:   "leverandøren giver denne kredit frivilligt; den skyldes ikke",
})

func reason(key string, args ...any) contract.Reason {
	return contract.NewReason(catalogDA, key, args...)
}
