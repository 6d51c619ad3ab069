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
}
