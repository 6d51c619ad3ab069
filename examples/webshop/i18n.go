package main

import (
	"regexp"
	"strings"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"github.com/pimkit/pimkit/sla"
)

// texts are the shop's own words in Danish and English; pimkit's
// decisions bring their reasons in both languages themselves.
var texts = map[string]map[string]string{
	"da": {
		"shop": "Nordlys Webshop", "products": "Produkter", "your_data": "Dine data", "admin": "Administration",
		"lang_name": "English", "price": "Pris", "incl_vat": "inkl. moms", "from": "fra", "buy": "Køb",
		"banner_title": "Cookies", "accept": "Acceptér alle", "reject": "Afvis alle", "choose": "Gem valg",
		"choose_title": "Vælg efter formål", "analytics": "Statistik", "marketing": "Målrettede annoncer",
		"necessary": "Nødvendige (altid til)", "gpc_on": "Din browser sender Global Privacy Control: vi betragter det som en indsigelse mod målrettede annoncer.",
		"variant": "Variant", "quantity": "Antal", "name": "Navn", "email": "E-mail", "address": "Adresse",
		"company": "Firma (kun erhverv)", "cvr": "CVR-nummer (kun erhverv)", "checkout": "Til kassen",
		"gtin": "EAN", "brand": "Mærke", "order": "Ordre", "line_sku": "Varenr.", "unit": "Enhedspris",
		"net": "Netto", "vat": "Moms", "gross": "I alt", "rate": "Sats", "total": "Total",
		"due": "Forfaldsdato", "invoice": "Faktura", "show_invoice": "Vis faktura",
		"withdrawal": "Fortrydelsesret", "withdraw": "Fortryd købet", "withdraw_until": "Du kan fortryde købet til og med",
		"withdrawn": "Du har fortrudt købet den", "no_withdrawal": "Ingen fortrydelsesret",
		"duties": "Hvad der nu skal ske", "party": "Part", "what": "Hvad", "from_col": "Fra", "until": "Til", "rule": "Regel",
		"seller": "Sælger", "buyer": "Køber", "issued": "Udstedt", "vat_summary": "Moms pr. sats",
		"consent_history": "Samtykkehistorik", "consent_now": "Dit samtykke nu", "receipt": "Hent samtykkekvittering (JSON)",
		"export": "Hent dine data (JSON, dataportabilitet)", "erase": "Anmod om sletning", "erase_title": "Sletning",
		"requests": "Dine anmodninger", "received": "Modtaget", "deadline": "Frist", "kept": "Hvad vi gemmer, og hvorfor",
		"record": "Oplysninger", "action": "Handling", "purpose": "Formål", "method": "Metode", "source": "Kilde",
		"notice": "Tekst (SHA-256)", "at": "Tidspunkt", "orders_count": "Ordrer", "no_events": "Intet registreret endnu.",
		"sla_title": "SLA-rapport", "downtime": "Nedetid", "agreed": "Aftalt tid", "budget": "Tilbage af fejlbudgettet",
		"calendar": "Forpligtelseskalender", "next": "Næste ændring", "consents": "Samtykkehændelser i alt",
		"error": "Fejl", "err_not_found": "Siden findes ikke.", "err_form": "Formularen kunne ikke læses.",
		"err_csrf":     "Formularen er udløbet eller kom ikke fra denne side. Gå tilbage, genindlæs siden og prøv igen.",
		"err_internal": "Der skete en fejl hos os. Intet er gemt.", "err_checkout": "Ordren blev ikke gemt. Tjek disse felter:",
		"err_withdrawal": "Købet kan ikke fortrydes:", "err_no_consent": "Der er ikke registreret noget samtykke.",
		"field_sku": "vare", "field_quantity": "antal (1-10)", "field_name": "navn", "field_email": "e-mail",
		"field_address": "adresse", "field_company": "firma", "field_cvr": "CVR-nummer", "field_company_cvr": "firma og CVR-nummer hører sammen",
		"back": "Tilbage til forsiden", "safety": "Produktsikkerhed", "access_copy": "Hent en kopi af alle dine data (JSON, indsigt)", "peppol": "Hent fakturaen som Peppol BIS 3.0 (UBL) til jeres økonomisystem",
		"err_no_peppol": "En Peppol-faktura findes kun for erhvervskunder med CVR-nummer.",
		"privacy":       "Privatlivspolitik", "privacy_effective": "Gælder fra", "pp_who": "Hvem vi er",
		"pp_contact": "Skriv til os om dine data på", "pp_what": "Hvad vi behandler og hvorfor",
		"pp_activity": "Behandling", "pp_basis": "Retsgrundlag", "pp_recipients": "Modtagere", "pp_retention": "Opbevaring",
		"pp_requirement": "Navn, adresse og e-mail er nødvendige for at indgå og levere en ordre; uden dem kan du ikke købe. Cookies til statistik og annoncer er frivillige.",
		"pp_rights":      "Dine rettigheder", "pp_withdraw": "Du kan til enhver tid trække dit samtykke tilbage, lige så let som du gav det, under",
		"pp_complaint":   "Du kan klage til Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby, www.datatilsynet.dk.",
		"pp_object":      "Din ret til at gøre indsigelse",
		"pp_object_text": "Du kan altid gøre indsigelse mod behandling til direkte markedsføring, også ved at sende Global Privacy Control fra din browser; så stopper vi (GDPR art. 21).", "change_choice": "Skift dit valg af cookies (lige så let som at give samtykke)",
		"prior_price": "Nedsat. Laveste pris de 30 dage før nedsættelsen", "party_customer": "du", "party_provider": "vi", "party_shopper": "kunden", "ref": "Henvisning",
		"credit_note": "Kreditnota", "credit_note_for": "Krediterer faktura",
		"credit_note_why": "Du har fortrudt købet: kreditnotaen annullerer fakturaen, og vi betaler hele beløbet tilbage (forbrugeraftaleloven, direktiv 2011/83/EU art. 13).",
	},
	"en": {
		"shop": "Nordlys Webshop", "products": "Products", "your_data": "Your data", "admin": "Admin",
		"lang_name": "Dansk", "price": "Price", "incl_vat": "incl. VAT", "from": "from", "buy": "Buy",
		"banner_title": "Cookies", "accept": "Accept all", "reject": "Reject all", "choose": "Save choice",
		"choose_title": "Choose by purpose", "analytics": "Statistics", "marketing": "Targeted ads",
		"necessary": "Necessary (always on)", "gpc_on": "Your browser sends Global Privacy Control: we take it as an objection to targeted ads.",
		"variant": "Variant", "quantity": "Quantity", "name": "Name", "email": "E-mail", "address": "Address",
		"company": "Company (business only)", "cvr": "CVR number (business only)", "checkout": "Checkout",
		"gtin": "EAN", "brand": "Brand", "order": "Order", "line_sku": "SKU", "unit": "Unit price",
		"net": "Net", "vat": "VAT", "gross": "Total", "rate": "Rate", "total": "Total",
		"due": "Due date", "invoice": "Invoice", "show_invoice": "Show invoice",
		"withdrawal": "Right of withdrawal", "withdraw": "Withdraw from the purchase", "withdraw_until": "You may withdraw until the end of",
		"withdrawn": "You withdrew from the purchase on", "no_withdrawal": "No right of withdrawal",
		"duties": "What happens now", "party": "Party", "what": "What", "from_col": "From", "until": "Until", "rule": "Rule",
		"seller": "Seller", "buyer": "Buyer", "issued": "Issued", "vat_summary": "VAT by rate",
		"consent_history": "Consent history", "consent_now": "Your consent now", "receipt": "Download the consent receipt (JSON)",
		"export": "Download your data (JSON, portability)", "erase": "Request erasure", "erase_title": "Erasure",
		"requests": "Your requests", "received": "Received", "deadline": "Deadline", "kept": "What we keep, and why",
		"record": "Record", "action": "Action", "purpose": "Purpose", "method": "Method", "source": "Source",
		"notice": "Notice (SHA-256)", "at": "Time", "orders_count": "Orders", "no_events": "Nothing recorded yet.",
		"sla_title": "SLA report", "downtime": "Downtime", "agreed": "Agreed time", "budget": "Error budget left",
		"calendar": "Obligations calendar", "next": "Next change", "consents": "Consent events in all",
		"error": "Error", "err_not_found": "This page does not exist.", "err_form": "The form could not be read.",
		"err_csrf":     "The form has expired or did not come from this site. Go back, reload the page and try again.",
		"err_internal": "Something went wrong on our side. Nothing was stored.", "err_checkout": "The order was not stored. Please check:",
		"err_withdrawal": "The purchase cannot be withdrawn from:", "err_no_consent": "No consent is recorded.",
		"field_sku": "product", "field_quantity": "quantity (1-10)", "field_name": "name", "field_email": "e-mail",
		"field_address": "address", "field_company": "company", "field_cvr": "CVR number", "field_company_cvr": "company and CVR number go together",
		"back": "Back to the shop", "safety": "Product safety", "access_copy": "Download a copy of all your data (JSON, access)", "peppol": "Download the invoice as Peppol BIS 3.0 (UBL) for your accounts system",
		"err_no_peppol": "A Peppol invoice exists only for business customers with a CVR number.",
		"privacy":       "Privacy policy", "privacy_effective": "In force from", "pp_who": "Who we are",
		"pp_contact": "Write to us about your data at", "pp_what": "What we process and why",
		"pp_activity": "Processing", "pp_basis": "Legal basis", "pp_recipients": "Recipients", "pp_retention": "Kept",
		"pp_requirement": "Your name, address and e-mail address are needed to conclude and deliver an order; without them you cannot buy. Cookies for statistics and ads are optional.",
		"pp_rights":      "Your rights", "pp_withdraw": "You may withdraw your consent at any time, as easily as you gave it, under",
		"pp_complaint":   "You may complain to the Danish Data Protection Agency (Datatilsynet), Carl Jacobsens Vej 35, 2500 Valby, www.datatilsynet.dk.",
		"pp_object":      "Your right to object",
		"pp_object_text": "You may always object to processing for direct marketing, also by sending Global Privacy Control from your browser; we then stop (GDPR Art. 21).", "change_choice": "Change your cookie choice (as easy as giving consent)",
		"prior_price": "Reduced. Lowest price in the 30 days before the reduction", "party_customer": "you", "party_provider": "we", "party_shopper": "the shopper", "ref": "Ref",
		"credit_note": "Credit note", "credit_note_for": "Credits invoice",
		"credit_note_why": "You withdrew from the purchase: the credit note cancels the invoice, and we refund the whole amount (Directive 2011/83/EU Art. 13).",
	},
}

// codes are Danish names for the codes pimkit's values print in
// English (consent status and action, collection method, request kind,
// retention action); English pages show the codes as they are.
var codes = map[string]string{
	"none": "intet valg", "granted": "givet", "given": "givet", "withdrawn": "trukket tilbage",
	"expired": "udløbet", "objected": "indsigelse", "banner": "cookiebanner", "signal": "signal",
	"form": "formular", "erasure": "sletning", "access": "indsigt", "portability": "dataportabilitet",
	"keep": "gemmes", "erase": "slettes",
}

// code returns a pimkit code in lang.
func code(lang, c string) string {
	if lang == "da" {
		if s, ok := codes[c]; ok {
			return s
		}
	}
	return c
}

// tr returns the text for key in lang; a missing key shows as itself so
// a test finds it.
func tr(lang, key string) string {
	if s, ok := texts[lang][key]; ok {
		return s
	}
	return key
}

// whatDa names in Danish the What codes of pimkit's obligations (a
// stable code per kind of right or duty, which English pages show as it
// is): those of the agreement and its termination (contract), of billing
// (billing) and the SLA (sla), of data protection (privacy) and of a distance
// sale (catalog). Keyed by pimkit's constants, so a renamed code does not
// compile.
var whatDa = map[string]string{
	contract.WhatKeepConfidential:         "hold oplysninger fortrolige",
	contract.WhatGiveNotice:               "opsig aftalen",
	contract.WhatExitAssistance:           "hjælp ved fraflytning",
	contract.WhatExportData:               "hent data ud",
	contract.WhatDeleteData:               "slet data",
	contract.WhatRemedyBreach:             "afhjælp misligholdelsen",
	contract.WhatTerminateForBreach:       "ophæv aftalen for misligholdelse",
	contract.WhatNewPrice:                 "opkræv ny pris",
	contract.WhatTerminateForPrice:        "opsig aftalen for prisændring",
	contract.WhatSuspendedByForceMajeure:  "forpligtelser suspenderet (force majeure)",
	contract.WhatTerminateForForceMajeure: "ophæv aftalen for force majeure",
	contract.WhatRemedyDefect:             "afhjælp manglen",
	contract.WhatClaimForDefect:           "kræv afslag eller erstatning for mangel",
	billing.WhatPayInvoice:                "betal fakturaen",
	billing.WhatChargeInterest:            "kræv morarenter",
	billing.WhatSendDemand:                "send rykker",
	billing.WhatSuspendAccess:             "luk adgangen",
	billing.WhatTerminateForNonPayment:    "ophæv aftalen for manglende betaling",
	billing.WhatClaimCompensation:         "kræv kompensation for inddrivelse",
	sla.WhatServiceWindow:                 "servicevindue",
	sla.WhatPayCredit:                     "betal servicekredit",
	privacy.WhatAnswerRequest:             "besvar anmodningen",
	privacy.WhatNotifyController:          "underret den dataansvarlige om bruddet",
	privacy.WhatNotifyAuthority:           "anmeld bruddet til Datatilsynet",
	privacy.WhatNotifySubjects:            "underret de registrerede om bruddet",
	privacy.WhatErase:                     "slet oplysningerne",
	privacy.WhatAnonymise:                 "anonymisér oplysningerne",
	catalog.WhatWithdraw:                  "fortryd købet",
	catalog.WhatWithdrawalFunction:        "tilbyd fortrydelsesfunktionen",
	catalog.WhatRefund:                    "tilbagebetal alle betalinger",
	catalog.WhatReturnGoods:               "send varerne tilbage",
}

// what returns an obligation's What code in lang: Danish pages name it
// in Danish (an unknown code shows as it is); English pages show the code.
func what(lang, c string) string {
	if lang == "da" {
		if s, ok := whatDa[c]; ok {
			return s
		}
	}
	return c
}

var (
	subsection = regexp.MustCompile(`\b(art\. \d+[a-z]?)\((\d+)\)`)
	letter     = regexp.MustCompile(`\(([a-z])\)`)
)

// rule returns an obligation's rule ("terms 17.2", "Directive
// 2011/83/EU Art. 9", "GDPR Art. 12(3)") in lang: in Danish the terms'
// clauses are "pkt.", an article "art." and its paragraph "stk." (GDPR
// art. 12, stk. 3), as Danish law cites them.
func rule(lang, r string) string {
	if lang != "da" {
		return r
	}
	if rest, ok := strings.CutPrefix(r, "terms "); ok {
		return "vilkår pkt. " + rest
	}
	r = strings.Replace(r, "Directive ", "direktiv ", 1)
	r = strings.ReplaceAll(r, "Art. ", "art. ")
	r = subsection.ReplaceAllString(r, "$1, stk. $2")
	return letter.ReplaceAllString(r, ", litra $1")
}
