package tcf

import "github.com/pimkit/pimkit/internal/explain"

// Message keys of the vendor decisions: the English text with fmt verbs.
// Arguments are purpose and feature IDs, a country code and, where the
// vendor is not in the list or not allowed at all, its ID; the reasons of
// the hot path name no vendor, so that a check allocates once.
const (
	msgUnknownVendor        = "vendor %d is not in the Global Vendor List"
	msgDeletedVendor        = "vendor %d was deleted from the Global Vendor List"
	msgRestrictedNotAllowed = "the publisher does not allow purpose %d for the vendor"
	msgNotDeclared          = "the vendor did not declare purpose %d"
	msgRestrictedBasis      = "the publisher requires a legal basis for purpose %d that the vendor did not declare as flexible"
	msgPurposeOne           = "purpose 1 was not disclosed: the publisher's country %s does not require consent for it, so the vendor relies on that country's law"
	msgNoPurposeConsent     = "the user did not consent to purpose %d"
	msgNoVendorConsent      = "the vendor has no consent for purpose %d"
	msgConsentGiven         = "the vendor has consent for purpose %d"
	msgLIBanned             = "purpose %d may not rest on legitimate interest"
	msgUndisclosed          = "the vendor was not disclosed to the user, so it has no legitimate interest"
	msgNoPurposeLI          = "legitimate interest for purpose %d was not established or the user objected"
	msgNoVendorLI           = "the vendor has no legitimate interest for purpose %d: not established or the user objected"
	msgLIStands             = "the vendor may rely on legitimate interest for purpose %d"
	msgSpecialNotDeclared   = "vendor %d did not declare special purpose %d"
	msgSpecialPurpose       = "vendor %d was disclosed and may process for special purpose %d"
	msgFeatureNotDeclared   = "vendor %d did not declare special feature %d"
	msgNoOptIn              = "the user did not opt in to special feature %d"
	msgOptIn                = "the user opted in to special feature %d and vendor %d declared it"
)

// cat renders the vendor decisions in English and Danish.
var cat = explain.Catalog(map[string]string{
	msgUnknownVendor:        "leverandør %d findes ikke i Global Vendor List",
	msgDeletedVendor:        "leverandør %d er slettet fra Global Vendor List",
	msgRestrictedNotAllowed: "udgiveren tillader ikke formål %d for leverandøren",
	msgNotDeclared:          "leverandøren har ikke angivet formål %d",
	msgRestrictedBasis:      "udgiveren kræver et retsgrundlag for formål %d, som leverandøren ikke har angivet som fleksibelt",
	msgPurposeOne:           "formål 1 blev ikke oplyst: udgiverens land %s kræver ikke samtykke til det, så leverandøren støtter sig på landets lov",
	msgNoPurposeConsent:     "brugeren har ikke givet samtykke til formål %d",
	msgNoVendorConsent:      "leverandøren har ikke samtykke til formål %d",
	msgConsentGiven:         "leverandøren har samtykke til formål %d",
	msgLIBanned:             "formål %d kan ikke have legitim interesse som retsgrundlag",
	msgUndisclosed:          "leverandøren blev ikke oplyst over for brugeren og har derfor ingen legitim interesse",
	msgNoPurposeLI:          "legitim interesse for formål %d er ikke etableret, eller brugeren har gjort indsigelse",
	msgNoVendorLI:           "leverandøren har ingen legitim interesse for formål %d: ikke etableret, eller brugeren har gjort indsigelse",
	msgLIStands:             "leverandøren kan støtte sig på legitim interesse for formål %d",
	msgSpecialNotDeclared:   "leverandør %d har ikke angivet særligt formål %d",
	msgSpecialPurpose:       "leverandør %d blev oplyst og må behandle til særligt formål %d",
	msgFeatureNotDeclared:   "leverandør %d har ikke angivet særlig funktion %d",
	msgNoOptIn:              "brugeren har ikke tilvalgt særlig funktion %d",
	msgOptIn:                "brugeren har tilvalgt særlig funktion %d, og leverandør %d har angivet den",
})
