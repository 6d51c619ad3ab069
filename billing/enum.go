package billing

import "github.com/pimkit/pimkit/internal/enum"

// The text forms of billing's enums, snake_case as in every pimkit
// package. Each enum's String, MarshalText and UnmarshalText read them;
// unknown text and values without a name are errors wrapping [ErrSyntax].
var (
	customerKindNames = enum.Names{Business: "business", Consumer: "consumer"}
	dayCountNames     = enum.Names{Thirty360: "thirty_360", ActualOver30: "actual_over_30", PerStartedMonth: "per_started_month"}
	basisNames        = enum.Names{Agreed: "agreed", Statutory: "statutory"}
	vatTreatmentNames = enum.Names{DomesticVAT: "domestic", ReverseCharge: "reverse_charge", Export: "export"}
	planKindNames     = enum.Names{Free: "free", Functionality: "functionality", CreditBased: "credits"}
	cycleNames        = enum.Names{Monthly: "monthly", Annual: "annual"}
	eventKindNames    = enum.Names{Created: "created", Charged: "charged", Renewed: "renewed", Upgraded: "upgraded",
		ChangeScheduled: "change_scheduled", PlanChanged: "plan_changed", UpgradeSuggested: "upgrade_suggested",
		TrialStarted: "trial_started", TrialEnding: "trial_ending", TrialConverted: "trial_converted"}
	entryKindNames = enum.Names{Purchase: "purchase", Grant: "grant", Transfer: "transfer", Expiry: "expiry"}
)

// String returns "business" or "consumer".
func (k CustomerKind) String() string { return enum.String(customerKindNames, k, "CustomerKind") }

// MarshalText implements encoding.TextMarshaler; the zero kind is an error.
func (k CustomerKind) MarshalText() ([]byte, error) {
	return enum.Marshal(customerKindNames, k, "customer kind", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (k *CustomerKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(customerKindNames, b, k, "customer kind", ErrSyntax)
}

// String returns "thirty_360", "actual_over_30" or "per_started_month".
func (c DayCount) String() string { return enum.String(dayCountNames, c, "DayCount") }

// MarshalText implements encoding.TextMarshaler.
func (c DayCount) MarshalText() ([]byte, error) {
	return enum.Marshal(dayCountNames, c, "day count", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (c *DayCount) UnmarshalText(b []byte) error {
	return enum.Unmarshal(dayCountNames, b, c, "day count", ErrSyntax)
}

// String returns "agreed" or "statutory".
func (b Basis) String() string { return enum.String(basisNames, b, "Basis") }

// MarshalText implements encoding.TextMarshaler.
func (b Basis) MarshalText() ([]byte, error) { return enum.Marshal(basisNames, b, "basis", ErrSyntax) }

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (b *Basis) UnmarshalText(t []byte) error {
	return enum.Unmarshal(basisNames, t, b, "basis", ErrSyntax)
}

// String returns "domestic", "reverse_charge" or "export".
func (v VATTreatment) String() string { return enum.String(vatTreatmentNames, v, "VATTreatment") }

// MarshalText implements encoding.TextMarshaler; the zero value is an error.
func (v VATTreatment) MarshalText() ([]byte, error) {
	return enum.Marshal(vatTreatmentNames, v, "vat treatment", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (v *VATTreatment) UnmarshalText(b []byte) error {
	return enum.Unmarshal(vatTreatmentNames, b, v, "vat treatment", ErrSyntax)
}

// String returns "free", "functionality" or "credits".
func (k PlanKind) String() string { return enum.String(planKindNames, k, "PlanKind") }

// MarshalText implements encoding.TextMarshaler.
func (k PlanKind) MarshalText() ([]byte, error) {
	return enum.Marshal(planKindNames, k, "plan kind", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (k *PlanKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(planKindNames, b, k, "plan kind", ErrSyntax)
}

// String returns "monthly" or "annual".
func (c Cycle) String() string { return enum.String(cycleNames, c, "Cycle") }

// MarshalText implements encoding.TextMarshaler.
func (c Cycle) MarshalText() ([]byte, error) { return enum.Marshal(cycleNames, c, "cycle", ErrSyntax) }

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (c *Cycle) UnmarshalText(b []byte) error {
	return enum.Unmarshal(cycleNames, b, c, "cycle", ErrSyntax)
}

// String returns the kind's text form, such as "charged" or
// "change_scheduled".
func (k EventKind) String() string { return enum.String(eventKindNames, k, "EventKind") }

// MarshalText implements encoding.TextMarshaler.
func (k EventKind) MarshalText() ([]byte, error) {
	return enum.Marshal(eventKindNames, k, "event kind", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (k *EventKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(eventKindNames, b, k, "event kind", ErrSyntax)
}

// String returns "purchase", "grant", "transfer" or "expiry".
func (k EntryKind) String() string { return enum.String(entryKindNames, k, "EntryKind") }

// MarshalText implements encoding.TextMarshaler.
func (k EntryKind) MarshalText() ([]byte, error) {
	return enum.Marshal(entryKindNames, k, "entry kind", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (k *EntryKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(entryKindNames, b, k, "entry kind", ErrSyntax)
}
