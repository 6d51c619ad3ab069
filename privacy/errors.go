package privacy

import (
	"errors"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/explain"
)

// Sentinel errors. Errors returned by this package wrap one of them, so a
// host matches with errors.Is. Input the package rejects comes back as a
// [*contract.ValidationError] that unwraps to [ErrInvalid] and carries
// every [contract.Problem] found at once, with JSON paths. No error
// message contains personal data: subject identifiers, e-mail addresses
// and free text given by a data subject are never echoed.
var (
	// ErrUnknownValue reports enum text that is not one of the known names,
	// such as a legal basis "contractual" instead of "contract".
	ErrUnknownValue = errors.New("privacy: unknown value")
	// ErrInvalid reports a value that fails validation; the
	// [*contract.ValidationError] listing the problems unwraps to it.
	ErrInvalid = errors.New("privacy: invalid")
	// ErrTransition reports a data-subject request event that its current
	// state does not allow, such as completing a refused request.
	ErrTransition = errors.New("privacy: transition not allowed")
	// ErrTooLate reports an act outside its period, such as telling the
	// subject of an extension after the first month (GDPR Art. 12(3)).
	ErrTooLate = errors.New("privacy: too late")
	// ErrNoPolicy reports that no policy version is in force on a date,
	// such as 2025-01-31 for OpenDIMS, whose first version is 2025-02-01.
	ErrNoPolicy = errors.New("privacy: no policy in force")
	// ErrNil reports a nil io.Writer given to a WriteJSON method, such as
	// Receipt.WriteJSON(nil).
	ErrNil = errors.New("privacy: nil writer")
)

// invalid returns the *contract.ValidationError of op for one problem,
// unwrapping to ErrInvalid.
func invalid(op, path, rule, param string) error {
	var ps contract.Problems
	ps.Add(path, rule, param)
	return ps.Err(op, ErrInvalid)
}

// cat renders this package's decision reasons in English and Danish.
var cat = explain.Catalog(map[string]string{
	msgSubjectsMitigated:   "de registrerede skal ikke underrettes, da senere foranstaltninger gør den høje risiko usandsynlig",
	msgSubjectsPublic:      "de registrerede skal informeres ved en offentlig meddelelse i stedet for individuel underretning",
	msgNoNotice:            "tilsynsmyndigheden er ikke underrettet",
	msgLateNoReasons:       "anmeldelsen kom efter 72 timer uden begrundelse for forsinkelsen",
	msgLateWithReasons:     "anmeldelsen kom efter 72 timer med begrundelse for forsinkelsen",
	msgNoticePhased:        "den første anmeldelse er givet; de øvrige oplysninger skal gives uden yderligere unødig forsinkelse",
	msgNoticeInTime:        "tilsynsmyndigheden blev underrettet inden for 72 timer",
	msgConsentByUse:        "brug af webstedet er ikke samtykke: samtykke kræver en klar bekræftende handling",
	msgConsentNotImplied:   "politikken anser ikke brug af webstedet for samtykke",
	msgDeadline:            "svar senest %s, en måned efter modtagelsen",
	msgExtended:            "fristen er forlænget til %s, tre måneder efter modtagelsen",
	msgExtensionTooLate:    "forlængelse skal meddeles inden %s",
	msgExtensionNoReason:   "forlængelse kræver en begrundelse",
	msgPortabilityOK:       "dataportabilitet gælder for automatisk behandling på grundlag af samtykke eller kontrakt",
	msgPortabilityBasis:    "dataportabilitet gælder ikke for behandling med hjemmel i %s",
	msgPortabilityManual:   "dataportabilitet gælder kun for automatisk behandling",
	msgObjectMarketing:     "indsigelse mod direkte markedsføring skal altid efterkommes",
	msgObjectCompelling:    "den dataansvarlige har påvist vægtige legitime grunde",
	msgObjectUpheld:        "indsigelsen efterkommes; der er ikke påvist vægtige legitime grunde",
	msgObjectNoRight:       "indsigelsesretten gælder ikke behandling med hjemmel i %s",
	msgEraseNow:            "oplysningerne kan slettes nu",
	msgEraseDeferred:       "lovkrav om opbevaring; oplysningerne slettes efter %s",
	msgConsentValid:        "samtykket er gyldigt",
	msgConsentNone:         "der er ikke givet samtykke",
	msgConsentWithdrawn:    "samtykket er trukket tilbage",
	msgConsentObjected:     "der er gjort indsigelse",
	msgConsentExpired:      "samtykket er udløbet",
	msgConsentOld:          "samtykket er ældre end %s og skal fornyes",
	msgConsentPolicy:       "samtykket er givet under en tidligere politik og skal fornyes",
	msgConsentAge:          "barnet er under %d år; samtykke skal gives af indehaveren af forældremyndigheden",
	msgAuthorityNotice:     "tilsynsmyndigheden skal underrettes senest 72 timer efter kendskab",
	msgAuthorityNotNeeded:  "underretning af tilsynsmyndigheden er ikke nødvendig, da bruddet sandsynligvis ikke indebærer en risiko",
	msgProcessorNotice:     "databehandleren skal underrette kunden senest %d minutter efter kendskab",
	msgProcessorNoticeH:    "databehandleren skal underrette kunden senest %d timer efter kendskab",
	msgSubjectsNotice:      "de registrerede skal underrettes uden unødig forsinkelse",
	msgSubjectsNotHigh:     "underretning af de registrerede kræves kun ved høj risiko",
	msgSubjectsUnreadable:  "underretning af de registrerede er ikke nødvendig, da oplysningerne er uforståelige for uvedkommende",
	msgSubProcessorOK:      "ændringen er varslet med indsigelsesfrist til %s",
	msgSubProcessorTooSoon: "ændringen kan tidligst få virkning %s, efter indsigelsesfristen",
	msgPolicyFreshConsent:  "ændringen kræver nyt samtykke",
	msgPolicyNoticeOnly:    "ændringen kræver kun underretning",
	msgRetainNeeded:        "oplysningerne opbevares, så længe de er nødvendige til formålet",
	msgSignalOverridden:    "den registrerede har udtrykkeligt givet samtykke efter den automatiske indsigelse, så samtykket har forrang",
	msgCookieNecessary:     "cookien er strengt nødvendig og kræver ikke samtykke",
	msgCookieNoConsent:     "cookien kræver samtykke til %s",
	msgUnderMinimumAge:     "politikken indsamler ikke oplysninger fra børn under %d år",
	msgAboveMinimumAge:     "politikkens minimumsalder er ikke til hinder",
	msgTerminationDelete:   "kundens data slettes, når aftalen ophører den %s",
	msgTerminationKeep:     "parterne har aftalt at beholde kundens data efter ophør",
	msgPolicyNoChange:      "politikken er uændret",
})
