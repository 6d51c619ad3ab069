package contract

import "github.com/pimkit/pimkit/internal/enum"

// NoticeChannel is how a party tells the other something. The zero
// NoticeChannel is invalid.
type NoticeChannel uint8

const (
	// ByLetter is a letter to the party's postal address.
	ByLetter NoticeChannel = iota + 1
	// ByEmail is an e-mail.
	ByEmail
	// ByPhone is a telephone call.
	ByPhone
	// ByWebsite is a notice posted on the provider's website.
	ByWebsite
	// InService is a switch made in the service itself, such as moving
	// a subscription to the free plan.
	InService
)

var noticeChannelNames = enum.Names{ByLetter: "letter", ByEmail: "email", ByPhone: "phone", ByWebsite: "website", InService: "in_service"}

// String returns "letter", "email", "phone", "website" or "in_service";
// an invalid channel prints as "NoticeChannel(9)".
func (c NoticeChannel) String() string { return enum.String(noticeChannelNames, c, "NoticeChannel") }

// MarshalText implements encoding.TextMarshaler; the zero or an unknown
// channel is an error wrapping ErrInvalidInput.
func (c NoticeChannel) MarshalText() ([]byte, error) {
	return enum.Marshal(noticeChannelNames, c, "notice channel", ErrInvalidInput)
}

// UnmarshalText implements encoding.TextUnmarshaler: "email" is ByEmail;
// unknown text is an error wrapping ErrInvalidInput.
func (c *NoticeChannel) UnmarshalText(b []byte) error {
	return enum.Unmarshal(noticeChannelNames, b, c, "notice channel", ErrInvalidInput)
}

// Notice decides whether a message sent by channel binds the party it is
// sent to (terms 16.1): a notice binds when it goes to the address the
// offer document gives for that party (toAgreedAddress), by letter or by
// e-mail. A telephone call, a post on the website or a message to any other
// address is no notice under 16.1. So an e-mail to the agreed address is a
// valid notice of ordinary termination under 17.2 -- whereas a self-serve
// subscription is cancelled only by switching to the free plan
// ([Terms.SelfServeCancellation], 19.6), a special rule that 16.1 does not
// override. An invalid channel is refused with the reason.
func (t Terms) Notice(channel NoticeChannel, toAgreedAddress bool) Decision {
	d := Decision{Rule: Clause("16.1").String(), Citations: []Citation{Clause("16.1")}}
	switch channel {
	case ByLetter, ByEmail:
		if toAgreedAddress {
			d.Allowed = true
			d.Reason = rulesReason("the notice binds the other party: it went by letter or e-mail to the address in the offer document")
		} else {
			d.Reason = rulesReason("a notice binds only when sent to the address in the offer document")
		}
	case ByPhone, ByWebsite, InService:
		d.Reason = rulesReason("a phone call, a post on the website or a switch in the service is no notice under the terms: it must go by letter or e-mail to the address in the offer document")
	default:
		d.Reason = rulesReason("the notice channel is not stated, so the notice cannot be judged")
	}
	return d
}
