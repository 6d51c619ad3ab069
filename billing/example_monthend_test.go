package billing_test

import (
	"fmt"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// A month-end run renews every subscription and invoices each charge
// through two buffers it reuses: the events of one renewal and the
// invoice being issued. Once they have grown, a subscription costs no
// allocation; an invoice to keep is copied (here, only its total is).
func ExampleSubscription_AppendRenew() {
	basic := billing.Plan{ID: "basic", Kind: billing.Functionality, Cycle: billing.Monthly, Price: dkk("24.95"), Values: 100_000}
	pro := billing.Plan{ID: "pro", Kind: billing.Functionality, Cycle: billing.Monthly, Price: dkk("49.90"), Values: 500_000}
	var subs []billing.Subscription
	for i, p := range []billing.Plan{basic, pro, basic} {
		s, _, err := billing.Subscribe(fmt.Sprint("sub-", i+1), p, d("2025-01-31"))
		if err != nil {
			fmt.Println(err)
			return
		}
		subs = append(subs, s)
	}
	seller := contract.Party{Name: "OpenDIMS ApS", CVR: "43782495", Address: "Rømersvej 4, 7430 Ikast", Country: "DK"}
	buyer := contract.Party{Name: "Webshop A/S", Address: "Vestergade 1, 8000 Aarhus C", Country: "DK"}
	on := d("2025-02-28")
	var (
		events []billing.Event // reused by every renewal
		inv    billing.Invoice // reused by every invoice
		lines  = make([]billing.Line, 1)
		billed contract.Money
	)
	for i := range subs {
		next, evs, err := subs[i].AppendRenew(events[:0], on)
		if err != nil {
			fmt.Println(err)
			return
		}
		subs[i], events = next, evs
		for _, e := range events {
			if e.Kind != billing.Charged {
				continue
			}
			lines[0] = e.Line("PIM subscription", decimal.RequireFromString("0.25"))
			in := billing.InvoiceInput{Number: fmt.Sprint("2025-02-", i+1), Issued: on, Seller: seller, Buyer: buyer,
				Treatment: billing.DomesticVAT, Lines: lines}
			if err := billing.NewInvoiceInto(&inv, in, contract.Counter{}); err != nil {
				fmt.Println(err)
				return
			}
			fmt.Println(inv.Number, e.Subscription, inv.Total, "due", inv.Due)
			billed, _ = billed.Add(inv.Total)
		}
	}
	fmt.Println("billed", billed)
	// Output:
	// 2025-02-1 sub-1 31.19 DKK due 2025-03-31
	// 2025-02-2 sub-2 62.38 DKK due 2025-03-31
	// 2025-02-3 sub-3 31.19 DKK due 2025-03-31
	// billed 124.76 DKK
}

// Invoices issued one after the other into the same Invoice reuse its
// lines and VAT summary; each is exactly what NewInvoice returns.
func ExampleNewInvoiceInto() {
	seller := contract.Party{Name: "OpenDIMS ApS", CVR: "43782495", Address: "Rømersvej 4, 7430 Ikast", Country: "DK"}
	buyer := contract.Party{Name: "Webshop A/S", Address: "Vestergade 1, 8000 Aarhus C", Country: "DK"}
	vat := contract.Dec(decimal.RequireFromString("0.25"))
	var inv billing.Invoice
	for i, price := range []string{"24.95", "1234.56"} {
		in := billing.InvoiceInput{Number: fmt.Sprint("2026-", i+1), Issued: d("2026-01-29"), Seller: seller, Buyer: buyer,
			Treatment: billing.DomesticVAT, Lines: []billing.Line{{Description: "PIM subscription",
				Quantity: contract.Dec(decimal.NewFromInt(1)), UnitPrice: dkk(price), VATRate: vat}}}
		if err := billing.NewInvoiceInto(&inv, in, contract.Counter{}); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(inv.Number, "net", inv.Net, "VAT", inv.VAT, "total", inv.Total, "due", inv.Due)
	}
	// Output:
	// 2026-1 net 24.95 DKK VAT 6.24 DKK total 31.19 DKK due 2026-03-02
	// 2026-2 net 1234.56 DKK VAT 308.64 DKK total 1543.20 DKK due 2026-03-02
}
