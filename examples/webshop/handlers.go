package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/billing/peppol"
	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"github.com/pimkit/pimkit/sla"
	"github.com/shopspring/decimal"
)

// listItem is one product on the list.
type listItem struct {
	ID, Title, Price, Image string
	From                    bool // "from": the variants have different prices
}

func (s *server) list(sess *session) error {
	var items []listItem
	for _, p := range s.cat.products {
		it := listItem{ID: p.ID}
		recs := []catalog.Record{p.Record}
		if p.Group != nil {
			recs = p.Group.Variants()
		}
		var low contract.Money
		for i, r := range recs {
			m, ok := price(r)
			if !ok {
				return fmt.Errorf("webshop: %s has no DKK price", r.ID)
			}
			if i == 0 {
				low = m
				continue
			}
			if c, _ := m.Cmp(low); c != 0 {
				it.From = true
				if c < 0 {
					low = m
				}
			}
		}
		it.Title = text(recs[0], "title", sess.locale)
		it.Price = low.Format(sess.tag)
		if v, ok := recs[0].Get("images", contract.Locale{}, ""); ok && len(v.Assets()) > 0 {
			it.Image = "/static/" + v.Assets()[0].Ref
		}
		items = append(items, it)
	}
	sess.render(http.StatusOK, "list", tr(sess.lang, "products"), items)
	return nil
}

// variantView is one variant (or the simple product) on a product page.
type variantView struct {
	SKU, Label, Price, GTIN string
	Prior                   string // the prior price of a reduction, "" when not reduced
}

type productView struct {
	ID, Title, Description, Image, Brand string
	Variants                             []variantView
	Selected                             string
	JSONLD                               template.JS
	Safety                               []labelled // GPSR Art. 19 information
}

type labelled struct{ Label, Text string }

func (s *server) productPage(sess *session) error {
	p, ok := s.cat.find(sess.r.PathValue("id"))
	if !ok {
		sess.fail(http.StatusNotFound, "err_not_found")
		return nil
	}
	pv := productView{ID: p.ID}
	recs := []catalog.Record{p.Record}
	if p.Group != nil {
		recs = p.Group.Variants()
	}
	for _, r := range recs {
		m, _ := price(r)
		vv := variantView{SKU: r.ID, Price: m.Format(sess.tag), Label: r.ID}
		if p.Group != nil {
			if c, ok := r.Get("color", contract.Locale{}, ""); ok {
				code, _ := c.Option()
				vv.Label = s.cat.optionLabel("color", code, sess.locale)
			}
		}
		if g, ok := r.Get("ean", contract.Locale{}, ""); ok {
			vv.GTIN, _ = g.Text()
		}
		// A reduced price is shown with the lowest price of the 30 days
		// before the reduction; without that history the page fails.
		prior, reduced, err := priorPrice(r.ID, contract.DateOf(sess.now.In(contract.Copenhagen())))
		if err != nil {
			return err
		}
		if reduced {
			vv.Prior = prior.Format(sess.tag)
		}
		pv.Variants = append(pv.Variants, vv)
	}
	pv.Selected = pv.Variants[0].SKU
	if want := sess.r.URL.Query().Get("variant"); want != "" {
		for _, v := range pv.Variants {
			if v.SKU == want {
				pv.Selected = want
			}
		}
	}
	first := recs[0]
	pv.Title = text(first, "title", sess.locale)
	pv.Description = text(first, "description", sess.locale)
	pv.Brand = text(first, "brand", contract.Locale{})
	if v, ok := first.Get("images", contract.Locale{}, ""); ok && len(v.Assets()) > 0 {
		pv.Image = "/static/" + v.Assets()[0].Ref
	}
	for _, f := range s.cat.safety {
		l := contract.Locale{}
		if f.Localizable {
			l = sess.locale
		}
		if v := text(first, f.Code, l); v != "" {
			label, _ := f.Labels.In(sess.locale)
			pv.Safety = append(pv.Safety, labelled{Label: label, Text: v})
		}
	}
	ld, err := s.cat.jsonLD(p, sess.locale, s.base, contract.DateOf(sess.now.In(contract.Copenhagen())))
	if err != nil {
		return err
	}
	// "</" may not appear inside a script element; JSON allows "\u003c".
	pv.JSONLD = template.JS(strings.ReplaceAll(ld, "<", `\u003c`))
	sess.render(http.StatusOK, "product", pv.Title, pv)
	return nil
}

// optionLabel returns a select option's label in locale l.
func (cd *catalogData) optionLabel(field, code string, l contract.Locale) string {
	for _, o := range cd.options[field] {
		if o.Code == code {
			if t, ok := o.Labels.In(l); ok {
				return t
			}
		}
	}
	return code
}

// consent records the banner's answer: accept all, reject all (one click
// each, the same size) or a choice per purpose. Under Global Privacy
// Control, "accept all" does not include advertising: only ticking it
// explicitly overrides the signal (GDPR Art. 21(3), 21(5)).
func (s *server) consent(sess *session) error {
	f := sess.r.PostForm
	var analytics, marketing bool
	switch f.Get("choice") {
	case "accept":
		analytics, marketing = true, sess.gpc != privacy.GPCOptOut
	case "reject":
	case "choose":
		analytics, marketing = f.Get("analytics") == "on", f.Get("marketing") == "on"
	default:
		sess.fail(http.StatusBadRequest, "err_form")
		return nil
	}
	at, notice := sess.now, bannerNotice(sess.lang)
	ev := func(use privacy.DataUse, yes bool) privacy.ConsentEvent {
		a := privacy.Withdrawn
		if yes {
			a = privacy.Given
		}
		return privacy.ConsentEvent{Subject: sess.sid, Purpose: use, Action: a, At: at,
			Policy: s.policy.Effective, Method: privacy.MethodBanner, Notice: notice}
	}
	// Advertising is recorded for the parent use, which covers targeted
	// ads (the marketing cookie's use, which a GPC signal objects to).
	if err := sess.record(ev(privacy.UseAnalytics, analytics), ev(privacy.UseAdvertising, marketing)); err != nil {
		return err
	}
	back := f.Get("back")
	// Only a path of this shop: "//host" and "/\host" would leave it.
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.ContainsAny(back, "\\\r\n") || len(back) > 200 {
		back = "/"
	}
	sess.redirect(back)
	return nil
}

// orderDoc is an order as the shop stores it: the order, the distance
// sale the right of withdrawal turns on, the invoice, and the buyer's
// e-mail address (personal data: stored, exported, never logged).
type orderDoc struct {
	Order   catalog.Order        `json:"order"`
	Sale    catalog.DistanceSale `json:"sale"`
	Invoice billing.Invoice      `json:"invoice"`
	Email   string               `json:"email"`
}

// withdrawalDoc is a consumer's withdrawal from an order, with the credit
// note that cancels its invoice.
type withdrawalDoc struct {
	Number     string               `json:"number"`
	On         contract.Date        `json:"on"`
	Sale       catalog.DistanceSale `json:"sale"`
	CreditNote billing.CreditNote   `json:"credit_note"`
}

// checkout turns the product form into an order and its invoice. Every
// field is checked first, by the shop and by pimkit (the order, the
// parties, the invoice); only a valid order is stored, numbered in the
// invoice sequence.
func (s *server) checkout(sess *session) error {
	f := sess.r.PostForm
	var bad []string
	field := func(name string, max int) string {
		v := strings.TrimSpace(f.Get(name))
		if !utf8.ValidString(v) || utf8.RuneCountInString(v) > max {
			bad = append(bad, tr(sess.lang, "field_"+name))
			return ""
		}
		return v
	}
	sku := field("sku", 100)
	qtyText := field("quantity", 3)
	name := field("name", 200)
	email := field("email", 254)
	address := field("address", 500)
	company := field("company", 200)
	cvr := field("cvr", 10)

	rec, ok := s.cat.sellable(sku)
	if !ok {
		bad = append(bad, tr(sess.lang, "field_sku"))
	}
	qty, err := strconv.Atoi(qtyText)
	if err != nil || qty < 1 || qty > 10 {
		bad = append(bad, tr(sess.lang, "field_quantity"))
	}
	if name == "" {
		bad = append(bad, tr(sess.lang, "field_name"))
	}
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
		bad = append(bad, tr(sess.lang, "field_email"))
	}
	if address == "" {
		bad = append(bad, tr(sess.lang, "field_address"))
	}
	if (cvr != "") != (company != "") {
		bad = append(bad, tr(sess.lang, "field_company_cvr"))
	}
	if len(bad) > 0 {
		sess.fail(http.StatusBadRequest, "err_checkout", dedupe(bad)...)
		return nil
	}

	today := contract.DateOf(sess.now.In(contract.Copenhagen()))
	rate, err := contract.EUVATRates().Rate("DK", today) // 25 %, momsloven § 33
	if err != nil {
		return err
	}
	incl, _ := price(rec)
	excl, err := catalog.ConvertPrice(incl, rate, catalog.InclVAT, catalog.ExclVAT)
	if err != nil {
		return err
	}
	order := catalog.Order{Currency: dkk, Basis: catalog.InclVAT, Lines: []catalog.OrderLine{{
		SKU: rec.ID, Quantity: contract.Dec(decimal.NewFromInt(int64(qty))), UnitPrice: incl, VATRate: contract.Dec(rate)}}}
	buyer := contract.Party{Name: name, Address: address, Country: "DK"}
	if company != "" {
		buyer = contract.Party{Name: company, CVR: cvr, Address: address, Country: "DK"}
	}
	in := billing.InvoiceInput{Number: "NW-000000", Issued: today, PaymentTerm: contract.Days(14),
		Seller: seller, Buyer: buyer, Treatment: billing.DomesticVAT,
		Lines: []billing.Line{{Description: text(rec, "title", sess.locale) + " (" + rec.ID + ")",
			Quantity: order.Lines[0].Quantity, UnitPrice: excl, VATRate: contract.Dec(rate)}}}
	counter := s.policy.Counter
	// Check everything before a number is taken: pimkit's own checks, with
	// every problem at once and no personal data in their messages.
	order.Number = in.Number
	if _, err := order.Totals(); err != nil {
		return s.problems(sess, err)
	}
	if _, err := billing.NewInvoice(in, counter); err != nil {
		return s.problems(sess, err)
	}
	sale := catalog.DistanceSale{Consumer: company == "", Kind: catalog.Goods, Concluded: today,
		// The demo shop hands the goods over at checkout (click and collect),
		// so the withdrawal period runs from today (Directive 2011/83/EU Art. 9(2)(b)).
		Delivered: today}
	number, err := s.st.addOrder(sess.r.Context(), sess.sid, func(n int64) ([]byte, string, error) {
		number := fmt.Sprintf("NW-%06d", n)
		in.Number, order.Number = number, number
		inv, err := billing.NewInvoice(in, counter)
		if err != nil {
			return nil, "", err
		}
		sale.Order = order
		b, err := json.Marshal(orderDoc{Order: order, Sale: sale, Invoice: inv, Email: email})
		return b, number, err
	})
	if err != nil {
		return err
	}
	sess.redirect("/order/" + number)
	return nil
}

// problems turns pimkit's validation error into the error page: the JSON
// paths and rules, which never carry the rejected values.
func (s *server) problems(sess *session, err error) error {
	var ve *contract.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	var details []string
	for _, p := range ve.Problems {
		details = append(details, p.Path+": "+p.Rule)
	}
	sess.fail(http.StatusBadRequest, "err_checkout", details...)
	return nil
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// loadOrder returns the order in the path if it is the shopper's own.
func (s *server) loadOrder(sess *session) (orderDoc, bool, error) {
	subject, b, err := s.st.order(sess.r.Context(), sess.r.PathValue("number"))
	if errors.Is(err, errNotFound) || (err == nil && subject != sess.sid) {
		sess.fail(http.StatusNotFound, "err_not_found")
		return orderDoc{}, false, nil
	}
	if err != nil {
		return orderDoc{}, false, err
	}
	var d orderDoc
	if err := json.Unmarshal(b, &d); err != nil {
		return orderDoc{}, false, err
	}
	return d, true, nil
}

type lineView struct {
	SKU, Quantity, Unit, Net, VAT, Gross, Rate string
}

// obligationView is an obligation as a page shows it: What and Rule in
// the page's language, Code the What code as pimkit gives it.
type obligationView struct {
	Party, What, Code, From, Until, Rule, Ref string
	Right                                     bool
}

type orderView struct {
	Number, Net, VAT, Gross, Due, DueRule string
	Lines                                 []lineView
	Business                              bool
	Withdrawal                            contract.Decision
	WithdrawalReason                      string
	Withdrawn                             string
	Credit                                *creditView
	Duties                                []obligationView
}

// creditView is the credit note of a withdrawal.
type creditView struct {
	Number, Issued, Invoice, InvoiceIssued, Net, VAT, Total string
}

func (s *server) orderPage(sess *session) error {
	d, ok, err := s.loadOrder(sess)
	if !ok || err != nil {
		return err
	}
	t, err := d.Order.Totals()
	if err != nil {
		return err
	}
	v := orderView{Number: d.Order.Number, Net: t.Net.Format(sess.tag), VAT: t.VAT.Format(sess.tag),
		Gross: t.Gross.Format(sess.tag), Due: d.Invoice.Due.String(), Business: !d.Sale.Consumer}
	if !d.Invoice.DueDeadline.Date.IsZero() {
		v.DueRule = d.Invoice.DueDeadline.String()
	}
	for i, l := range d.Order.Lines {
		lt := t.Lines[i]
		v.Lines = append(v.Lines, lineView{SKU: l.SKU, Quantity: l.Quantity.String(), Unit: l.UnitPrice.Format(sess.tag),
			Rate: l.VATRate.Decimal().Shift(2).String() + " %", Net: lt.Net.Format(sess.tag), VAT: lt.VAT.Format(sess.tag),
			Gross: lt.Gross.Format(sess.tag)})
	}
	today := contract.DateOf(sess.now.In(contract.Copenhagen()))
	v.Withdrawal = d.Sale.WithdrawalPeriod(s.policy.Counter, today)
	v.WithdrawalReason = v.Withdrawal.Reason.In(sess.tag)
	wb, err := s.st.withdrawal(sess.r.Context(), d.Order.Number)
	switch {
	case err == nil:
		var w withdrawalDoc
		if err := json.Unmarshal(wb, &w); err != nil {
			return err
		}
		v.Withdrawn = w.On.String()
		n := w.CreditNote
		v.Credit = &creditView{Number: n.Number, Issued: n.Issued.String(), Invoice: n.Invoice,
			InvoiceIssued: n.InvoiceIssued.String(), Net: n.Net.Format(sess.tag), VAT: n.VAT.Format(sess.tag),
			Total: n.Total.Format(sess.tag)}
		v.Duties = obligationViews(d.Sale.Obligations(s.policy.Counter, contract.Copenhagen(), w.On), sess)
		for i := range v.Duties { // in a sale the customer is the shopper, the provider the shop
			v.Duties[i].Party = tr(sess.lang, "party_"+v.Duties[i].Party)
		}
	case !errors.Is(err, errNotFound):
		return err
	}
	sess.render(http.StatusOK, "order", tr(sess.lang, "order")+" "+d.Order.Number, v)
	return nil
}

func obligationViews(os []contract.Obligation, sess *session) []obligationView {
	var out []obligationView
	for _, o := range os {
		ov := obligationView{Party: o.Party.String(), What: what(sess.lang, o.What), Code: o.What, Right: o.Right,
			Rule: rule(sess.lang, o.Rule), Ref: code(sess.lang, o.Ref),
			From: o.From.In(contract.Copenhagen()).Format("2006-01-02 15:04")}
		if !o.Until.IsZero() {
			ov.Until = o.Until.In(contract.Copenhagen()).Format("2006-01-02 15:04")
		}
		out = append(out, ov)
	}
	return out
}

// withdraw is the withdrawal button (Directive 2011/83/EU Art. 11a): it
// works while pimkit says the period is open, and records the withdrawal
// once.
func (s *server) withdraw(sess *session) error {
	d, ok, err := s.loadOrder(sess)
	if !ok || err != nil {
		return err
	}
	today := contract.DateOf(sess.now.In(contract.Copenhagen()))
	dec := d.Sale.WithdrawalPeriod(s.policy.Counter, today)
	if !dec.Allowed {
		sess.fail(http.StatusConflict, "err_withdrawal", dec.Reason.In(sess.tag))
		return nil
	}
	// The credit note cancels the whole invoice: after a withdrawal the
	// trader refunds all payments (Directive 2011/83/EU Art. 13(1)). Its
	// number comes from the invoice sequence (momsbekendtgørelsen § 58,
	// stk. 2). billing has no reason for a statutory withdrawal; the shop
	// uses CreditError, the one reason billing always issues a note for,
	// and shows its own explanation.
	if _, err := billing.NewCreditNote(d.Invoice, nil, billing.CreditNoteInput{Number: "NW-000000", Issued: today,
		Reason: billing.CreditError}); err != nil {
		return err
	}
	_, err = s.st.addWithdrawalNumbered(sess.r.Context(), d.Order.Number, func(n int64) ([]byte, error) {
		note, err := billing.NewCreditNote(d.Invoice, nil, billing.CreditNoteInput{Number: fmt.Sprintf("NW-%06d", n),
			Issued: today, Reason: billing.CreditError})
		if err != nil {
			return nil, err
		}
		return json.Marshal(withdrawalDoc{Number: d.Order.Number, On: today, Sale: d.Sale, CreditNote: note})
	})
	if err != nil {
		return err
	}
	sess.redirect("/order/" + d.Order.Number)
	return nil
}

type invoiceView struct {
	Invoice billing.Invoice
	Lines   []lineView
	Summary []lineView
	Net     string
	VAT     string
	Total   string
	Due     string
}

func (s *server) invoicePage(sess *session) error {
	d, ok, err := s.loadOrder(sess)
	if !ok || err != nil {
		return err
	}
	inv := d.Invoice
	v := invoiceView{Invoice: inv, Net: inv.Net.Format(sess.tag), VAT: inv.VAT.Format(sess.tag),
		Total: inv.Total.Format(sess.tag), Due: inv.Due.String()}
	for _, l := range inv.Lines {
		v.Lines = append(v.Lines, lineView{SKU: l.Description, Quantity: l.Quantity.String(), Unit: l.UnitPrice.Format(sess.tag),
			Rate: l.VATRate.Decimal().Shift(2).String() + " %", Net: l.Net.Format(sess.tag), VAT: l.VAT.Format(sess.tag)})
	}
	for _, r := range inv.VATSummary {
		v.Summary = append(v.Summary, lineView{Rate: r.Rate.Decimal().Shift(2).String() + " %", Net: r.Net.Format(sess.tag), VAT: r.VAT.Format(sess.tag)})
	}
	sess.render(http.StatusOK, "invoice", tr(sess.lang, "invoice")+" "+inv.Number, v)
	return nil
}

type eventView struct {
	At, Purpose, Action, Method, Source, Notice string
}

type requestView struct {
	Kind, Received, Due, Reason string
}

type planView struct {
	Record, Action, Until, Reason string
	Kept                          bool
}

type dataView struct {
	Events   []eventView
	States   []eventView
	Requests []requestView
	Plans    []planView
	Orders   int
}

// yourData is the "your data" page: the consent history with its
// receipt, the portability export, and erasure requests with their
// deadlines and what is kept by law.
func (s *server) yourData(sess *session) error {
	var v dataView
	for e := range sess.ledger.Subject(sess.sid).All() {
		ev := eventView{At: e.At.In(contract.Copenhagen()).Format("2006-01-02 15:04:05"), Purpose: string(e.Purpose),
			Action: code(sess.lang, e.Action.String()), Method: code(sess.lang, e.Method.String()), Source: e.Source}
		if e.Notice != (privacy.NoticeHash{}) {
			ev.Notice = fmt.Sprintf("%x", e.Notice[:8])
		}
		v.Events = append(v.Events, ev)
	}
	for _, use := range []privacy.DataUse{privacy.UseAnalytics, privacy.UseAdvertising, privacy.UseTargetedAds} {
		st := sess.ledger.State(sess.sid, use, sess.now)
		v.States = append(v.States, eventView{Purpose: string(use), Action: code(sess.lang, st.Status.String()), Method: st.Reason().In(sess.tag)})
	}
	reqs, err := s.requests(sess, sess.sid)
	if err != nil {
		return err
	}
	for _, r := range reqs {
		v.Requests = append(v.Requests, requestView{Kind: code(sess.lang, r.Kind.String()), Received: r.Received.String(),
			Due: r.Due.Date.String(), Reason: r.DueDecision().Reason.In(sess.tag)})
	}
	orders, err := s.orders(sess)
	if err != nil {
		return err
	}
	v.Orders = len(orders)
	if len(reqs) > 0 {
		plans, err := s.retention(sess, orders, true)
		if err != nil {
			return err
		}
		for _, p := range plans {
			pv := planView{Record: p.Record, Action: code(sess.lang, p.Action.String()), Kept: p.Action == privacy.Keep,
				Reason: p.Decision.Reason.In(sess.tag)}
			if !p.Until.IsZero() {
				pv.Until = p.Until.String()
			}
			var cites []string
			for _, c := range p.Decision.Citations {
				cites = append(cites, c.String())
			}
			if len(cites) > 0 {
				pv.Reason += " [" + strings.Join(cites, "; ") + "]"
			}
			v.Plans = append(v.Plans, pv)
		}
	}
	sess.render(http.StatusOK, "yourdata", tr(sess.lang, "your_data"), v)
	return nil
}

func (s *server) orders(sess *session) ([]orderDoc, error) {
	bodies, err := s.st.orders(sess.r.Context(), sess.sid)
	if err != nil {
		return nil, err
	}
	out := make([]orderDoc, 0, len(bodies))
	for _, b := range bodies {
		var d orderDoc
		if err := json.Unmarshal(b, &d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

func (s *server) requests(sess *session, subject string) ([]privacy.Request, error) {
	bodies, err := s.st.requests(sess.r.Context(), subject)
	if err != nil {
		return nil, err
	}
	out := make([]privacy.Request, 0, len(bodies))
	for _, b := range bodies {
		var r privacy.Request
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// retention plans the shopper's records: each order's contact data
// (contract), its invoice (bookkeeping, a legal obligation) and the
// consent records (proof of consent).
func (s *server) retention(sess *session, orders []orderDoc, erasure bool) ([]privacy.RetentionPlan, error) {
	var recs []privacy.InventoryRecord
	for _, o := range orders {
		issued := o.Invoice.Issued
		recs = append(recs,
			privacy.InventoryRecord{ID: "order " + o.Order.Number, Category: "user.contact", Purpose: "essential.service",
				Basis: privacy.Contract, Created: issued},
			privacy.InventoryRecord{ID: "invoice " + o.Invoice.Number, Category: "user.payment",
				Purpose: "essential.service.payment_processing", Basis: privacy.LegalObligation, Created: issued,
				YearEnd: contract.MustDate(issued.Year(), time.December, 31)})
	}
	if sess.ledger.Len() > 0 {
		first := contract.DateOf(sess.now)
		for e := range sess.ledger.All() {
			first = contract.DateOf(e.At.In(contract.Copenhagen()))
			break
		}
		recs = append(recs, privacy.InventoryRecord{ID: "consent records", Category: "user.device.cookie_id",
			Purpose: "essential.service.operations", Basis: privacy.LegalObligation, Created: first})
	}
	if len(recs) == 0 {
		return nil, nil
	}
	today := contract.DateOf(sess.now.In(contract.Copenhagen()))
	return privacy.PlanRetention(recs, privacy.RulesFromPolicy(s.policy), today, erasure)
}

// export is the download of the shopper's data as JSON, the subject
// hashed: the portability export (GDPR Art. 20) or the access copy (Art. 15).
func (s *server) export(sess *session) error {
	orders, err := s.orders(sess)
	if err != nil {
		return err
	}
	var items []privacy.ExportItem
	for _, o := range orders {
		items = append(items, privacy.ExportItem{Category: "user.contact", Purpose: "essential.service",
			Value: map[string]any{"order": o.Order.Number, "name": o.Invoice.Buyer.Name, "address": o.Invoice.Buyer.Address,
				"email": o.Email, "lines": o.Order.Lines}},
			// The invoice as the shop keeps it: pimkit's billing.Invoice,
			// whose validate tags the export checks.
			privacy.ExportItem{Category: "user.payment", Purpose: "essential.service.payment_processing",
				Value: o.Invoice})
	}
	// The consent events without the session reference, which the export
	// names only hashed.
	type consentItem struct {
		At      time.Time             `json:"at"`
		Purpose privacy.DataUse       `json:"purpose"`
		Action  privacy.ConsentAction `json:"action"`
		Method  privacy.Method        `json:"method"`
		Policy  contract.Date         `json:"policy,omitzero"`
		Notice  privacy.NoticeHash    `json:"notice,omitzero"`
		Source  string                `json:"source,omitempty"`
	}
	var consents []consentItem
	for e := range sess.ledger.All() {
		consents = append(consents, consentItem{At: e.At, Purpose: e.Purpose, Action: e.Action, Method: e.Method,
			Policy: e.Policy, Notice: e.Notice, Source: e.Source})
	}
	if len(consents) > 0 {
		items = append(items, privacy.ExportItem{Category: "user.device.cookie_id", Purpose: privacy.UseAnalytics, Value: consents})
	}
	// ?kind=access is the copy of all data (Art. 15); the default is the
	// portability export (Art. 20), which leaves out what is processed
	// on neither consent nor contract (the invoice, kept by law).
	kind, name := privacy.Portability, "nordlys-portability.json"
	switch sess.r.URL.Query().Get("kind") {
	case "", "portability":
	case "access":
		kind, name = privacy.Access, "nordlys-access.json"
	default:
		sess.fail(http.StatusBadRequest, "err_form")
		return nil
	}
	x, err := privacy.NewSubjectExport(s.policy, kind, privacy.HashSubject(sess.sid, s.key), sess.now, items)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := x.WriteJSON(&b); err != nil {
		return err
	}
	sess.download(name, b.Bytes())
	return nil
}

func (sess *session) download(name string, b []byte) {
	sess.cookies()
	h := sess.w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	sess.w.Write(b)
}

// receipt is the consent receipt (Kantara v1.1 with pimkit's evidence):
// the proof of every consent event of the shopper.
func (s *server) receipt(sess *session) error {
	if sess.ledger.Len() == 0 {
		sess.fail(http.StatusNotFound, "err_no_consent")
		return nil
	}
	rc, err := sess.ledger.Receipt(sess.sid, sess.now, privacy.ReceiptInfo{Controller: seller,
		Contact: s.policy.Contact, Jurisdiction: "DK", PolicyURL: s.base + "/" + sess.lang + "/your-data",
		Language: sess.lang, Service: s.policy.Name, SubjectKey: s.key, Policy: s.policy})
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := rc.WriteJSON(&b); err != nil {
		return err
	}
	sess.download("nordlys-consent-receipt.json", b.Bytes())
	return nil
}

// erase receives an erasure request (GDPR Art. 17) with its deadline (Art.
// 12(3), counted by pimkit over Danish holidays).
func (s *server) erase(sess *session) error {
	today := contract.DateOf(sess.now.In(contract.Copenhagen()))
	req, _, err := privacy.ReceiveRequest(s.policy.Counter, privacy.Erasure, today)
	if err != nil {
		return err
	}
	b, err := json.Marshal(req)
	if err != nil {
		return err
	}
	if err := s.st.addRequest(sess.r.Context(), sess.sid, b); err != nil {
		return err
	}
	sess.redirect("/your-data")
	return nil
}

type adminView struct {
	Month       string
	Decision    string
	Downtime    string
	Agreed      string
	Budget      string
	SVG         template.HTML
	Windows     []string
	Obligations []obligationView
	Next        string
	Consents    int
}

// admin is the shop owner's page: last month's SLA report of the
// OpenDIMS service the shop runs on, with the uptime bar, and the
// obligations calendar across the shop's own agreement, its customers'
// withdrawals and their data-subject requests.
func (s *server) admin(sess *session) error {
	cph := contract.Copenhagen()
	now := sess.now.In(cph)
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, cph).AddDate(0, -1, 0) // a calendar month, not a legal period
	p := sla.PolicyFor(s.agreement.Terms)
	span, err := p.Month(first.Year(), first.Month())
	if err != nil {
		return err
	}
	at := func(day, hour, min int) time.Time {
		return time.Date(first.Year(), first.Month(), day, hour, min, 0, 0, cph)
	}
	// Demo incidents of last month: an outage, and a service window
	// notified in time.
	r, err := sla.NewReport(p, span, sla.Input{
		Outages: []sla.Outage{
			{Component: "api", Cause: "database failover", Start: at(10, 14, 2), End: at(10, 14, 21)},
			{Component: "web", Cause: "maintenance", Start: at(15, 2, 0), End: at(15, 3, 10)},
		},
		Windows: []sla.Window{{ID: "planned", Kind: sla.Planned, Notified: at(8, 9, 0), Start: at(15, 2, 0), End: at(15, 3, 0)}},
	})
	if err != nil {
		return err
	}
	var svg bytes.Buffer
	if err := sla.WriteSVG(&svg, r, sla.SVGOptions{BarWidth: 8}); err != nil {
		return err
	}
	v := adminView{Month: first.Format("2006-01"), Decision: r.Decision.Reason.In(sess.tag),
		Downtime: r.Availability.Downtime.Std().String(), Agreed: r.Availability.Agreed.Std().String(),
		Budget: r.Budget.Remaining.Std().String(), SVG: template.HTML(svg.String())}
	for _, w := range r.Windows {
		v.Windows = append(v.Windows, w.Window.ID+": "+w.Decision.Reason.In(sess.tag))
	}
	lists, err := s.obligations(sess)
	if err != nil {
		return err
	}
	sched := contract.NewSchedule(sess.now, lists...)
	v.Obligations = obligationViews(sched.Obligations, sess)
	for i, o := range sched.Obligations {
		v.Obligations[i].Party = partyName(o, sess.lang)
	}
	if !sched.Next.IsZero() {
		v.Next = sched.Next.In(cph).Format("2006-01-02 15:04")
	}
	if v.Consents, err = s.st.countConsent(sess.r.Context()); err != nil {
		return err
	}
	sess.render(http.StatusOK, "admin", tr(sess.lang, "admin"), v)
	return nil
}

// obligations gathers the shop's dated duties and rights: its own
// agreement with OpenDIMS, the refunds owed after withdrawals, and the
// deadlines of data-subject requests.
func (s *server) obligations(sess *session) ([][]contract.Obligation, error) {
	own, err := s.agreement.Obligations(nil, sess.now)
	if err != nil {
		return nil, err
	}
	lists := [][]contract.Obligation{own}
	ws, err := s.st.withdrawals(sess.r.Context())
	if err != nil {
		return nil, err
	}
	for _, b := range ws {
		var w withdrawalDoc
		if err := json.Unmarshal(b, &w); err != nil {
			return nil, err
		}
		lists = append(lists, w.Sale.Obligations(s.policy.Counter, contract.Copenhagen(), w.On))
	}
	reqs, err := s.requests(sess, "")
	if err != nil {
		return nil, err
	}
	for _, r := range reqs {
		o, err := r.Obligation(contract.Copenhagen())
		if err != nil {
			return nil, err
		}
		lists = append(lists, []contract.Obligation{o})
	}
	return lists, nil
}

type activityView struct {
	Name, Purpose, Basis, Recipients, Retention string
}

// privacyPage is the shop's privacy policy, rendered from the policy as
// data, in the order its Statements give.
func (s *server) privacyPage(sess *session) error {
	var acts []activityView
	for _, a := range s.policy.Activities {
		var rs []string
		for _, r := range a.Recipients {
			rs = append(rs, r.Name)
		}
		acts = append(acts, activityView{Name: a.Name, Purpose: string(a.Purpose), Basis: a.Basis.String(),
			Recipients: strings.Join(rs, ", "), Retention: a.Retention.String()})
	}
	var rights []string
	for _, r := range s.policy.Rights {
		rights = append(rights, code(sess.lang, r.String())+" ("+r.Citation().String()+")")
	}
	sess.render(http.StatusOK, "privacy", tr(sess.lang, "privacy"), struct {
		Controller contract.Party
		Contact    string
		Effective  string
		Activities []activityView
		Rights     []string
	}{seller, s.policy.Contact, s.policy.Effective.String(), acts, rights})
	return nil
}

// peppolSettings is how the shop is paid by Peppol invoices: a SEPA credit
// transfer (code 58) to its account.
var peppolSettings = peppol.Settings{PaymentMeans: []peppol.PaymentMeans{{Code: "58",
	Account: peppol.FinancialAccount{ID: "DK5000400440116243", Name: seller.Name}}}}

// peppolInvoice is the invoice of a business customer (a buyer with a CVR
// number) as a Peppol BIS Billing 3.0 UBL file, for its accounts system
// or NemHandel; a consumer has none.
func (s *server) peppolInvoice(sess *session) error {
	d, ok, err := s.loadOrder(sess)
	if !ok || err != nil {
		return err
	}
	if d.Invoice.Buyer.CVR == "" {
		sess.fail(http.StatusNotFound, "err_no_peppol")
		return nil
	}
	doc, err := peppol.FromInvoice(d.Invoice, peppolSettings)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := peppol.Write(&b, doc); err != nil {
		return err
	}
	sess.cookies()
	h := sess.w.Header()
	h.Set("Content-Type", "application/xml; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+d.Invoice.Number+`.xml"`)
	h.Set("Cache-Control", "no-store")
	sess.w.Write(b.Bytes())
	return nil
}

// partyName names the party of an obligation on the admin page. Under
// the OpenDIMS terms and the GDPR the shop is the customer (of OpenDIMS;
// the controller of its shoppers' data) and OpenDIMS the provider; in a
// consumer sale (Directive 2011/83/EU) the shopper is the customer and
// the shop the provider.
func partyName(o contract.Obligation, lang string) string {
	sale := strings.HasPrefix(o.Rule, "Directive 2011/83/EU")
	switch {
	case o.Party == contract.CustomerSide && sale:
		return tr(lang, "party_shopper")
	case o.Party == contract.ProviderSide && !sale:
		return "OpenDIMS"
	}
	return seller.Name
}
