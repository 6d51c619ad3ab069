package privacy

// Message keys of the decision reasons: the English text with fmt verbs.
// Every key has a Danish translation in cat (errors.go). Arguments are
// dates, periods, numbers and legal bases -- never personal data.
const (
	msgDeadline            = "reply by %s, one month after receipt"
	msgExtended            = "the deadline is extended to %s, three months after receipt"
	msgExtensionTooLate    = "an extension must be told by %s"
	msgExtensionNoReason   = "an extension needs reasons"
	msgPortabilityOK       = "portability applies to automated processing based on consent or contract"
	msgPortabilityBasis    = "portability does not apply to processing based on %s"
	msgPortabilityManual   = "portability applies only to processing by automated means"
	msgObjectMarketing     = "an objection to direct marketing must always be upheld"
	msgObjectCompelling    = "the controller has demonstrated compelling legitimate grounds"
	msgObjectUpheld        = "the objection is upheld; no compelling legitimate grounds were demonstrated"
	msgObjectNoRight       = "the right to object does not apply to processing based on %s"
	msgEraseNow            = "the data may be erased now"
	msgEraseDeferred       = "the law requires keeping the data; erase after %s"
	msgConsentValid        = "the consent is valid"
	msgConsentNone         = "no consent was given"
	msgConsentWithdrawn    = "the consent was withdrawn"
	msgConsentObjected     = "the subject objected"
	msgConsentExpired      = "the consent expired"
	msgConsentOld          = "the consent is older than %s and needs renewal"
	msgConsentPolicy       = "the consent was given under a superseded policy and needs renewal"
	msgConsentAge          = "the child is under %d; consent must come from the holder of parental responsibility"
	msgAuthorityNotice     = "notify the supervisory authority within 72 hours of awareness"
	msgAuthorityNotNeeded  = "the supervisory authority need not be notified: the breach is unlikely to result in a risk"
	msgProcessorNotice     = "the processor must notify the customer within %d minutes of awareness"
	msgProcessorNoticeH    = "the processor must notify the customer within %d hours of awareness"
	msgSubjectsNotice      = "notify the data subjects without undue delay"
	msgSubjectsNotHigh     = "data subjects need be notified only when the risk is high"
	msgSubjectsUnreadable  = "data subjects need not be notified: the data is unintelligible to others"
	msgSubProcessorOK      = "the change was notified with an objection window until %s"
	msgSubProcessorTooSoon = "the change may take effect on %s at the earliest, after the objection window"
	msgPolicyFreshConsent  = "the change needs fresh consent"
	msgPolicyNoticeOnly    = "the change needs notice only"
	msgPolicyNoChange      = "the policy is unchanged"
)

const msgRetainNeeded = "the data is kept while it is needed for the purpose"

const msgSignalOverridden = "the subject explicitly opted in after the automated objection, so the opt-in wins"

const (
	msgCookieNecessary = "the cookie is strictly necessary and needs no consent"
	msgCookieNoConsent = "the cookie needs consent to %s"
)

const (
	msgUnderMinimumAge = "the policy collects no data from children under %d"
	msgAboveMinimumAge = "the policy's minimum age does not stand in the way"
)

const (
	msgTerminationDelete = "the customer's data is deleted when the agreement terminates on %s"
	msgTerminationKeep   = "the parties agreed to keep the customer's data after termination"
)

const (
	msgConsentByUse      = "using the site is not consent: consent needs a clear affirmative act"
	msgConsentNotImplied = "the policy does not take using the site as consent"
)

const (
	msgSubjectsMitigated = "data subjects need not be notified: later measures make the high risk unlikely"
	msgSubjectsPublic    = "inform the data subjects by a public communication instead of individual notices"
	msgNoNotice          = "the supervisory authority has not been notified"
	msgLateNoReasons     = "the notification came after 72 hours without reasons for the delay"
	msgLateWithReasons   = "the notification came after 72 hours with reasons for the delay"
	msgNoticePhased      = "the first notification was given; the remaining information is due without undue further delay"
	msgNoticeInTime      = "the supervisory authority was notified within 72 hours"
)
