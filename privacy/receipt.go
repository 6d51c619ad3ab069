package privacy

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"slices"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// KantaraVersion is the consent receipt specification version pimkit
// writes.
const KantaraVersion = "KI-CR-v1.1.0"

// ReceiptInfo is what a consent receipt needs beyond the ledger: who the
// controller is and where its policy is.
type ReceiptInfo struct {
	// Controller is the controller (piiControllers).
	Controller contract.Party `json:"controller"`
	// Contact is the controller's contact (a role address).
	Contact string `json:"contact"`
	// Email is the controller's e-mail address; "" to use Contact.
	Email string `json:"email,omitempty"`
	// Jurisdiction is where the controller is, "DK".
	Jurisdiction string `json:"jurisdiction"`
	// PolicyURL is the address of the privacy policy.
	PolicyURL string `json:"policy_url"`
	// Language is the receipt's language, "en".
	Language string `json:"language,omitempty"`
	// Service names the service consented to: "OpenDIMS".
	Service string `json:"service"`
	// SubjectKey is the host's key for hashing the subject's identifier
	// ([HashSubject]); empty means a bare SHA-256, which is weaker. It is a
	// secret: it is never marshalled, printed or logged.
	SubjectKey []byte `json:"-"`
	// Policy, when set (non-empty Name), fills each purpose's piiCategory
	// and thirdPartyDisclosure from the activity for that purpose or the
	// nearest ancestor purpose, and sensitive/spiCat from its special
	// categories under Taxonomy.
	Policy Policy `json:"policy,omitzero"`
	// Taxonomy flags special categories; the zero Taxonomy means
	// [DefaultTaxonomy].
	Taxonomy Taxonomy `json:"taxonomy,omitzero"`
}

// Receipt is a consent receipt in the shape of the Kantara Initiative
// Consent Receipt Specification v1.1: the controller, the subject's
// hashed identifier and, per purpose, the consent in force. pimkit adds
// an "evidence" list with every ledger event of the subject (action,
// instant, method, policy version, notice SHA-256, source), so the
// receipt is proof under GDPR Art. 7(1).
type Receipt struct {
	Version          string              `json:"version"`
	Jurisdiction     string              `json:"jurisdiction"`
	ConsentTimestamp int64               `json:"consentTimestamp"`
	CollectionMethod string              `json:"collectionMethod"`
	ConsentReceiptID string              `json:"consentReceiptID"`
	Language         string              `json:"language,omitempty"`
	PIIPrincipalID   string              `json:"piiPrincipalId"`
	PIIControllers   []ReceiptController `json:"piiControllers"`
	PolicyURL        string              `json:"policyUrl"`
	Services         []ReceiptService    `json:"services"`
	Sensitive        bool                `json:"sensitive"`
	SPICat           []string            `json:"spiCat"`
	Evidence         []ReceiptEvidence   `json:"evidence"`
}

// ReceiptController is an entry of piiControllers.
type ReceiptController struct {
	PIIController string `json:"piiController"`
	Contact       string `json:"contact"`
	Address       string `json:"address"`
	Email         string `json:"email"`
	Phone         string `json:"phone"`
}

// ReceiptService is an entry of services.
type ReceiptService struct {
	Service  string           `json:"service"`
	Purposes []ReceiptPurpose `json:"purposes"`
}

// ReceiptPurpose is a purpose of a service with the consent in force.
type ReceiptPurpose struct {
	Purpose              string   `json:"purpose"`
	PurposeCategory      []string `json:"purposeCategory"`
	ConsentType          string   `json:"consentType"`
	PIICategory          []string `json:"piiCategory"`
	PrimaryPurpose       bool     `json:"primaryPurpose"`
	Termination          string   `json:"termination"`
	ThirdPartyDisclosure bool     `json:"thirdPartyDisclosure"`
	// Status is pimkit's addition: the state of the consent at the
	// receipt's instant ("granted", "withdrawn" ...).
	Status ConsentStatus `json:"status"`
}

// ReceiptEvidence is one ledger event in a receipt, without the subject.
type ReceiptEvidence struct {
	Purpose DataUse       `json:"purpose"`
	Action  ConsentAction `json:"action"`
	At      time.Time     `json:"at"`
	Method  Method        `json:"method"`
	Policy  contract.Date `json:"policyVersion,omitzero"`
	Notice  NoticeHash    `json:"noticeSha256,omitzero"`
	Source  string        `json:"source,omitempty"`
	// Guardian reports consent by the holder of parental responsibility.
	Guardian bool `json:"guardian,omitempty"`
}

// Receipt returns the consent receipt for subject at instant at: one
// purpose entry per purpose in the subject's events (sorted), the state of
// each at at, and every event up to at as evidence. The receipt ID is
// derived from the content, so the same ledger gives the same receipt.
// ConsentTimestamp is the instant of the latest event (Unix seconds).
// A subject with no events is an error wrapping ErrInvalid.
func (l Ledger) Receipt(subject string, at time.Time, info ReceiptInfo) (Receipt, error) {
	sub := l.Subject(subject)
	evs := sub.events[:sub.upto(at)]
	if len(evs) == 0 {
		return Receipt{}, invalid("consent receipt", "subject", "no_consent_events", "")
	}
	email := info.Email
	if email == "" {
		email = info.Contact
	}
	r := Receipt{
		Version: KantaraVersion, Jurisdiction: info.Jurisdiction, Language: info.Language,
		ConsentTimestamp: evs[len(evs)-1].At.Unix(),
		CollectionMethod: evs[len(evs)-1].Method.String(),
		PIIPrincipalID:   HashSubject(subject, info.SubjectKey),
		PIIControllers: []ReceiptController{{PIIController: info.Controller.Name, Contact: info.Contact,
			Address: info.Controller.Address, Email: email}},
		PolicyURL: info.PolicyURL,
		SPICat:    []string{},
	}
	var purposes []DataUse
	for _, e := range evs {
		purposes = append(purposes, e.Purpose)
		r.Evidence = append(r.Evidence, ReceiptEvidence{Purpose: e.Purpose, Action: e.Action, At: e.At,
			Method: e.Method, Policy: e.Policy, Notice: e.Notice, Source: e.Source, Guardian: e.Guardian})
	}
	slices.Sort(purposes)
	purposes = slices.Compact(purposes)
	svc := ReceiptService{Service: info.Service}
	for _, p := range purposes {
		st := sub.State(subject, p, at)
		svc.Purposes = append(svc.Purposes, ReceiptPurpose{
			Purpose: string(p), PurposeCategory: []string{topLevel(p)}, ConsentType: "EXPLICIT",
			PIICategory: []string{}, PrimaryPurpose: p.Under(UseEssential),
			Termination: "withdraw at any time (GDPR Art. 7(3))", Status: st.Status,
		})
	}
	if info.Policy.Name != "" {
		tax := info.Taxonomy
		if tax.categories == nil {
			tax = DefaultTaxonomy()
		}
		r.fillFromPolicy(&svc, info.Policy, tax)
	}
	r.Services = []ReceiptService{svc}
	r.ConsentReceiptID = receiptID(r)
	return r, nil
}

func topLevel(u DataUse) string {
	for u.Parent() != "" {
		u = u.Parent()
	}
	return string(u)
}

// receiptID is a UUID (version 8, RFC 9562) made from the SHA-256 of the
// receipt's content.
func receiptID(r Receipt) string {
	b, _ := json.Marshal(r)
	sum := sha256.Sum256(b)
	u := sum[:16]
	u[6] = u[6]&0x0f | 0x80
	u[8] = u[8]&0x3f | 0x80
	h := hex.EncodeToString(u)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// WriteJSON writes r as indented JSON to w; a nil w is an error
// matching [ErrNil].
func (r Receipt) WriteJSON(w io.Writer) error {
	if w == nil {
		return ErrNil
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// activityFor returns the activity for u or its nearest ancestor.
func (p Policy) activityFor(u DataUse) (Activity, bool) {
	for k := u; k != ""; k = k.Parent() {
		if a, ok := p.Activity(k); ok {
			return a, true
		}
	}
	return Activity{}, false
}

func (r *Receipt) fillFromPolicy(svc *ReceiptService, p Policy, tax Taxonomy) {
	for i := range svc.Purposes {
		a, ok := p.activityFor(DataUse(svc.Purposes[i].Purpose))
		if !ok {
			continue
		}
		for _, c := range a.Categories {
			svc.Purposes[i].PIICategory = append(svc.Purposes[i].PIICategory, string(c))
			if tax.Special(c) != NotSpecial {
				r.Sensitive = true
				if !slices.Contains(r.SPICat, string(c)) {
					r.SPICat = append(r.SPICat, string(c))
				}
			}
		}
		for _, rc := range a.Recipients {
			if rc.Kind == ThirdParty || rc.Kind == Successor {
				svc.Purposes[i].ThirdPartyDisclosure = true
			}
		}
	}
	slices.Sort(r.SPICat)
}
