package main

import (
	"github.com/pimkit/pimkit/privacy/gpp"
)

// gppString reads the consent string a visitor from California brought
// (written by the IAB's own library: a usca section with the browser's
// Global Privacy Control signal, and the legacy US Privacy string) and
// turns GPC into the opt-outs the law attaches to it.
func (t *tour) gppString() error {
	const visitor = "DBACTMA~1YYN~BAQAAABA.YA"
	s, err := gpp.Decode(visitor)
	if err != nil {
		return err
	}
	s, effects := gpp.ApplyGPC(s, gpp.DefaultGPCMapping)
	t.say("a GPP string from a Californian visitor: sections %s and uspv1, GPC %v", s.US[0].Section, s.US[0].GPC)
	s2 := &t.Sections[len(t.Sections)-1]
	for _, e := range effects {
		l := line{Text: "  GPC sets " + e.Section.String() + "." + e.Field + " to " + e.To.String()}
		for _, c := range e.Citations {
			l.Citations = append(l.Citations, c.String())
		}
		s2.Lines = append(s2.Lines, l)
	}
	out, err := gpp.Encode(s)
	if err != nil {
		return err
	}
	t.say("  the string the shop stores: %s", out)
	return nil
}
