// Command host is pimkit's reference host: a small program that stores
// pimkit's values in SQLite (a file, created on first run) or PostgreSQL,
// and runs the month-end jobs of a PIM SaaS on the OpenDIMS terms.
//
//	host [-db FILE | -pg DSN] COMMAND [flags] [args]
//
// Run "host help" for the commands. See README.md.
package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/examples/host/internal/app"
	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/privacy"
	"github.com/pimkit/pimkit/sla"
	"golang.org/x/text/language"
)

// EnvPostgres names the environment variable a PostgreSQL DSN may come
// from instead of the -pg flag.
const EnvPostgres = "PIMKIT_PG_DSN"

// EnvLedgerKey names the environment variable the ledger key file's path
// may come from instead of the -ledger-key flag.
const EnvLedgerKey = "PIMKIT_LEDGER_KEY"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr, time.Now, os.Getenv))
}

// beforeCommit, set only by this program's tests, runs inside each unit
// of work of a long run before it commits; the kill test uses it to kill
// the process with SIGKILL in the middle of a transaction.
var beforeCommit func(key string) error

type command struct {
	args, help string
	run        func(ctx context.Context, a *app.App, fs *flag.FlagSet, args []string) error
	// setup defines the command's flags; nil for none.
	setup func(fs *flag.FlagSet)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, now func() time.Time, getenv func(string) string) int {
	global := flag.NewFlagSet("host", flag.ContinueOnError)
	global.SetOutput(unquoting{stderr})
	dbPath := global.String("db", "pimkit.db", "SQLite database `file`, created on first run")
	pgDSN := global.String("pg", getenv(EnvPostgres), "PostgreSQL `dsn` (postgres://user@host/db); overrides -db; default $"+EnvPostgres)
	keyPath := global.String("ledger-key", or(getenv(EnvLedgerKey), "pimkit-ledger.key"),
		"`file` with the consent ledger's key, created by init; its signed head is kept in FILE.head; default $"+EnvLedgerKey)
	global.Usage = func() { usage(stderr, global) }
	if err := global.Parse(args); err != nil {
		return 2
	}
	if global.NArg() == 0 {
		usage(stderr, global)
		return 2
	}
	name, rest := global.Arg(0), global.Args()[1:]
	if name == "help" || name == "-h" {
		usage(stdout, global)
		return 0
	}
	cmd, ok := commands()[name]
	if !ok {
		fmt.Fprintf(stderr, "host: unknown command %q\n", name)
		usage(stderr, global)
		return 2
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(unquoting{stderr})
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: host %s %s\n  %s\n", name, cmd.args, cmd.help)
		fs.PrintDefaults()
	}
	if cmd.setup != nil {
		cmd.setup(fs)
	}
	if err := fs.Parse(rest); err != nil {
		return 2
	}

	var db *store.DB
	var err error
	if *pgDSN != "" {
		db, err = store.OpenPostgres(*pgDSN)
	} else {
		db, err = store.OpenSQLite(*dbPath)
	}
	if err != nil {
		fmt.Fprintln(stderr, "host:", redact(err.Error(), global))
		return 1
	}
	defer db.Close()
	a, err := app.New(db, now, stdout, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "host:", err)
		return 1
	}
	if name != "init" {
		if v, err := db.SchemaVersion(ctx); err != nil || v != store.LatestVersion() {
			fmt.Fprintf(stderr, "host: the database at %s is not initialised or not up to date; run \"host init\" first\n", db.Where())
			return 1
		}
	}
	switch name {
	case "init", "consent", "consent-proof":
		key, err := store.LoadLedgerKey(*keyPath, name == "init")
		if err != nil {
			fmt.Fprintln(stderr, "host:", redact(err.Error(), global))
			return 1
		}
		a.LedgerKey, a.Heads = key, store.HeadFile{Path: *keyPath + ".head"}
	}
	if beforeCommit != nil {
		a.SetBeforeCommit(beforeCommit)
	}
	if err := cmd.run(ctx, a, fs, fs.Args()); err != nil {
		fmt.Fprintf(stderr, "host %s: %s\n", name, redact(err.Error(), global, fs))
		return 1
	}
	return 0
}

// unquoting writes the flag package's messages without the value of a
// flag it could not parse ("invalid value "..." for flag -n").
type unquoting struct{ w io.Writer }

var invalidValue = regexp.MustCompile(`invalid value ".*?" for flag`)

func (u unquoting) Write(p []byte) (int, error) {
	if _, err := u.w.Write(invalidValue.ReplaceAll(p, []byte("invalid value for flag"))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// redact removes from an error message every value given on the command
// line -- flag values and the command's arguments -- naming the flag
// instead: a message must not carry a customer's ID, a subject's reference
// or anything else typed in (personal data), whatever layer wrote it. A
// value is replaced where it stands as a word of its own (so "2026-02"
// stays inside the date "2026-02-28"); values of one character are left
// alone.
func redact(msg string, global *flag.FlagSet, cmd ...*flag.FlagSet) string {
	type value struct{ v, name string }
	var vals []value
	for _, fs := range append([]*flag.FlagSet{global}, cmd...) {
		fs.Visit(func(f *flag.Flag) {
			vals = append(vals, value{f.Value.String(), "-" + f.Name})
		})
	}
	for _, fs := range cmd {
		for _, a := range fs.Args() {
			vals = append(vals, value{a, "argument"})
		}
	}
	// Longest first, so a value inside another is not replaced first.
	sort.SliceStable(vals, func(i, j int) bool { return len(vals[i].v) > len(vals[j].v) })
	for _, v := range vals {
		if len(v.v) < 2 {
			continue
		}
		msg = replaceWord(msg, strconv.Quote(v.v), "["+v.name+"]")
		msg = replaceWord(msg, v.v, "["+v.name+"]")
	}
	return msg
}

// replaceWord replaces old in s by new where old is not part of a longer
// word (letters, digits, '-', '_', '.').
func replaceWord(s, old, new string) string {
	word := func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.'
	}
	var b strings.Builder
	for {
		i := strings.Index(s, old)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := i + len(old)
		if (i > 0 && word(s[i-1]) && word(old[0])) || (end < len(s) && word(s[end]) && word(old[len(old)-1])) {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteString(new)
		s = s[end:]
	}
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func usage(w io.Writer, global *flag.FlagSet) {
	fmt.Fprintln(w, "usage: host [-db FILE | -pg DSN] [-ledger-key FILE] COMMAND [flags] [args]")
	global.SetOutput(w)
	global.PrintDefaults()
	fmt.Fprintln(w, "commands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := cmds[n]
		fmt.Fprintf(w, "  %-16s %s\n  %-16s   %s\n", n, c.args, "", c.help)
	}
	fmt.Fprintln(w, `run "host COMMAND -h" for a command's flags`)
}

// flags the commands share.
var (
	fMonth, fSVG, fLocale, fComma, fOn, fAt                                        *string
	fCustomer, fName, fCVR, fVATID, fAddress, fCountry, fKind, fPlan, fStart, fRef *string
	fInvoice, fAmount, fEvent, fMemo, fID, fFrom, fTo, fComponent, fCause, fImpact *string
	fNotified, fSubject, fPurpose, fAction, fMethod, fNotice, fPolicy, fSource     *string
	fReasons                                                                       *string
	fN                                                                             *int64
)

func commands() map[string]command {
	return map[string]command{
		"init": {help: "create or migrate the database and store the default plans", run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
			return a.Init(ctx)
		}},
		"status": {help: "show the schema version and how many rows each store holds", run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
			return a.Status(ctx)
		}},
		"import-products": {args: "[-locale da-DK] [-comma ;] FILE.csv", help: "import products from CSV; rows for existing SKUs must carry the version they were exported at",
			setup: csvFlags,
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, args []string) error {
				if len(args) != 1 {
					return errors.New("want one CSV file")
				}
				opts, err := csvOptions()
				if err != nil {
					return err
				}
				f, err := os.Open(args[0])
				if err != nil {
					return err
				}
				defer f.Close()
				res, err := a.ImportProducts(ctx, f, opts)
				if err == nil && (res.Conflicts > 0 || res.Invalid > 0) {
					return fmt.Errorf("%d conflicts and %d invalid rows were not stored", res.Conflicts, res.Invalid)
				}
				return err
			}},
		"export-products": {args: "[-locale da-DK] [-comma ;] [FILE.csv]", help: "export every product as CSV with its current version (to standard output without FILE)",
			setup: csvFlags,
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, args []string) error {
				opts, err := csvOptions()
				if err != nil {
					return err
				}
				if len(args) == 0 {
					return a.ExportProducts(ctx, a.Out, opts)
				}
				f, err := os.Create(args[0])
				if err != nil {
					return err
				}
				if err := a.ExportProducts(ctx, f, opts); err != nil {
					f.Close()
					return err
				}
				return f.Close()
			}},
		"subscribe": {args: "-customer ID -name NAME -plan PLAN -start DATE [-cvr] [-vat-id] [-country DK] [-kind business] SUBSCRIPTION-ID",
			help: "store a customer and subscribe them to a plan from the day they accepted the terms",
			setup: func(fs *flag.FlagSet) {
				fCustomer = fs.String("customer", "", "customer `id`")
				fName = fs.String("name", "", "customer's legal name")
				fCVR = fs.String("cvr", "", "Danish CVR number")
				fVATID = fs.String("vat-id", "", "EU VAT number for reverse charge")
				fAddress = fs.String("address", "", "postal address")
				fCountry = fs.String("country", "DK", "ISO 3166 country code")
				fKind = fs.String("kind", "business", "business or consumer")
				fPlan = fs.String("plan", "basic-monthly", "plan `id` (see init)")
				fStart = fs.String("start", "", "`date` the terms were accepted, YYYY-MM-DD")
			},
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, args []string) error {
				if len(args) != 1 || *fCustomer == "" || *fName == "" {
					return errors.New("want -customer, -name and one SUBSCRIPTION-ID")
				}
				start, err := contract.ParseDate(*fStart)
				if err != nil {
					return err
				}
				var kind billing.CustomerKind
				if err := kind.UnmarshalText([]byte(*fKind)); err != nil {
					return err
				}
				cust := store.Customer{ID: *fCustomer, Kind: kind, Party: contract.Party{
					Name: *fName, CVR: *fCVR, VATID: *fVATID, Address: *fAddress, Country: *fCountry}}
				return a.Subscribe(ctx, cust, args[0], *fPlan, start)
			}},
		"pay": {args: "-invoice NUMBER -amount AMOUNT -on DATE [-ref BANK-REF]", help: "record a payment received against an invoice",
			setup: func(fs *flag.FlagSet) {
				fInvoice = fs.String("invoice", "", "invoice `number`")
				fAmount = fs.String("amount", "", "amount received, e.g. 311.25")
				fOn = fs.String("on", "", "`date` received, YYYY-MM-DD")
				fRef = fs.String("ref", "", "bank reference; the same reference is recorded once")
			},
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
				on, err := contract.ParseDate(*fOn)
				if err != nil {
					return err
				}
				amount, err := contract.ParseMoney(*fAmount, a.Terms.Currency.Unit())
				if err != nil {
					return errors.New("-amount is not an amount in the terms' currency (311.25)")
				}
				return a.Pay(ctx, *fInvoice, *fRef, on, amount)
			}},
		"bill": {args: "-month YYYY-MM", help: "month-end run: renewals, invoices, late interest, demands for payment; safe to run again",
			setup: func(fs *flag.FlagSet) { fMonth = fs.String("month", "", "month to bill, YYYY-MM") },
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
				_, err := a.Bill(ctx, *fMonth)
				return err
			}},
		"invoices": {help: "list invoices with what is paid and the demands sent", run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
			return a.Invoices(ctx)
		}},
		"credits": {args: "-account ID -kind grant|purchase|transfer -n N -event ID [-at TIME] [-memo TEXT]", help: "post to a customer's credit ledger; the same event ID and -at post once, other content under that ID is refused",
			setup: func(fs *flag.FlagSet) {
				fCustomer = fs.String("account", "", "credit account (customer) `id`")
				fKind = fs.String("kind", "", "entry kind: purchase, grant, transfer, expiry")
				fN = fs.Int64("n", 0, "number of credits (positive; the kind gives the sign)")
				fEvent = fs.String("event", "", "the event's `id` (idempotency key)")
				fAt = fs.String("at", "", "RFC 3339 instant; default now")
				fMemo = fs.String("memo", "", "note, no personal data")
			},
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
				at, err := instant(*fAt, a)
				if err != nil {
					return err
				}
				var kind billing.EntryKind
				if err := kind.UnmarshalText([]byte(*fKind)); err != nil {
					return err
				}
				return a.PostCredits(ctx, *fCustomer, *fEvent, at, kind, *fN, *fMemo)
			}},
		"outage": {args: "-id ID -from TIME [-to TIME] [-component api] [-cause deploy] [-impact unavailable]", help: "record an outage (store it again with -to to close it)",
			setup: func(fs *flag.FlagSet) {
				fID = fs.String("id", "", "incident `id`")
				fFrom = fs.String("from", "", "RFC 3339 start")
				fTo = fs.String("to", "", "RFC 3339 end; empty while open")
				fComponent = fs.String("component", "", "component label")
				fCause = fs.String("cause", "", "cause label")
				fImpact = fs.String("impact", "unavailable", "unavailable, partial or degraded")
			},
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
				o := sla.Outage{ID: *fID, Component: *fComponent, Cause: *fCause}
				if err := o.Impact.UnmarshalText([]byte(*fImpact)); err != nil {
					return err
				}
				var err error
				if o.Start, err = instant(*fFrom, a); err != nil {
					return err
				}
				if *fTo != "" {
					if o.End, err = instant(*fTo, a); err != nil {
						return err
					}
				}
				return a.RecordOutage(ctx, o)
			}},
		"window": {args: "-id ID -kind planned|emergency|force_majeure -notified TIME -from TIME -to TIME", help: "record a service window and when it was notified (terms 3.2)",
			setup: func(fs *flag.FlagSet) {
				fID = fs.String("id", "", "window `id`")
				fKind = fs.String("kind", "planned", "planned, emergency or force_majeure")
				fNotified = fs.String("notified", "", "RFC 3339 instant notice was given")
				fFrom = fs.String("from", "", "RFC 3339 start")
				fTo = fs.String("to", "", "RFC 3339 end")
			},
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
				w := sla.Window{ID: *fID}
				if err := w.Kind.UnmarshalText([]byte(*fKind)); err != nil {
					return err
				}
				var err error
				if *fNotified != "" {
					if w.Notified, err = instant(*fNotified, a); err != nil {
						return err
					}
				}
				if w.Start, err = instant(*fFrom, a); err != nil {
					return err
				}
				if w.End, err = instant(*fTo, a); err != nil {
					return err
				}
				return a.RecordWindow(ctx, w)
			}},
		"sla-report": {args: "-month YYYY-MM [-svg FILE.svg]", help: "availability of a month against terms 8.1, with the daily uptime bar as SVG",
			setup: func(fs *flag.FlagSet) {
				fMonth = fs.String("month", "", "month, YYYY-MM")
				fSVG = fs.String("svg", "", "write the uptime bar to this `file`")
			},
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
				if *fSVG == "" {
					_, err := a.SLAReport(ctx, *fMonth, nil)
					return err
				}
				f, err := os.Create(*fSVG)
				if err != nil {
					return err
				}
				if _, err := a.SLAReport(ctx, *fMonth, f); err != nil {
					f.Close()
					return err
				}
				if err := f.Close(); err != nil {
					return err
				}
				fmt.Fprintf(a.Out, "uptime bar written to %s\n", *fSVG)
				return nil
			}},
		"consent": {args: "-subject REF -purpose USE -action given|withdrawn [-method form] [-notice TEXT] [-policy DATE] [-at TIME]", help: "append a consent event to the hash-chained consent ledger",
			setup: func(fs *flag.FlagSet) {
				fSubject = fs.String("subject", "", "pseudonymous subject reference (a customer number, never an e-mail)")
				fPurpose = fs.String("purpose", "", "data use, e.g. marketing.communications.email")
				fAction = fs.String("action", "given", "given, withdrawn, expired or objected")
				fMethod = fs.String("method", "form", "banner, form, api, signal, link or contact")
				fNotice = fs.String("notice", "", "the exact notice text shown; its SHA-256 is stored")
				fPolicy = fs.String("policy", "", "effective date of the policy version in force")
				fSource = fs.String("source", "", "signal or channel, e.g. Sec-GPC")
				fAt = fs.String("at", "", "RFC 3339 instant; default now")
			},
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
				ev := privacy.ConsentEvent{Subject: *fSubject, Purpose: privacy.DataUse(*fPurpose), Source: *fSource}
				if err := ev.Action.UnmarshalText([]byte(*fAction)); err != nil {
					return err
				}
				if err := ev.Method.UnmarshalText([]byte(*fMethod)); err != nil {
					return err
				}
				if *fNotice != "" {
					ev.Notice = privacy.NoticeHash(sha256.Sum256([]byte(*fNotice)))
				}
				if *fPolicy != "" {
					p, err := contract.ParseDate(*fPolicy)
					if err != nil {
						return err
					}
					ev.Policy = p
				}
				var err error
				if ev.At, err = instant(*fAt, a); err != nil {
					return err
				}
				return a.RecordConsent(ctx, ev)
			}},
		"consent-proof": {args: "[-at TIME] [-anchor SEQ:HASH] SUBJECT", help: "verify the consent ledger's hash chain and show a subject's consent events and state",
			setup: func(fs *flag.FlagSet) {
				fAt = fs.String("at", "", "RFC 3339 instant of the state; default now")
				fRef = fs.String("anchor", "", "a head printed by an earlier proof, SEQ:HASH, that the ledger must still contain")
			},
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, args []string) error {
				if len(args) != 1 {
					return errors.New("want one SUBJECT")
				}
				at, err := instant(*fAt, a)
				if err != nil {
					return err
				}
				var anchor store.Head
				if *fRef != "" {
					seq, hash, ok := strings.Cut(*fRef, ":")
					n, err := strconv.ParseInt(seq, 10, 64)
					if !ok || err != nil || n < 1 || len(hash) != 64 {
						return errors.New("-anchor is not SEQ:HASH")
					}
					anchor = store.Head{Seq: n, Hash: hash}
				}
				_, err = a.ConsentProof(ctx, args[0], at, anchor)
				return err
			}},
		"product": {args: "SKU", help: "show a stored product and the versions it has had",
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, args []string) error {
				if len(args) != 1 {
					return errors.New("want one SKU")
				}
				return a.ShowProduct(ctx, args[0])
			}},
		"dsr-receive": {args: "-id ID -subject REF -kind access -received DATE", help: "record a data-subject request and its deadline (GDPR Art. 12(3))",
			setup: func(fs *flag.FlagSet) {
				fID = fs.String("id", "", "request `id`")
				fSubject = fs.String("subject", "", "pseudonymous subject reference")
				fKind = fs.String("kind", "access", "access, rectification, erasure, restriction, portability or objection")
				fOn = fs.String("received", "", "`date` received, YYYY-MM-DD")
			},
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
				var kind privacy.RequestKind
				if err := kind.UnmarshalText([]byte(*fKind)); err != nil {
					return err
				}
				on, err := contract.ParseDate(*fOn)
				if err != nil {
					return err
				}
				return a.ReceiveRequest(ctx, *fID, *fSubject, kind, on)
			}},
		"dsr-advance": {args: "-id ID -action start|complete|refuse|extend -on DATE [-reasons TEXT]", help: "move a data-subject request on",
			setup: func(fs *flag.FlagSet) {
				fID = fs.String("id", "", "request `id`")
				fAction = fs.String("action", "", "start, complete, refuse or extend")
				fOn = fs.String("on", "", "`date`, YYYY-MM-DD")
				fReasons = fs.String("reasons", "", "reasons for an extension or refusal, shown to the subject")
			},
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
				on, err := contract.ParseDate(*fOn)
				if err != nil {
					return err
				}
				return a.AdvanceRequest(ctx, *fID, *fAction, on, *fReasons)
			}},
		"dsr-due": {args: "[-on DATE]", help: "open data-subject requests and their deadlines",
			setup: func(fs *flag.FlagSet) { fOn = fs.String("on", "", "`date` to count from; default today") },
			run: func(ctx context.Context, a *app.App, _ *flag.FlagSet, _ []string) error {
				on := a.Today()
				if *fOn != "" {
					var err error
					if on, err = contract.ParseDate(*fOn); err != nil {
						return err
					}
				}
				_, err := a.DSRDue(ctx, on)
				return err
			}},
	}
}

func csvFlags(fs *flag.FlagSet) {
	fLocale = fs.String("locale", "", "number format of the file, e.g. da-DK (18,50); default plain 18.50")
	fComma = fs.String("comma", ",", "field separator")
}

func csvOptions() (catalog.CSVOptions, error) {
	var opts catalog.CSVOptions
	if *fLocale != "" {
		tag, err := language.Parse(*fLocale)
		if err != nil {
			return opts, errors.New("-locale is not a BCP 47 language tag (da-DK)")
		}
		opts.Locale = contract.LocaleOf(tag)
	}
	if r := []rune(*fComma); len(r) == 1 {
		opts.Comma = r[0]
	} else if *fComma != "" {
		return opts, errors.New("-comma is not one character")
	}
	return opts, nil
}

// instant parses an RFC 3339 instant, keeping its offset; "" is now in the
// host's zone.
func instant(s string, a *app.App) (time.Time, error) {
	if s == "" {
		return a.Now().In(a.Location), nil
	}
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, errors.New("an instant is not RFC 3339 (2026-01-31T14:00:00+01:00)")
	}
	return t, nil
}
