package privacy

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/internal/enum"

	"github.com/pimkit/pimkit/contract"
)

// RequestKind is the right a data subject exercises (GDPR Art. 15-21).
type RequestKind uint8

// The kinds of data-subject requests.
const (
	// Access is the right of access, Art. 15.
	Access RequestKind = iota + 1
	// Rectification is Art. 16.
	Rectification
	// Erasure is the right to erasure, Art. 17.
	Erasure
	// Restriction is the right to restriction of processing, Art. 18.
	Restriction
	// Portability is the right to data portability, Art. 20.
	Portability
	// Objection is the right to object, Art. 21.
	Objection
)

var requestKindNames = enum.Names{"", "access", "rectification", "erasure", "restriction",
	"portability", "objection"}
var requestKindArticles = []string{"", "Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 20", "Art. 21"}

// String returns "access", "erasure" ...
func (k RequestKind) String() string {
	return enum.String(requestKindNames, k, "RequestKind")
}

// MarshalText implements encoding.TextMarshaler.
func (k RequestKind) MarshalText() ([]byte, error) {
	return enum.Marshal(requestKindNames, k, "request kind", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (k *RequestKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(requestKindNames, b, k, "request kind", ErrUnknownValue)
}

// Citation returns the article of the right: "GDPR Art. 20" for
// Portability; zero for an invalid kind.
func (k RequestKind) Citation() contract.Citation {
	if k < Access || k > Objection {
		return contract.Citation{}
	}
	return contract.Cite(contract.SourceGDPR, requestKindArticles[k])
}

// RequestState is where a data-subject request stands.
type RequestState uint8

// The states of a request. Completed and Refused are final.
const (
	// Received: the request has arrived; the clock runs from this day.
	Received RequestState = iota + 1
	// IdentityPending: the controller has asked for information to
	// confirm the requester's identity (Art. 12(6)).
	IdentityPending
	// InProgress: the controller is handling the request.
	InProgress
	// Extended: the deadline is extended by two further months (Art. 12(3)).
	Extended
	// Completed: the controller has acted on the request.
	Completed
	// Refused: the controller has refused to act, with reasons and notice
	// of the right to complain (Art. 12(4)).
	Refused
)

var requestStateNames = enum.Names{"", "received", "identity_pending", "in_progress",
	"extended", "completed", "refused"}

// String returns "received", "identity_pending" ...
func (s RequestState) String() string {
	return enum.String(requestStateNames, s, "RequestState")
}

// MarshalText implements encoding.TextMarshaler.
func (s RequestState) MarshalText() ([]byte, error) {
	return enum.Marshal(requestStateNames, s, "request state", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (s *RequestState) UnmarshalText(b []byte) error {
	return enum.Unmarshal(requestStateNames, b, s, "request state", ErrUnknownValue)
}

// Final reports whether s is Completed or Refused.
func (s RequestState) Final() bool { return s == Completed || s == Refused }

// RequestAction is what happened to a request in a [RequestEvent].
type RequestAction uint8

// The actions on a request.
const (
	// ActReceive records receipt.
	ActReceive RequestAction = iota + 1
	// ActAskIdentity records that the controller asked for information
	// to confirm identity.
	ActAskIdentity
	// ActStart records that handling began (identity confirmed or not in
	// doubt).
	ActStart
	// ActExtend records that the subject was told of an extension, with
	// reasons.
	ActExtend
	// ActComplete records that the controller acted on the request.
	ActComplete
	// ActRefuse records a refusal, with reasons.
	ActRefuse
)

var requestActionNames = enum.Names{"", "receive", "ask_identity", "start", "extend",
	"complete", "refuse"}

// String returns "receive", "extend" ...
func (a RequestAction) String() string {
	return enum.String(requestActionNames, a, "RequestAction")
}

// MarshalText implements encoding.TextMarshaler.
func (a RequestAction) MarshalText() ([]byte, error) {
	return enum.Marshal(requestActionNames, a, "request action", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (a *RequestAction) UnmarshalText(b []byte) error {
	return enum.Unmarshal(requestActionNames, b, a, "request action", ErrUnknownValue)
}

// RequestEvent records one step of a request, for the host to store. A
// request is the fold of its events: [ReplayRequest].
type RequestEvent struct {
	// Action is what happened.
	Action RequestAction `json:"action" validate:"required"`
	// Kind is the request's kind (set on every event, so an event log is
	// self-describing).
	Kind RequestKind `json:"kind" validate:"required"`
	// On is the day it happened.
	On contract.Date `json:"on" validate:"required"`
	// From and To are the states before and after; From is zero for
	// ActReceive.
	From RequestState `json:"from,omitempty"`
	To   RequestState `json:"to"`
	// Due is the last day to act after the event.
	Due contract.Date `json:"due"`
	// Reasons are the controller's reasons for an extension or refusal.
	// They are shown to the subject; keep other people's data out. They
	// never appear in String output.
	Reasons string `json:"reasons,omitempty"`
}

// String returns "2026-02-10 extend: in_progress -> extended, due
// 2026-04-30", or "2026-01-31 receive: received, due 2026-03-02" for the
// first event. It never shows Reasons.
func (e RequestEvent) String() string {
	if e.From == 0 {
		return fmt.Sprintf("%s %s: %s, due %s", e.On, e.Action, e.To, e.Due)
	}
	return fmt.Sprintf("%s %s: %s -> %s, due %s", e.On, e.Action, e.From, e.To, e.Due)
}

// Request is a data-subject request as a value: its kind, the day of
// receipt, its state and its deadline. Change it with the methods, which
// return the new value and the event to store; the zero Request is
// invalid (State 0).
//
// The deadline is one month from receipt counted by the controller's
// [contract.Counter] (GDPR Art. 12(3); Reg. 1182/71): the day of receipt
// is not counted and a last day on a weekend or holiday rolls to the next
// working day, so a request received on Saturday 2026-01-31 is due on
// Monday 2026-03-02. Asking for identity does not stop the clock
// (pimkit's conservative reading; a host that stops it records a new
// request when the information arrives).
type Request struct {
	// Kind is the right exercised.
	Kind RequestKind `json:"kind"`
	// Received is the day of receipt.
	Received contract.Date `json:"received"`
	// State is where the request stands.
	State RequestState `json:"state"`
	// Due is the current deadline: one month from receipt, or three when
	// extended.
	Due contract.Deadline `json:"due"`
	// ExtensionTold is the day the subject was told of an extension; zero
	// when not extended.
	ExtensionTold contract.Date `json:"extension_told,omitzero"`
	// Closed is the day the request was completed or refused; zero while
	// open.
	Closed contract.Date `json:"closed,omitzero"`
}

// RequestDeadline returns the last day to answer a request received on
// received: one month, not counting the day of receipt, rolled to a
// working day of c (GDPR Art. 12(3)). Fri 2025-01-31 -> Fri 2025-02-28;
// Sat 2026-01-31 -> Mon 2026-03-02 (28 February is a Saturday). Fides'
// 45 days would give 2026-03-17. It does not allocate.
func RequestDeadline(c contract.Counter, received contract.Date) (contract.Deadline, error) {
	return c.DeadlineToAct(received, contract.Months(1))
}

// ExtendedDeadline returns the last day to answer an extended request:
// three months from receipt, counted from receipt and not by chaining two
// months onto the first deadline, so 2026-01-31 -> 2026-04-30 (chaining
// 2026-02-28 + 2 months would wrongly give 2026-04-28). It does not
// allocate.
func ExtendedDeadline(c contract.Counter, received contract.Date) (contract.Deadline, error) {
	return c.DeadlineToAct(received, contract.Months(3))
}

// ReceiveRequest opens a request of kind received on the given day and
// returns it with its ActReceive event. An invalid kind or zero date is an
// error wrapping ErrInvalid.
func ReceiveRequest(c contract.Counter, kind RequestKind, received contract.Date) (Request, RequestEvent, error) {
	var ps contract.Problems
	if kind < Access || kind > Objection {
		ps.Add("kind", "oneof", strings.Join(requestKindNames[1:], " "))
	}
	if received.IsZero() {
		ps.Add("received", "required", "")
	}
	if err := ps.Err("receive request", ErrInvalid); err != nil {
		return Request{}, RequestEvent{}, err
	}
	due, err := RequestDeadline(c, received)
	if err != nil {
		return Request{}, RequestEvent{}, err
	}
	r := Request{Kind: kind, Received: received, State: Received, Due: due}
	return r, RequestEvent{Action: ActReceive, Kind: kind, On: received, To: Received, Due: due.Date}, nil
}

// Equal reports whether r and o are the same request: the same kind,
// dates, state and deadline (counted by the same convention).
func (r Request) Equal(o Request) bool { return r == o }

// String returns "access request received 2026-01-31, in_progress, due
// 2026-03-02"; it holds no personal data.
func (r Request) String() string {
	return fmt.Sprintf("%s request received %s, %s, due %s", r.Kind, r.Received, r.State, r.Due.Date)
}

// Overdue reports whether r is still open after its last day: on
// 2026-03-03 a request due 2026-03-02 is overdue; on 2026-03-02 it is not.
func (r Request) Overdue(on contract.Date) bool {
	return !r.State.Final() && r.State != 0 && on.After(r.Due.Date)
}

// DueDecision explains r's deadline: the day it is counted from, the last
// day to act and the articles it rests on.
func (r Request) DueDecision() contract.Decision {
	d := contract.Decision{Rule: "GDPR Art. 12(3)", Allowed: true, From: r.Received, Date: r.Due.Date,
		Citations: append([]contract.Citation{contract.Cite(contract.SourceGDPR, "Art. 12(3)")}, r.Due.Citations()...)}
	if r.State == Extended || !r.ExtensionTold.IsZero() {
		d.Reason = contract.NewReason(cat, msgExtended, r.Due.Date)
	} else {
		d.Reason = contract.NewReason(cat, msgDeadline, r.Due.Date)
	}
	return d
}

func (r Request) step(a RequestAction, on contract.Date, to RequestState, allowed ...RequestState) (Request, RequestEvent, error) {
	if r.State == 0 {
		return r, RequestEvent{}, fmt.Errorf("%w: request not received", ErrTransition)
	}
	ok := false
	for _, s := range allowed {
		ok = ok || r.State == s
	}
	if !ok {
		return r, RequestEvent{}, fmt.Errorf("%w: %s from %s", ErrTransition, a, r.State)
	}
	if on.Before(r.Received) {
		return r, RequestEvent{}, invalid(a.String()+" request", "on", "gtefield", "received")
	}
	e := RequestEvent{Action: a, Kind: r.Kind, On: on, From: r.State, To: to}
	r.State = to
	if to.Final() {
		r.Closed = on
	}
	e.Due = r.Due.Date
	return r, e, nil
}

// AskIdentity records that the controller asked for information to confirm
// the requester's identity (GDPR Art. 12(6)). Allowed from Received and
// InProgress.
func (r Request) AskIdentity(on contract.Date) (Request, RequestEvent, error) {
	return r.step(ActAskIdentity, on, IdentityPending, Received, InProgress)
}

// Start records that handling began. Allowed from Received and
// IdentityPending.
func (r Request) Start(on contract.Date) (Request, RequestEvent, error) {
	return r.step(ActStart, on, InProgress, Received, IdentityPending)
}

// Extend records that the subject was told on told, with reasons, that the
// deadline is extended by two further months; the new last day is three
// months from receipt ([ExtendedDeadline]). GDPR Art. 12(3) allows it only
// when the subject is told within the first month: told after r's first
// deadline is an error wrapping ErrTooLate, empty reasons one wrapping
// ErrInvalid, and a request already extended or closed one wrapping
// ErrTransition.
func (r Request) Extend(c contract.Counter, told contract.Date, reasons string) (Request, RequestEvent, error) {
	if strings.TrimSpace(reasons) == "" {
		return r, RequestEvent{}, invalid("extend request", "reasons", "required", "")
	}
	first, err := RequestDeadline(c, r.Received)
	if err != nil {
		return r, RequestEvent{}, err
	}
	if r.State != 0 && !r.State.Final() && r.State != Extended && told.After(first.Date) {
		return r, RequestEvent{}, fmt.Errorf("%w: extension told on %s after the first month ended on %s (GDPR Art. 12(3))",
			ErrTooLate, told, first.Date)
	}
	ext, err := ExtendedDeadline(c, r.Received)
	if err != nil {
		return r, RequestEvent{}, err
	}
	n, e, err := r.step(ActExtend, told, Extended, Received, IdentityPending, InProgress)
	if err != nil {
		return r, e, err
	}
	n.Due, n.ExtensionTold = ext, told
	e.Due, e.Reasons = ext.Date, reasons
	return n, e, nil
}

// Complete records that the controller acted on the request. Allowed from
// any open state; completing after the deadline is recorded all the same
// (check [Request.Overdue] first to report it).
func (r Request) Complete(on contract.Date) (Request, RequestEvent, error) {
	return r.step(ActComplete, on, Completed, Received, IdentityPending, InProgress, Extended)
}

// Refuse records a refusal with reasons (GDPR Art. 12(4): the subject is
// told the reasons and of the right to complain). Empty reasons are an
// error wrapping ErrInvalid.
func (r Request) Refuse(on contract.Date, reasons string) (Request, RequestEvent, error) {
	if strings.TrimSpace(reasons) == "" {
		return r, RequestEvent{}, invalid("refuse request", "reasons", "required", "")
	}
	n, e, err := r.step(ActRefuse, on, Refused, Received, IdentityPending, InProgress, Extended)
	e.Reasons = reasons
	return n, e, err
}

// ReplayRequest rebuilds a request from its stored events, checking each
// transition as the methods do. Events that break their validate tags (no
// action, kind or day) are reported at once in a
// [*contract.ValidationError] with paths "events[2].on". The first event must be ActReceive. An
// event whose recorded To state differs from the transition's is an error
// wrapping ErrTransition.
func ReplayRequest(c contract.Counter, events []RequestEvent) (Request, error) {
	if len(events) == 0 || events[0].Action != ActReceive {
		return Request{}, fmt.Errorf("%w: the first event must be %s", ErrTransition, ActReceive)
	}
	var ps contract.Problems
	for i, e := range events {
		ps.Check("events["+strconv.Itoa(i)+"]", e)
	}
	if err := ps.Err("replay request", ErrInvalid); err != nil {
		return Request{}, err
	}
	r, _, err := ReceiveRequest(c, events[0].Kind, events[0].On)
	if err != nil {
		return Request{}, err
	}
	for i, e := range events[1:] {
		var got RequestEvent
		switch e.Action {
		case ActAskIdentity:
			r, got, err = r.AskIdentity(e.On)
		case ActStart:
			r, got, err = r.Start(e.On)
		case ActExtend:
			r, got, err = r.Extend(c, e.On, e.Reasons)
		case ActComplete:
			r, got, err = r.Complete(e.On)
		case ActRefuse:
			r, got, err = r.Refuse(e.On, e.Reasons)
		default:
			err = fmt.Errorf("%w: event %d: action %s", ErrTransition, i+1, e.Action)
		}
		if err != nil {
			return Request{}, fmt.Errorf("%w (event %d)", err, i+1)
		}
		if got.To != e.To && e.To != 0 {
			return Request{}, fmt.Errorf("%w: event %d records %s, replay gives %s", ErrTransition, i+1, e.To, got.To)
		}
	}
	return r, nil
}
