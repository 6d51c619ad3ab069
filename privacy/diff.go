package privacy

import (
	"fmt"
	"slices"

	"github.com/pimkit/pimkit/internal/enum"

	"github.com/pimkit/pimkit/contract"
)

// ChangeKind is the kind of a change between two policy versions.
type ChangeKind uint8

// The change kinds.
const (
	// ControllerChanged: the controller's name changed (or was first
	// named).
	ControllerChanged ChangeKind = iota + 1
	// ContactChanged: the contact address changed.
	ContactChanged
	// PurposeAdded: a new activity.
	PurposeAdded
	// PurposeRemoved: an activity was dropped.
	PurposeRemoved
	// BasisChanged: an activity's legal basis changed.
	BasisChanged
	// CategoriesAdded: an activity processes new data categories.
	CategoriesAdded
	// RecipientAdded: an activity discloses to a new recipient.
	RecipientAdded
	// TransferAdded: a new transfer to a third country.
	TransferAdded
	// RetentionChanged: an activity's retention changed.
	RetentionChanged
	// RightsChanged: the rights stated changed.
	RightsChanged
)

var changeKindNames = enum.Names{"", "controller_changed", "contact_changed", "purpose_added",
	"purpose_removed", "basis_changed", "categories_added", "recipient_added", "transfer_added",
	"retention_changed", "rights_changed"}

// String returns "purpose_added", "recipient_added" ...
func (k ChangeKind) String() string { return enum.String(changeKindNames, k, "ChangeKind") }

// MarshalText implements encoding.TextMarshaler.
func (k ChangeKind) MarshalText() ([]byte, error) {
	return enum.Marshal(changeKindNames, k, "change kind", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (k *ChangeKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(changeKindNames, b, k, "change kind", ErrUnknownValue)
}

// Change is one difference between two policy versions.
type Change struct {
	// Kind is the kind of change.
	Kind ChangeKind `json:"kind"`
	// Purpose is the activity changed; "" for policy-wide changes.
	Purpose DataUse `json:"purpose,omitempty"`
	// Old and New describe the values before and after: a basis, a
	// recipient's name, a retention rule.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// FreshConsent reports that the change affects processing on consent
	// in a way the subject did not agree to, so consent must be asked for
	// again (GDPR Art. 4(11), 7: consent is specific and informed).
	FreshConsent bool `json:"fresh_consent,omitempty"`
}

// String returns "recipient_added essential.service: payment and invoicing
// systems". A contact change shows no addresses, which may be a person's:
// "contact_changed".
func (c Change) String() string {
	s := c.Kind.String()
	if c.Purpose != "" {
		s += " " + string(c.Purpose)
	}
	switch {
	case c.Kind == ContactChanged:
	case c.Old != "" && c.New != "":
		s += ": " + c.Old + " -> " + c.New
	case c.New != "":
		s += ": " + c.New
	case c.Old != "":
		s += ": " + c.Old
	}
	return s
}

// PolicyDiff is what changed from one policy version to the next and what
// it takes: fresh consent, or only notice of the change (Art. 13(3), 12(1)).
type PolicyDiff struct {
	// From is the old version's effective date.
	From contract.Date `json:"from"`
	// To is the new version's effective date.
	To contract.Date `json:"to"`
	// Changes lists the changes: policy-wide first, then by activity in
	// the new version's order.
	Changes []Change `json:"changes"`
	// NeedsFreshConsent reports that some change needs fresh consent;
	// otherwise notice suffices (or nothing, when Changes is empty).
	NeedsFreshConsent bool `json:"needs_fresh_consent"`
}

// Decision explains the diff: allowed on notice alone, or not without
// fresh consent.
func (d PolicyDiff) Decision() contract.Decision {
	dec := contract.Decision{Rule: "GDPR Art. 13(3)", From: d.From, Date: d.To,
		Citations: []contract.Citation{gdpr("Art. 13(3)"), gdpr("Art. 7(1)")}}
	switch {
	case d.NeedsFreshConsent:
		dec.Reason = contract.NewReason(cat, msgPolicyFreshConsent)
	case len(d.Changes) == 0:
		dec.Allowed = true
		dec.Reason = contract.NewReason(cat, msgPolicyNoChange)
	default:
		dec.Allowed = true
		dec.Reason = contract.NewReason(cat, msgPolicyNoticeOnly)
	}
	return dec
}

// Diff compares policy versions old and new, matching activities by
// purpose. A change needs fresh consent when it touches an activity on
// consent in the new version: a new purpose on consent, a basis changed
// to consent, new data categories, a new recipient other than staff or
// authorities, or a new third-country transfer. Other changes -- a named
// controller, a new contact, a new processor for contract processing,
// bookkeeping retention -- need notice only. OpenDIMS 2025 -> 2026 needs
// notice only: its new processors and bookkeeping serve the contract and
// the law, not consent.
func Diff(old, new Policy) PolicyDiff {
	d := PolicyDiff{From: old.Effective, To: new.Effective}
	add := func(c Change) {
		d.Changes = append(d.Changes, c)
		d.NeedsFreshConsent = d.NeedsFreshConsent || c.FreshConsent
	}
	if old.Controller.Name != new.Controller.Name {
		add(Change{Kind: ControllerChanged, Old: old.Controller.Name, New: new.Controller.Name})
	}
	if old.Contact != new.Contact {
		add(Change{Kind: ContactChanged, Old: old.Contact, New: new.Contact})
	}
	if !slices.Equal(sortedRights(old.Rights), sortedRights(new.Rights)) {
		add(Change{Kind: RightsChanged, Old: fmt.Sprint(sortedRights(old.Rights)), New: fmt.Sprint(sortedRights(new.Rights))})
	}
	for _, na := range new.Activities {
		consent := na.Basis == Consent
		oa, ok := old.Activity(na.Purpose)
		if !ok {
			add(Change{Kind: PurposeAdded, Purpose: na.Purpose, New: na.Name, FreshConsent: consent})
			continue
		}
		if oa.Basis != na.Basis {
			add(Change{Kind: BasisChanged, Purpose: na.Purpose, Old: oa.Basis.String(), New: na.Basis.String(), FreshConsent: consent})
		}
		for _, c := range na.Categories {
			if !slices.Contains(oa.Categories, c) {
				add(Change{Kind: CategoriesAdded, Purpose: na.Purpose, New: string(c), FreshConsent: consent})
			}
		}
		for _, r := range na.Recipients {
			i := slices.IndexFunc(oa.Recipients, func(o Recipient) bool { return o.Kind == r.Kind && o.Name == r.Name })
			if i < 0 {
				fresh := consent && r.Kind != Internal && r.Kind != Authority
				add(Change{Kind: RecipientAdded, Purpose: na.Purpose, New: r.Name, FreshConsent: fresh})
				if r.ThirdCountry {
					add(Change{Kind: TransferAdded, Purpose: na.Purpose, New: r.Name, FreshConsent: consent})
				}
			} else if r.ThirdCountry && !oa.Recipients[i].ThirdCountry {
				add(Change{Kind: TransferAdded, Purpose: na.Purpose, New: r.Name, FreshConsent: consent})
			}
		}
		if oa.Retention != na.Retention {
			add(Change{Kind: RetentionChanged, Purpose: na.Purpose, Old: oa.Retention.String(), New: na.Retention.String()})
		}
	}
	for _, oa := range old.Activities {
		if _, ok := new.Activity(oa.Purpose); !ok {
			add(Change{Kind: PurposeRemoved, Purpose: oa.Purpose, Old: oa.Name})
		}
	}
	return d
}

func sortedRights(rs []RequestKind) []RequestKind {
	out := slices.Clone(rs)
	slices.Sort(out)
	return slices.Compact(out)
}
