// Package privacy keeps the promises of a privacy policy and of the GDPR
// inside a Go webshop or PIM backend, without an external platform. It
// models policies, consent with proof, data-subject requests and their
// deadlines, retention and erasure, breaches and processors, and the
// consent signals of the web (Global Privacy Control, Google Consent
// Mode, cookies). It does no I/O and reads no clock: the host stores the
// values and events it returns and passes every instant in.
//
// Rules come from the seed documents: the OpenDIMS privacy policy in two
// versions (seeds 000/001, 2025-02-01; 002, 2026-06-24), the Open Products
// policy (004, 2018-05-24) and the processor clauses of the OpenDIMS terms
// (003: terms 6.3, 11, 13, 18.3). Every decision returns a
// [contract.Decision] with the articles and clauses it rests on and a
// reason in English or Danish.
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
// [OpenDIMS2025], [OpenDIMS2026] and [OpenProducts2018] model the seeds;
// [PolicyHistory.InForce] picks the version in force on a date (half-open
// intervals), [Diff] says whether a new version needs fresh consent or
// notice only, and [RecordsOfProcessing] gives the Art. 30 records.
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
// be told ([Breach.SubjectsNotice]). [SubProcessorChange.Check] applies the
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
// No error message or String output contains personal data: subject
// references, e-mail addresses and free text are never echoed; proofs and
// exports carry subjects only hashed.
package privacy
