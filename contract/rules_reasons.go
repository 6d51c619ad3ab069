package contract

import (
	"github.com/pimkit/pimkit/internal/explain"
	"golang.org/x/text/message/catalog"
)

// rulesCatalog renders the reasons of the agreement rules (terms 1-20) in
// English and Danish. The key is the English text.
var rulesCatalog catalog.Catalog = explain.Catalog(rulesDanish)

// rulesReason returns a reason rendered through rulesCatalog.
func rulesReason(key string, args ...any) Reason {
	return NewReason(rulesCatalog, key, args...)
}

// rulesDanish maps each English reason of the agreement rules to Danish.
// A test checks that every key used in the package is here.
var rulesDanish = map[string]string{
	// 7.2 capacity
	"usage %s has reached %s of the agreed maximum %s":   "forbruget %s har nået %s af den aftalte maksimale kapacitet %s",
	"usage %s is back below %s of the agreed maximum %s": "forbruget %s er igen under %s af den aftalte maksimale kapacitet %s",
	// 15.1 liability
	"no claims were made, so nothing is payable":                                                    "der er ikke rejst krav, så intet skal betales",
	"%s of %s claimed is payable: the total is capped at %s, %d months' remuneration":               "%s af de krævede %s skal betales: det samlede ansvar er begrænset til %s, %d måneders vederlag",
	"%s of %s claimed is payable: each event is capped at %s, %d month's remuneration":              "%s af de krævede %s skal betales: hver hændelse er begrænset til %s, %d måneds vederlag",
	"%s of %s claimed is payable: indirect losses such as lost earnings and lost data are excluded": "%s af de krævede %s skal betales: indirekte tab som driftstab og datatab er udelukket",
	"%s claimed is payable in full, within the liability caps":                                      "de krævede %s skal betales fuldt ud, inden for ansvarsbegrænsningen",
	// 12.3 suspension, 17.3 provider termination
	"the number of unpaid demands cannot be negative":                                                              "antallet af ubetalte rykkere kan ikke være negativt",
	"the terms give no right to suspend access for late payment":                                                   "vilkårene giver ikke ret til at lukke adgangen ved for sen betaling",
	"access may be suspended only after %d unpaid demands for payment; %d have been made":                          "adgangen kan først lukkes efter %d ubetalte rykkere; der er sendt %d",
	"access may be suspended from %s: the invoice is unpaid after %d demands for payment":                          "adgangen kan lukkes fra %s: fakturaen er ubetalt efter %d rykkere",
	"the terms give no right to terminate for late payment":                                                        "vilkårene giver ikke ret til at opsige ved for sen betaling",
	"the provider may terminate for non-payment only after %d unpaid demands for payment; %d have been made":       "leverandøren kan først opsige for manglende betaling efter %d ubetalte rykkere; der er sendt %d",
	"the provider may terminate on %s: the remuneration is unpaid after %d demands for payment, a material breach": "leverandøren kan opsige den %s: vederlaget er ubetalt efter %d rykkere, hvilket er væsentlig misligholdelse",
	// 12.2 price adjustment
	"the terms' price change notice is negative, so no adjustment can be judged":                                     "vilkårenes varsel for prisændringer er negativt, så ændringen kan ikke vurderes",
	"a price adjustment must be notified in advance; no notice was given":                                            "en prisregulering skal varsles på forhånd; der er ikke givet varsel",
	"the new price cannot take effect on %s, before the notice of %s":                                                "den nye pris kan ikke gælde fra %s, før varslet den %s",
	"notice on %s allows a new price from %s at the earliest, not %s":                                                "varsel den %s tillader en ny pris tidligst fra %s, ikke %s",
	"the new price may take effect on %s; the customer may terminate because of it regardless of any binding period": "den nye pris kan gælde fra %s; kunden kan opsige aftalen på grund af den uanset bindingsperiode",
	// 14, 15.3, 17-20
	"an email or phone call does not cancel the subscription; unless it is switched to the free plan it renews on %s":                                   "en e-mail eller et telefonopkald opsiger ikke abonnementet; medmindre det skiftes til den gratis version, fornyes det den %s",
	"confidentiality binds both parties while the agreement runs":                                                                                       "fortroligheden binder begge parter, så længe aftalen løber",
	"confidentiality ended at the end of %s":                                                                                                            "fortroligheden ophørte ved udgangen af %s",
	"confidentiality survives the termination on %s and binds until the end of %s":                                                                      "fortroligheden består efter ophøret den %s og binder til udgangen af %s",
	"exit assistance of %s hours costs %s at the hourly rate":                                                                                           "exitbistand på %s timer koster %s efter timepris",
	"exit assistance of %s hours costs %s at the hourly rate; as payments are overdue, the provider may demand prepayment first":                        "exitbistand på %s timer koster %s efter timepris; da betalinger er forfaldne, kan leverandøren kræve forudbetaling først",
	"notice given on %s ends the agreement at the end of %s, the end of payment period %d":                                                              "opsigelse den %s bringer aftalen til ophør ved udgangen af %s, slutningen af betalingsperiode %d",
	"obligations are suspended while the force majeure that began on %s lasts; if it still lasts on %s, the other party may terminate":                  "forpligtelserne suspenderes, mens force majeure fra %s varer; varer den stadig den %s, kan den anden part opsige",
	"performance is impossible because of the force majeure that began on %s, so the other party may terminate; neither party may claim damages for it": "opfyldelse er umulig på grund af force majeure fra %s, så den anden part kan opsige; ingen af parterne kan rejse krav i den anledning",
	"reselling the service or combining several customers into one account is not permitted; every customer needs its own account":                      "videresalg af tjenesten eller samling af flere kunder på én konto er ikke tilladt; hver kunde skal have sin egen konto",
	"switching to the free plan on %s ends the subscription at the end of the billing cycle on %s, with no refund for the rest of the cycle":            "skift til den gratis version den %s afslutter abonnementet ved udgangen af faktureringsperioden den %s, uden refusion for resten af perioden",
	"termination for material breach needs a notice to remedy it first":                                                                                 "ophævelse for væsentlig misligholdelse kræver først et påkrav om afhjælpning",
	"the agreement is governed by the law of %s; disputes are heard in %s":                                                                              "aftalen er underlagt lovgivningen i %s; tvister afgøres i %s",
	"the breach notified on %s may still be remedied until the end of %s":                                                                               "misligholdelsen, der blev påtalt den %s, kan stadig afhjælpes indtil udgangen af %s",
	"the breach was remedied, so it gives no right to terminate":                                                                                        "misligholdelsen er afhjulpet og giver derfor ikke ret til ophævelse",
	"the customer may withdraw until the end of %s":                                                                                                     "kunden kan fortryde indtil udgangen af %s",
	"the customer's data is deleted when the agreement terminates on %s; it should be moved out before then":                                            "kundens data slettes, når aftalen ophører den %s; de bør flyttes inden da",
	"the customer's data is kept after termination, as agreed":                                                                                          "kundens data bevares efter ophøret som aftalt",
	"the defect notified on %s was not remedied by the end of %s: the customer may claim damages or a price reduction, within the liability caps":       "mangelen, der blev reklameret over den %s, var ikke afhjulpet ved udgangen af %s: kunden kan kræve erstatning eller forholdsmæssigt afslag inden for ansvarsbegrænsningen",
	"the defect was remedied, so it gives no claim for damages or a price reduction":                                                                    "mangelen er afhjulpet og giver derfor ikke krav på erstatning eller afslag",
	"the end of confidentiality cannot be counted from %s":                                                                                              "fortrolighedens ophør kan ikke beregnes fra %s",
	"the force majeure that began on %s has lasted too long: the other party may terminate from %s; neither party may claim damages for it":             "force majeure fra %s har varet for længe: den anden part kan opsige fra %s; ingen af parterne kan rejse krav i den anledning",
	"the provider is not liable for a defect it was not notified of":                                                                                    "leverandøren hæfter ikke for en mangel, der ikke er reklameret over",
	"the provider may remedy the defect notified on %s until the end of %s":                                                                             "leverandøren kan afhjælpe mangelen, der blev reklameret over den %s, indtil udgangen af %s",
	"the right of withdrawal ended at the end of %s":                                                                                                    "fortrydelsesretten udløb ved udgangen af %s",
	"the statutory 14-day right of withdrawal does not apply: the service is digital and delivered at payment":                                          "den lovbestemte 14-dages fortrydelsesret gælder ikke: tjenesten er digital og leveres ved betalingen",
	"the terms allow resale of the service":                                                                                                             "vilkårene tillader videresalg af tjenesten",
	"the terms name no governing law or venue":                                                                                                          "vilkårene angiver hverken lovvalg eller værneting",
	"the withdrawal period cannot be counted from %s":                                                                                                   "fortrydelsesfristen kan ikke beregnes fra %s",
	"there is nothing to withdraw from before the payment on %s":                                                                                        "der er intet at fortryde før betalingen den %s",
	"unless cancelled by the end of %s, the subscription renews automatically on %s and the fee is collected in advance":                                "medmindre det opsiges inden udgangen af %s, fornyes abonnementet automatisk den %s, og betalingen opkræves forud",
	"the breach notified on %s was not remedied by the end of %s, so the customer may terminate":                                                        "misligholdelsen, der blev påtalt den %s, var ikke afhjulpet ved udgangen af %s, så kunden kan ophæve aftalen",
	"the breach notified on %s was not remedied by the end of %s, so the provider may terminate":                                                        "misligholdelsen, der blev påtalt den %s, var ikke afhjulpet ved udgangen af %s, så leverandøren kan ophæve aftalen",
	// 1.3 agreement kinds
	"a self-serve subscription ends by switching to the free plan, not by notice":                                                           "et selvbetjeningsabonnement ophører ved skift til den gratis version, ikke ved opsigelse",
	"an agreement on an offer document ends by notice to the end of a payment period, not by switching plans":                               "en aftale på et tilbudsdokument ophører ved opsigelse til udgangen af en betalingsperiode, ikke ved skift af abonnement",
	"the price adjustment does not take effect on %s as notified, so it gives no right to terminate":                                        "prisreguleringen får ikke virkning den %s som varslet og giver derfor ikke ret til opsigelse",
	"because of the price adjustment notified on %s, the customer may end the agreement at the end of %s, regardless of any binding period": "på grund af prisreguleringen varslet den %s kan kunden bringe aftalen til ophør ved udgangen af %s uanset bindingsperiode",
}
