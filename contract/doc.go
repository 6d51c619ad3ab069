// Package contract turns a SaaS agreement into executable, explainable
// rules: its terms as data, its documents and their precedence, clauses and
// citations, and the legal time every rule counts with.
//
// Packages billing, sla and privacy build on it: they read their
// parameters from a [Terms] value, count time with its [Counter] and
// [BusinessHours], cite with [Citation] and explain themselves with
// [Decision]. [OpenDIMSTerms] is the preset for the OpenDIMS ApS terms; a
// host describes its own agreement with the same types.
//
// It also holds the vocabulary every pimkit package shares: [Money] and
// [Currency], [Duration], [Percent] and [Locale], one [Problem] type inside
// one [*ValidationError], and decisions whose [Reason] survives storage.
// Every exported value of the package round-trips through encoding/json
// and compares equal with go-cmp without options: snake_case keys, enums as
// snake_case text ("direct_loss", "to_act"), dates as ISO 8601, zero dates
// left out, durations as ISO 8601 ("PT72H") and amounts as
// {"amount":"1234.50","currency":"DKK"}.
//
// A short tour:
//
//	terms := contract.OpenDIMSTerms()
//	c := terms.Counter // Reg. 1182/71 over Danish public holidays
//
//	// Customer notice on 2025-06-10 under 12-month payment periods from
//	// 2025-02-01 ends the agreement at the end of 2026-01-31 (terms 17.2).
//	d, err := terms.CustomerTermination(contract.MustDate(2025, 2, 1), contract.MustDate(2025, 6, 10))
//	fmt.Println(d.Date) // 2026-01-31
//
//	// A one-month deadline from Friday 2026-01-30 ends on Saturday
//	// 2026-02-28 and so rolls to Monday 2026-03-02.
//	dl, err := c.DeadlineToAct(contract.MustDate(2026, 1, 30), contract.Months(1))
//
// # Legal time
//
// Every rule of an agreement counts time, and the law counts it differently
// from [time.Time.AddDate]: one month after 31 January is 28 February (29 in a
// leap year), not 3 March. pimkit keeps three kinds of time apart:
//
//   - a [Date] is a civil date with no zone, for rules counted in days;
//     [ParseDate] reads and [Date.String] writes ISO 8601 (2026-01-31), and
//     [DateOf] and [Date.In] convert to and from instants in a location;
//   - a [Period] of years, months, weeks and days is added to a Date by the
//     calendar: months first, clamped to the last day of a shorter month
//     (Reg. 1182/71 Art. 3(2)(c)), so 2025-01-31 + P1M = 2025-02-28,
//     2024-01-31 + P1M = 2024-02-29 and 2028-02-29 + P5Y = 2033-02-28;
//   - hours (48 hours, 72 hours) are a [Duration] of elapsed time on
//     instants, see [Elapsed].
//
// # Money
//
// A [Money] is an exact amount in one currency, a decimal with its ISO 4217
// unit, used the way [time.Time] is: copied, compared with [Money.Equal],
// stored as JSON {"amount":"1234.50","currency":"DKK"}. [ParseMoney] reads
// text at the currency's scale ("10.005" DKK is an error, "10.5" is 10.50
// DKK). Arithmetic never rounds by itself and refuses to mix currencies:
// [Money.Add] of DKK and EUR is an error wrapping [ErrCurrencyMismatch].
// Rounding is explicit: [Money.Round] to the minor unit, half away from
// zero; [Money.RoundHalfEven]; [Money.RoundCash] to the cash increment (DKK
// in 0.50 steps). [Money.Allocate] and [Money.Split] divide an amount into
// parts that sum to it exactly: 100.00 DKK in three is 33.34, 33.33, 33.33.
// [Money.Format] writes an amount for a reader by the CLDR pattern of the
// reader's language, on the decimal itself, never through a float:
// 1234.5 DKK is "1.234,50 kr." in Danish and "DKK 1,234.50" in English.
// A lone currency is a [Currency], a language a [Locale]; both survive JSON
// as their codes ("DKK", "da-DK"). An amount whose coefficient fits an
// int64 -- any real price or total -- is kept inline, so making,
// adding, subtracting, multiplying by integers or small decimals,
// comparing and rounding it allocate nothing (a line's price x quantity
// x VAT, rounded and summed, in about a sixth of the time and none of the
// 13 allocations it took on decimals); [Money.Fixed] reads it without
// allocating, and [Money.Amount] returns the decimal a Money was made
// from without allocating.
// Larger coefficients fall back to [decimal.Decimal] with the same
// results, digit for digit.
//
// Every decimal pimkit reads -- an amount, a [Decimal] rate or factor, a
// [Percent] -- goes through one bounded parser: plain text of at most
// [MaxDecimalText] (100) characters within ±10^18, so that a megabyte of
// digits is an error that costs nothing. What the package writes it reads:
// [Money.MarshalJSON], [Decimal.MarshalText] and [Percent.MarshalText]
// refuse a value beyond those limits, and [Money.CheckLimits] and
// [Decimal.CheckLimits] tell, in one call, whether a computed value (a sum,
// a product) can still be stored. Every decoder allocates at most 16 bytes
// per input byte plus 64 KiB.
//
// # Durations
//
// A [Duration] is elapsed time -- hours, minutes, seconds -- as opposed to a
// calendar [Period]. It is a [time.Duration] with ISO 8601 text: 72 hours is
// "PT72H", 90 minutes "PT1H30M"; [ParseDuration] also reads days of 24
// hours ("P3D") and refuses months and years, which are periods. The hour
// notices of [Terms] (3.2, 6.3) are Durations, so stored terms read
// "service_window_notice":"PT72H", never nanoseconds.
//
// # Problems and validation errors
//
// Every pimkit package reports input it rejects as a [*ValidationError]:
// the operation, every [Problem] found at once (the field's JSON path, the
// rule's snake_case name, its parameter and an English [Problem.Message]),
// unwrapping to the returning package's sentinels. One [errors.As] serves a
// host whatever package failed; [errors.Is] tells the kinds apart:
//
//	var verr *contract.ValidationError
//	if errors.As(err, &verr) {
//		for _, p := range verr.Problems { fmt.Println(p.Path, p.Message) }
//	}
//
// The configuration types a host fills in ([Terms], [Party],
// [AgreementSpec], [Document], [Claim], [OpenHours], [Capacity],
// [VATTable]) carry validate tags, checked by pimkit's one
// go-playground/validator instance through [Problems.Check]; cross-field
// rules are checked by hand into the same [Problems]. Besides validator's
// own tags pimkit knows cvr (a Danish CVR number, mod 11), vatid (an EU VAT
// number), currency, langtag and the exact decimal ranges dgt, dgte, dlt and
// dlte. A Problem never carries the offending value, and parse errors say
// what was expected ("want an ISO 8601 date YYYY-MM-DD") rather than quote
// the text: it may be personal data.
//
// # Deadlines
//
// A [Counter] turns an event date and a period into a [Deadline] of one of
// three kinds ([DeadlineKind]). The day of the event is never counted
// (Art. 3(1)).
//
//   - [Counter.DeadlineToAct]: the last day to give notice, remedy, pay or
//     respond. When it falls on a Saturday, Sunday or holiday it moves to the
//     next working day (Art. 3(4)), and a period of two days or more holds at
//     least two working days (Art. 3(5)): notice given on Friday 2026-01-30
//     with one month's notice runs to Saturday 2026-02-28 and so to Monday
//     2026-03-02.
//   - [Counter.EffectiveDate]: the day something takes effect or expires; it
//     never moves (Art. 4(1)). A price change notified on 2026-06-24 with four
//     months' notice (terms 12.2) takes effect on Saturday 2026-10-24.
//   - [Counter.Threshold]: the first day a right that needs "more than" a
//     period exists. Force majeure from 2026-01-05 has lasted more than 30
//     days on 2026-02-05 (terms 14.3).
//
// A Deadline records the event date, the period, the raw and the final date
// and the convention, cites the articles it rests on ([Deadline.Citations])
// and gives the instant it ends in a zone ([Deadline.Expires]). Counting
// allocates nothing and takes a few hundred nanoseconds.
//
// # Conventions, holidays and zones
//
// One agreement has one calendar: [Terms.Counter] holds the [Convention]
// and the holiday calendar every rule of the terms counts with, and
// [Terms.Zone] the time zone its days begin and end in. No rule builds a
// counter of its own; packages sla and privacy take theirs from the terms
// (sla.PolicyFor) or from the value that configures them (the
// controller's privacy.Policy.Counter). [OpenDIMSTerms] counts by [EU1182]
// over [DanishHolidays] in [ZoneCopenhagen]; the zero Counter and the zero
// Zone mean the same, pimkit's default.
//
// A [Convention] says which days a deadline to act may not end on. [EU1182],
// Regulation (EEC, Euratom) No 1182/71, is the zero Convention;
// [DanishLimitationAct] is the convention of forældelsesloven § 27, which
// also moves past Grundlovsdag (5 June), 24 December and 31 December; and
// [SwedishStatutoryTimeAct] that of lag (1930:173) § 2, which also moves
// past midsommarafton, julafton and nyårsafton.
//
// A [Calendar] is a holiday calendar as a value that survives JSON and
// compares with cmp.Equal: a country's public [Holidays] ("dk", "se" or
// "none") plus [ClosedDay]s every year and [ClosedDate]s once.
// [DanishHolidays] computes the Danish public holidays from Easter
// ([EasterSunday]), with Store bededag only up to and including 2023;
// [SwedishHolidays] the Swedish ones of lag (1989:253), with annandag pingst
// up to 2004 and National Day (6 June) from 2005; [NoHolidays] has none;
// [Calendar.WithClosedDays] and [Calendar.WithClosedDates] add the days an
// office closes. A request received by a Swedish controller on 2025-05-06
// is due on Monday 2025-06-09: one month ends on National Day, Friday
// 2025-06-06, and the weekend follows. Over Danish holidays it is due on
// 2025-06-06.
//
// [HolidayCalendar] is the one-method interface a Counter and a
// [BusinessHours] count with; a host may implement it for another country,
// but such a calendar has no JSON form ([ErrNoJSONForm]).
//
// A [Zone] names a time zone by its IANA name and builds it in memory from
// its POSIX rule, without zoneinfo files: [Copenhagen] and [Stockholm]
// return the locations, and [Zone.Location] the one a Terms names.
//
// # Business hours
//
// [BusinessHours] is a weekly schedule of [OpenHours] on the wall clock of a
// time zone, several intervals a day if need be, closed on the holidays of a
// calendar: the agreed support hours of terms 5. [NewBusinessHours] reports
// every problem of a schedule at once; [OpenOn] repeats an interval over
// several days, and a [ClockTime] is a time of day from 00:00 to 24:00.
//
//	support, err := contract.NewBusinessHours(contract.Copenhagen(), contract.DanishHolidays(),
//		contract.OpenOn(contract.MustClockTime(8, 0), contract.MustClockTime(16, 0),
//			time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)...)
//
// [BusinessHours.IsOpen] tells whether it is open at an instant,
// [BusinessHours.Between] how much business time lies between two instants,
// [BusinessHours.Add] when a response time of so many business hours ends,
// and [BusinessHours.OpenIntervals] lists the open intervals of a span.
// Ascension Day 2024-05-09 is closed in the schedule above, so eight hours
// from Wednesday noon end on Friday noon.
//
// Hours are read on the wall clock: 08:00-16:00 is eight hours in winter and
// in summer, and on the nights clocks change an interval across 02:00-03:00
// is an hour shorter (30 March 2025 in Copenhagen) or longer (26 October).
// The zero BusinessHours is open 24/7, the agreed hours of operation of terms
// 2.1. The arithmetic jumps week to week and holiday to holiday, so a year of
// business time costs well under a microsecond and no allocation. A
// schedule is stored as its zone, calendar and week
// ({"zone":"Europe/Copenhagen","calendar":{"holidays":"dk"},"week":[...]})
// and rebuilt, and checked again, when read back.
//
// # Terms as data
//
// [Terms] holds every parameter the clauses of a SaaS agreement fix, and
// [OpenDIMSTerms] is the preset for the OpenDIMS ApS terms. [Terms.Validate]
// reports every problem at once as a [*ValidationError] whose [Problem]s
// name the JSON field, the rule and its parameter ("availability_percent:
// lte(100)"); it wraps [ErrInvalidTerms]. Each parameter has a text form, so a
// document can set it: [Params] lists the names, [Terms.Param] and
// [Terms.SetParam] read and write them ("payment_period" = "P12M",
// "breach_notice" = "PT48H").
//
// # Clauses
//
// Every numbered clause of the OpenDIMS terms -- all 57, 1.1 to 20.2 with
// the two examples 14.2.1 and 14.2.2 -- has a stable ID and a heading in a
// registry: [Clauses] lists them in clause order and [ClauseByID] finds one
// ("terms 12.3", or just "12.3"). Each [ClauseInfo] says what the clause is
// to pimkit ([ClauseKind]): a rule, with the API that decides it; a
// parameter, with the field of [Terms] or the type that carries it; or prose
// that decides nothing, with a note saying why (terms 14.2: whether an event
// is force majeure is a judgement of fact the host states). Of the 57, 41
// are rules, 4 parameters and 12 prose. A test fails when a rule is cited by
// no test in the module, and when an API name the registry gives does not
// exist.
//
// # Documents and precedence
//
// An agreement consists of [Document]s (terms 1.2): an optional
// [OfferDocument], a [DataProcessingAgreement] and the [GeneralTerms];
// [SalesMaterial] may be listed but never binds. [Resolve] returns the value
// of one parameter and the [Source] it came from under terms 1.3: special
// terms in the offer prevail over the general terms, the DPA prevails on data
// processing (breach_notice, delete_data_at_termination), and the general
// terms speak on everything else. Two documents of the winning rank that set
// the same parameter with equal Priority are an error wrapping [ErrConflict]:
// the resolver never chooses silently. [ResolveTerms] resolves every
// parameter and returns the terms in force with one [Resolution] each.
//
// [Conclude] turns an [AgreementSpec] into an [Agreement]: the kind
// ([SelfServe] on the web terms of section 19, or [OfferAgreement] on an
// offer document under sections 1-18), the customer (a Danish customer needs a
// valid CVR number), the day it was concluded by account creation or
// acceptance (1.3) and the start date (17.1). [AgreementKind.Governs] says
// which sections govern which kind.
//
// # Rules and decisions
//
// Each rule returns a [Decision]: whether it allows what was asked, the date
// it counts from and the date of the outcome, the citations and a reason in
// English and Danish ([Reason.In]). A refusal is a decision, not an error;
// errors are for input a rule cannot judge (a notice before the agreement
// starts, a claim in another currency, a negative amount), always a
// [*ValidationError] naming the fields, never a panic.
//
//   - Termination: [Terms.CustomerTermination] (17.2, one month's notice to
//     the end of a payment period, never before the end of the first);
//     [Terms.SelfServeCancellation] and [Terms.Renewal] (19.2, 19.4, 19.6:
//     only by switching to the free plan, at the end of the billing cycle, no
//     refund); [Terms.BreachTermination] (17.3, 14 days to cure after notice);
//     [Terms.ProviderTermination] (17.3, after the third unpaid demand).
//   - Payment: [Terms.Suspension] (12.3, after two demands) and
//     [Terms.PriceAdjustment] (12.2, at least 4 months' notice), with the
//     customer's right to terminate because of it in [Terms.PriceTermination].
//   - Force majeure and defects: [Terms.ForceMajeure] (14, more than 30 days
//     or impossibility) and [Terms.DefectRemedy] (15.3, at least 10 days to
//     remedy a notified defect).
//   - After termination: [Terms.Disclosure] (9.3, confidentiality for 5
//     years: terminated 2028-02-29, bound until the end of 2033-02-28),
//     [Terms.DataDeletion] (18.3) and [Terms.ExitAssistance] (18.1-18.2).
//   - Self-serve subscriptions: [Terms.SelfServePriceChange] (19.3, a price
//     change announced by e-mail or on the website applies from the first
//     renewal after it, the paid cycle keeping its price) and
//     [Terms.PayableAfterTermination] (19.4, invoices unpaid at termination
//     stay payable).
//   - Use of the service: [Terms.AdditionalService] (3.1, more than the offer
//     needs a supplementary agreement and is paid separately),
//     [Terms.ContentRemoval] (4.3), [Terms.ThirdPartyClaim] (4.4),
//     [Terms.Support] (5.1, support outside the agreed support hours is paid),
//     [Terms.ReferenceUse] (9.2, only with consent) and [Terms.RetainData]
//     (10.2, the customer owns its data; retention only while it is in
//     breach).
//   - Personal data: [Terms.SecurityNeeds] (11.3), [Terms.ProcessingIndemnity]
//     (11.4, unless the provider was grossly negligent or acted on purpose,
//     graded by [Fault]) and [Terms.ProcessorAssistance] (11.5, the
//     processor's help paid by the hour unless the offer says otherwise).
//   - Notices: [Terms.Notice] (16.1: by letter or e-mail to the address in the
//     offer document; a phone call or a website post is no notice,
//     [NoticeChannel]).
//   - [Terms.Withdrawal] (19.5), [Terms.Resale] (19.7) and
//     [Terms.Jurisdiction] (20).
//
// Dates something takes effect on (a termination, a new price, the end of
// confidentiality) never roll to a working day; deadlines to act (the cure
// period, the remedy period) do, by the terms' own [Terms.Counter], which
// an [Agreement] shares with its terms.
//
// # Obligations and the next wake-up
//
// A host needs to know when to call pimkit again. [Agreement.Obligations]
// folds the agreement's [AgreementEvent]s (notice given, a breach notified
// or remedied, a price change notified, force majeure, a defect, the end)
// into dated rights and duties of both parties ([Obligation]: who, what,
// from, until, how the end was counted, the citations): a breach notified
// on Fri 2026-01-02 gives the party in breach a duty to remedy it until the
// end of Fri 2026-01-16 and the other party a right to terminate from
// 2026-01-17 (17.3). Packages billing, sla and privacy turn their own
// events into obligations of the same type, and [NewSchedule] merges any
// number of lists at an instant: the obligations in force or to come, in
// time order, and Next, the one instant at which the answer changes -- the
// wake-up to schedule. Between two wake-ups the obligations in force stay
// the same; at each one something starts or ends (a property test checks
// both).
//
// # Tensions between documents
//
// [Tensions] reports where the documents of an agreement, or clauses of the
// terms, pull against each other, each [Tension] with both sides cited
// ([Provision]) and its [Outcome]: settled by precedence (terms 1.3: a
// parameter the offer document or the data processing agreement sets
// differently from the terms), by a law that overrides, by interpretation
// (both stand, each for its own case, with the reasoning: terms 17.2's
// ordinary notice against 17.3's "only" for a material breach, 12.2's
// index adjustment against 19.3's subscription prices, 16.1's e-mail notice
// against 19.6), or unresolved, for the host to decide. Packages sla
// (credit tiers against 15.2) and privacy (deletion at termination against
// the customer's bookkeeping duty) report the tensions they see;
// [MergeTensions] joins the lists into one report. A document set without
// tensions gives an empty report.
//
// # Impact of a new version
//
// [Agreement.Replay] gives the decisions an agreement's stored events lead
// to under its terms, as [Finding]s (for whom, about what, from which day,
// the decision and any amount). [TermsImpact] replays the events of many
// agreements under an old and a new version of the terms -- a cure period
// of 10 days instead of 14, 24 December closed in the holiday calendar --
// and [CompareFindings] lists each [Difference]: what changed (the
// outcome, the date, the rule, the amount), for whom and from which day.
// Packages with their own versioned tables produce findings the same way:
// billing.InterestImpact (a statutory rate table corrected) and
// privacy.RetentionImpact (the retention rules of two policy versions).
//
// # Liability
//
// [Terms.SettleLiability] computes what the provider pays for a list of
// [Claim]s under terms 15.1, given one month's remuneration as a [Money]: indirect losses
// are excluded, and so are losses from outages, crashes and defects
// ([OutageLoss], terms 15.2) unless the offer document makes the provider
// answer for them ([Terms.OutageLiability]) -- the SLA penalties the offer
// agrees are owed either way; the claims of one event share a cap of one month, all claims
// together a cap of three months, and SLA penalties count inside the caps.
// Amounts are rounded per line to the currency's minor unit before they are
// capped. The [Settlement] shows, line by line, what each cap cut. For an
// annual fee use [Terms.SettleLiabilityFor], which computes the caps from the
// fee exactly (a twelfth a month), or [MonthlyRemuneration].
//
// # Decisions and reasons
//
// A [Decision] carries the outcome, the dates it counts from and to, the
// [Citation]s it rests on and a [Reason]: a message key with arguments,
// rendered in English by [Reason.String] and in Danish by [Reason.In] with
// [golang.org/x/text/language.Danish]. Arguments keep their types, so each
// language formats them its own way: a [Money] is "1.000,00 kr." in Danish
// and "DKK 1,000.00" in English, a [Percent] "99,9 %" and "99.9%". Reasons
// never contain personal data.
//
// Decisions survive storage. Their JSON has snake_case keys, leaves zero
// dates and instants out and writes the reason as its key, its typed
// arguments and the English sentence:
//
//	{"rule":"terms 15.1","allowed":true,"citations":[{"source":"terms","ref":"15.1"}],
//	 "reason":{"key":"%s claimed is payable in full, within the liability caps",
//	           "args":[{"money":{"amount":"300.00","currency":"DKK"}}],
//	           "text":"DKK 300.00 claimed is payable in full, within the liability caps"}}
//
// Read back, a reason finds pimkit's catalogs by its key and renders in
// Danish again; the text is not read but rendered anew.
package contract
