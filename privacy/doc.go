// Package privacy keeps the promises of a privacy policy and of the GDPR
// inside a Go webshop or PIM backend, without an external platform. It
// models policies, consent with proof, data-subject requests and their
// deadlines, retention and erasure, breaches and processors, and the
// consent signals of the web (Global Privacy Control, Google Consent
// Mode, cookies). It does no I/O and reads no clock: the host stores the
// values and events it returns and passes every instant in.
//
// Rules come from the GDPR and three published policies, modelled as
// presets: the OpenDIMS privacy policy in two versions (2025-02-01 and
// 2026-06-24), the Open Products policy (2018-05-24) and the processor
// clauses of the OpenDIMS terms (terms 6.3, 11, 13, 18.3). Every decision
// returns a [contract.Decision] with the articles and clauses it rests on
// and a reason in English or Danish whose dates and numbers are typed
// arguments.
//
// # Data-subject requests
//
// [ReceiveRequest] opens a [Request] for a [RequestKind] (access,
// rectification, erasure, restriction, portability, objection); its
// methods move it through the [RequestState]s and return the
// [RequestEvent] to store, and [ReplayRequest] rebuilds it. The deadline is
// one calendar month from receipt counted by the controller's
// [contract.Counter], [Policy.Counter] (GDPR Art. 12(3), Reg. 1182/71), not
// 45 days as in Fides: received Saturday 2026-01-31, due Monday
// 2026-03-02. Open Products, a Swedish controller, counts over Swedish
// holidays: received 2025-05-06, due Monday 2025-06-09, since one month
// ends on National Day, Friday 2025-06-06. An extension
// ([Request.Extend]) runs three months from receipt -- 2026-04-30, not a
// chained 2026-04-28 -- and must be told within the first month, with
// reasons. [RequestDeadline] and [ExtendedDeadline] do not allocate.
// [PortabilityRight] and [ObjectionRight] decide Art. 20 and 21.
//
// # Consent ledger
//
// A [Ledger] is an append-only list of [ConsentEvent]s (given, withdrawn,
// expired, objected) with the policy version, the [Method], the SHA-256
// of the notice shown ([NoticeHash]) and, for signals, their source. The
// state for a subject and purpose at an instant is a fold
// ([Ledger.State], [Ledger.States]): events order by instant and then
// withdrawal after grant, so the fold never depends on append order.
// States folds a million events on the calling goroutine, one pass per
// subject; a host that wants parallelism folds [Ledger.Subject] ledgers on
// goroutines of its own. [NewLedger] rebuilds a ledger from stored events
// with one checking pass and a copy when they come in the ledger's order
// (as a ledger marshals them), and otherwise with a radix sort of 16-byte
// keys (instant and action) and one copy of the events.
// [ConsentRules.Check] and [Ledger.Valid] add renewal after a maximum age
// or a policy change that needs fresh consent, and the age gates of Art. 8
// from an [AgeTable] of national ages with effective dates
// ([DefaultConsentAges]: Denmark 13, then 15 from 2024-01-01). [OptOut]
// records an absolute objection to marketing from any channel.
// [Ledger.Receipt] exports a Kantara consent receipt with the subject
// hashed ([HashSubject]).
//
// # Taxonomy and policies
//
// [DataCategory], [DataUse] and [DataSubject] are fideslang-style dotted
// keys; a [Taxonomy] ([DefaultTaxonomy]) knows them and flags Art. 9 and
// Art. 10 data. A [Policy] lists its [Activity]s with a [LegalBasis],
// categories, [Source]s, [Recipient]s and [Retention];
// [Policy.Validate] reports every inconsistency at once. The presets
// [OpenDIMS2025], [OpenDIMS2026] and [OpenProducts2018] model published
// policies; [PolicyHistory.InForce] picks the version in force on a date (half-open
// intervals), [Diff] says whether a new version needs fresh consent or
// notice only, and [RecordsOfProcessing] gives the Art. 30 records, with
// the DPO, the representative (30(1)(a)) and the security measures the
// policy states (30(1)(g), 30(2)(d)).
//
// A version has two dates: the one it states ([Policy.Effective], which
// names the version) and the day it was first published
// ([Policy.Published]), when that is known and later. The rule: a version
// governs events from the later of the two ([Policy.GovernsFrom]), since
// a policy informs no one before it can be read (Art. 12(1), 13(1)). The
// OpenDIMS 2025 page says 2025-02-01 and was published 2025-02-07, so
// InForce(2025-02-03) finds no version and InForce(2025-02-07) the 2025
// one.
//
// # Information required by Art. 13 and 14
//
// [CheckInformation] checks a policy against GDPR Art. 13 and 14 and
// returns an [InformationReport] with a [Finding] for every [InfoItem]:
// the controller's identity and contact, the representative and the DPO,
// purposes and legal bases, legitimate interests, recipients, transfers
// and safeguards, retention, the rights, withdrawing consent, complaining
// to an authority, the right to object shown separately (Art. 21(4)),
// whether providing data is required, automated decisions and, when data
// comes from partners, the categories, source and timing of Art. 14. Each
// is [Present], [Missing] or [NotApplicable], with its article and the
// places in the policy -- heading and paragraph, a [Location] -- the
// finding rests on. The verdict combines the policy's facts (every
// consent-based activity needs a way to withdraw; every transfer a
// safeguard) with its [Statement]s, the places its text speaks of each
// item, marked Incomplete where the text falls short. The presets are
// reported as they are: neither OpenDIMS version tells the subject of the
// right to complain to an authority, nor of withdrawing cookie consent
// (only marketing consent); the 2025 version names no controller entity
// and no retention criteria:
//
//	r := privacy.CheckInformation(privacy.OpenDIMS2025())
//	r.Missing() // controller_identity retention withdrawal complaint ...
//
// A policy that takes using the site as acceptance obtains no consent
// ([Policy.ConsentValidity], reported by Validate as "consent_by_use":
// Art. 4(11), 7, recital 32, CJEU C-673/17 Planet49, EDPB Guidelines
// 05/2020 para. 86); Open Products' does. A service on by default
// ([Activity.OnByDefault], Open Products' device connectivity) needs an
// opt-out, and [OptOutEvent] records the subject switching it off in the
// ledger as an objection.
//
// # Validation and storage
//
// The configuration a host fills in -- a [Policy] and its activities,
// recipients and retention, a [Breach], a [CookieInventory], [ConsentAge]
// rows, [RequestEvent]s, retention rules and records, export items --
// carries validate tags. Input the package rejects comes back as one
// [*contract.ValidationError] listing every [contract.Problem] at once,
// each with its JSON path and rule ("activities[2].basis: required"),
// unwrapping to [ErrInvalid]; pimkit's other packages return the same
// type, so one errors.As serves them all.
//
// Every exported value survives encoding/json and compares equal with
// go-cmp after the round trip: snake_case keys, enums as snake_case text,
// dates as ISO 8601, durations as ISO 8601 ("PT9360H"). A [Ledger]
// marshals as its events and reads back through [NewLedger]; an
// [AgeTable], a [PolicyHistory] and a [Taxonomy] likewise. External
// formats keep their own spelling: fideslang keys, Kantara receipts,
// Google Consent Mode flags.
//
// # Retention, erasure and exports
//
// [PlanRetention] plans each [InventoryRecord]: erase now, anonymise now,
// or keep until a date -- a 2024 invoice until 2029-12-31 under the Danish
// Bookkeeping Act -- and defers erasure on request where the law requires
// keeping (Art. 17(3)(b), [ErasureDecision]). A [Masking] (null, SHA-256,
// HMAC with the host's key) says how to mask fields. [NewSubjectExport]
// assembles an access or portability export as JSON.
//
// # Breaches and processors
//
// A [Breach] yields the supervisory authority's 72-hour deadline in
// elapsed time ([Breach.AuthorityNotice]), the processor's notice to its
// customer (terms 6.3, [Breach.ProcessorNotice]) and whether subjects must
// be told ([Breach.SubjectsNotice]): not when the data was unintelligible
// (Art. 34(3)(a)) or later measures made the high risk unlikely
// ([Breach.Mitigated], 34(3)(b)), and by a public communication when
// individual notices would take disproportionate effort
// ([Breach.DisproportionateEffort], 34(3)(c)). [Breach.CheckNotices]
// checks the notices actually given ([BreachNotice]): the first within 72
// hours or with the reasons for the delay (Art. 33(1)), the rest in phases
// (Art. 33(4)). [SubProcessorChange.Check] applies the
// prior notice and objection window of Art. 28(2) and terms 13.1.
// [OpenDIMSAsProcessor] models OpenDIMS as its customers' processor (terms
// 11.1) for the records of Art. 30(2), and [TerminationDeletion] the
// deletion of the customer's data at termination (terms 18.3).
//
// # Signals and cookies
//
// [ParseGPC] reads a Sec-GPC header value; [GPCEvents] records it in the
// ledger as an objection by automated means (Art. 21(5)) that an explicit
// later opt-in overrides. [Ledger.ConsentMode] derives Google Consent Mode
// v2 flags through a [ConsentModeMapping] hosts can override. A
// [CookieInventory] tells first- from third-party cookies against the
// site's registrable domain, is checked against a policy's
// [FirstPartyOnly] promise, and [Ledger.Cookies] decides which cookies may
// be set now. IAB TCF strings are decoded in package
// [github.com/pimkit/pimkit/privacy/tcf]; [TCFEvents] records a decoded
// string's purpose consents as ledger events (purposes 1-11 onto data uses,
// [TCFPurposeUse]) with [MethodSignal] and a source reference, and
// [TCFConsentModeMapping] derives Consent Mode from them. [TCFChoices] and
// [SignalEvents] do the same for any other signal. A signal's consent never
// lifts an objection; only an explicit opt-in does.
//
// # Personal data
//
// No error message contains personal data: subject references, e-mail
// addresses and free text are never echoed; proofs and exports carry
// subjects only hashed. Values that carry a subject's identifier, a
// child's birth date, free text about a subject or export data --
// [ConsentEvent], [ConsentState], [Ledger], [RequestEvent], [SubjectExport],
// [ExportItem], [Receipt], [Child] -- implement [log/slog.LogValuer],
// String and GoString (and, but for SubjectExport, [fmt.Formatter]) that
// leave it out, so a JSON log line or a %+v or %#v shows "[redacted]"; a
// [Redactor] with the host's secret key shows subjects as an HMAC
// instead, so the lines about one subject can still be matched.
package privacy
