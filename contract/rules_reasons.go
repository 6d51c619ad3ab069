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
	// tensions
	"%s sets %s to %s and prevails over %s, which sets %s": "%s fastsætter %s til %s og går forud for %s, som fastsætter %s",
	"12.2 is the specific rule for adjusting an agreement's prices by index and governs it; 19.3 governs self-serve subscriptions, whose new price applies from the next renewal; read against the author of the terms, the longer notice of 12.2 applies wherever both could": "12.2 er den særlige regel for indeksregulering af aftalens priser og gælder for den; 19.3 gælder selvbetjente abonnementer, hvis nye pris gælder fra næste fornyelse; fortolket mod vilkårenes forfatter gælder det længere varsel i 12.2, hvor begge kunne gælde",
	"17.1 names both ways of ending the agreement, so 17.3's only limits termination before the end of a payment period to a material breach; ordinary notice to the end of a period stays open under 17.2":                                                                    "17.1 nævner begge måder at afslutte aftalen på, så ordet kun i 17.3 begrænser opsigelse før udløbet af en betalingsperiode til væsentlig misligholdelse; almindelig opsigelse til udløbet af en periode står åben efter 17.2",
	"19.6 is the specific rule for self-serve accounts, which have no offer document and so no agreed address; 16.1 and 17.2 govern agreements with an offer document, where an e-mail to its address is notice":                                                               "19.6 er den særlige regel for selvbetjente konti, som ikke har et tilbudsdokument og dermed ingen aftalt adresse; 16.1 og 17.2 gælder aftaler med et tilbudsdokument, hvor en e-mail til dets adresse er meddelelse",
	// 3.1, 4.3, 4.4, 5.1, 9.2, 10.2
	"the service is part of the features and capacity agreed in the offer document":                                                                       "ydelsen er en del af de funktioner og den kapacitet, der er aftalt i tilbudsdokumentet",
	"the service is not in the offer document: it needs a supplementary agreement, which the terms govern, and is paid for separately":                    "ydelsen er ikke med i tilbudsdokumentet: den kræver en tillægsaftale, som vilkårene gælder for, og betales særskilt",
	"the provider must first ask the customer to delete the content":                                                                                      "leverandøren skal først anmode kunden om at slette indholdet",
	"the customer deleted the content as asked on %s":                                                                                                     "kunden slettede indholdet som anmodet den %s",
	"the customer did not delete the content at once when asked on %s, so the provider may delete it without the customer":                                "kunden slettede ikke straks indholdet efter anmodningen den %s, så leverandøren kan slette det uden kundens medvirken",
	"the claim arises from the customer's use of the service: the customer takes over the case, indemnifies the provider and may be asked for a security": "kravet skyldes kundens brug af tjenesten: kunden overtager sagen, holder leverandøren skadesløs og kan blive bedt om at stille sikkerhed",
	"the claim does not arise from the customer's use of the service, so the customer need not take it over":                                              "kravet skyldes ikke kundens brug af tjenesten, så kunden skal ikke overtage det",
	"support within the agreed support hours is part of the subscription":                                                                                 "support inden for den aftalte supporttid er en del af abonnementet",
	"support outside the agreed support hours is paid at the provider's hourly rate":                                                                      "support uden for den aftalte supporttid betales efter leverandørens timepris",
	"the customer consented, so the provider may use it as a reference":                                                                                   "kunden har givet samtykke, så leverandøren kan bruge kunden som reference",
	"the provider may use the customer as a reference only with the customer's consent":                                                                   "leverandøren kan kun bruge kunden som reference med kundens samtykke",
	"the customer is in breach of the agreement, so the provider may withhold the customer's data until the breach ends":                                  "kunden misligholder aftalen, så leverandøren kan udøve tilbageholdelsesret i kundens data, indtil misligholdelsen ophører",
	"the customer owns its data and is not in breach, so the provider may not withhold it":                                                                "kunden ejer sine data og misligholder ikke, så leverandøren kan ikke tilbageholde dem",
	// 11.3-11.5
	"the customer notified a need for more security, so the provider may adjust the remuneration to it":                        "kunden har meddelt et behov for mere sikkerhed, så leverandøren kan regulere vederlaget efter det",
	"the customer has not notified a need for more security; the security bought stays, on the customer's own risk assessment": "kunden har ikke meddelt et behov for mere sikkerhed; den købte sikkerhed gælder, på kundens egen risikovurdering",
	"the customer indemnifies the provider for the loss from the customer's processing of personal data":                       "kunden holder leverandøren skadesløs for tabet ved kundens behandling af personoplysninger",
	"the provider caused the damage intentionally or by gross negligence, so the customer need not indemnify it":               "leverandøren har forvoldt skaden forsætligt eller groft uagtsomt, så kunden skal ikke holde leverandøren skadesløs",
	"the provider's fault is not stated, so the indemnity cannot be decided":                                                   "leverandørens skyld er ikke oplyst, så skadesløsholdelsen kan ikke afgøres",
	"the offer document makes the assistance free of charge":                                                                   "tilbudsdokumentet gør bistanden gratis",
	"assistance of %s hours with the customer's duties as controller costs %s at the hourly rate":                              "bistand på %s timer med kundens pligter som dataansvarlig koster %s efter timepris",
	// 15.2, 16.1, 19.3, 19.4
	"%s of %s claimed is payable: losses from outages, crashes and defects are excluded unless the offer document says otherwise, and so are indirect losses":          "%s af de krævede %s skal betales: tab ved nedbrud, udfald og fejl er udelukket, medmindre tilbudsdokumentet siger andet, og det samme gælder indirekte tab",
	"the notice binds the other party: it went by letter or e-mail to the address in the offer document":                                                               "meddelelsen binder den anden part: den blev sendt med brev eller e-mail til adressen i tilbudsdokumentet",
	"a notice binds only when sent to the address in the offer document":                                                                                               "en meddelelse binder kun, når den sendes til adressen i tilbudsdokumentet",
	"a phone call, a post on the website or a switch in the service is no notice under the terms: it must go by letter or e-mail to the address in the offer document": "et telefonopkald, et opslag på hjemmesiden eller et skift i tjenesten er ikke en meddelelse efter vilkårene: den skal sendes med brev eller e-mail til adressen i tilbudsdokumentet",
	"the notice channel is not stated, so the notice cannot be judged":                                                                                                 "meddelelsesformen er ikke oplyst, så meddelelsen kan ikke vurderes",
	"a price change of a subscription must be announced by e-mail or on the website":                                                                                   "en prisændring på et abonnement skal varsles pr. e-mail eller på hjemmesiden",
	"the price change announced on %s applies from the renewal on %s; the cycle already paid keeps its price":                                                          "prisændringen varslet den %s gælder fra fornyelsen den %s; den allerede betalte periode beholder sin pris",
	"the invoice is paid, so nothing is owed on it":                                                                                                                    "fakturaen er betalt, så der skyldes intet på den",
	"the invoice was not issued by the termination on %s":                                                                                                              "fakturaen var ikke udstedt ved ophøret den %s",
	"the invoice issued on %s stays payable after the termination on %s":                                                                                               "fakturaen udstedt den %s skal stadig betales efter ophøret den %s",
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
