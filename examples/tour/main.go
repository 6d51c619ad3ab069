// Command tour tells the story of a Danish webshop on the OpenDIMS terms,
// end to end, with pimkit's public API and in-memory values only.
//
//	go run ./examples/tour
package main

import (
	"fmt"
	"os"

	"github.com/pimkit/pimkit/contract"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "tour:", err)
		os.Exit(1)
	}
}

func run() error {
	terms := contract.OpenDIMSTerms()
	var counter contract.Counter // Reg. 1182/71 with Danish public holidays
	notified := contract.MustDate(2026, 6, 24)
	effective, err := counter.EffectiveDate(notified, terms.PriceChangeNotice)
	if err != nil {
		return err
	}
	fmt.Printf("Price change notified %s takes effect %s (terms 12.2)\n", notified, effective.Date)
	return nil
}
