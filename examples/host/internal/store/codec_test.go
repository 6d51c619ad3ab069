package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"

	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/examples/host/internal/storetest"
)

// exact compares decimals by coefficient and exponent (12.50 is not 12.5)
// and instants by instant, location name and zone in force (an instant in
// Europe/Copenhagen is not the same instant in UTC).
var exact = cmp.Options{
	cmp.Comparer(func(a, b decimal.Decimal) bool {
		return a.Exponent() == b.Exponent() && a.Coefficient().Cmp(b.Coefficient()) == 0
	}),
	cmp.Comparer(func(a, b time.Time) bool {
		an, ao := a.Zone()
		bn, bo := b.Zone()
		return a.Equal(b) && a.Location().String() == b.Location().String() && an == bn && ao == bo
	}),
	cmp.Comparer(func(a, b currency.Unit) bool { return a == b }),
	cmp.Comparer(func(a, b contract.Date) bool { return a == b }),
}

// probe holds one value of every type the stores write.
type probe struct {
	Amount   decimal.Decimal
	At       time.Time
	On       contract.Date
	Period   contract.Period
	Currency currency.Unit
	Duration time.Duration
	Text     string
}

func mustLoad(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestRoundTripEveryValueType(t *testing.T) {
	cph := mustLoad(t, "Europe/Copenhagen")
	ny := mustLoad(t, "America/New_York")
	rows := []struct {
		name string
		v    probe
	}{
		{"zero values", probe{}},
		{"terms 12.3 invoice amount keeps two decimals", probe{
			Amount: decimal.RequireFromString("1250.00"), Currency: currency.DKK,
			At: time.Date(2026, 1, 31, 23, 59, 59, 999999999, cph), On: contract.MustDate(2026, 1, 31),
			Period: contract.Months(12), Duration: 72 * time.Hour, Text: "12-month payment period",
		}},
		{"terms 12.3 late interest rate keeps its scale", probe{
			Amount: decimal.RequireFromString("0.020"), Currency: currency.EUR,
			At: time.Date(2026, 7, 1, 12, 0, 0, 0, cph), On: contract.MustDate(2024, 2, 29),
			Period: contract.Period{Months: 1, Days: 10}, Duration: time.Hour,
		}},
		{"negative credit and a zone in summer time", probe{
			Amount: decimal.RequireFromString("-0.005"), Currency: currency.JPY,
			At: time.Date(2026, 3, 29, 3, 0, 0, 1, cph), On: contract.MustDate(1, 1, 2),
			Period: contract.Years(5), Duration: -time.Nanosecond,
		}},
		{"positive exponent stays 5e2", probe{Amount: decimal.New(5, 2), At: time.Unix(0, 0).UTC()}},
		{"more digits than float64 holds", probe{
			Amount: decimal.RequireFromString("123456789012345678901234567890.123456789012345678"),
			At:     time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), On: contract.MustDate(9999, 12, 31),
			Duration: time.Duration(1<<63 - 1),
		}},
		{"fixed offset from RFC 3339 text", probe{
			At: time.Date(2026, 1, 31, 12, 0, 0, 0, time.FixedZone("", 2*3600)),
		}},
		{"named fixed zone", probe{
			At: time.Date(2026, 1, 31, 12, 0, 0, 0, time.FixedZone("CET", 3600)),
		}},
		{"another loadable zone on the day DST ends", probe{
			At: time.Date(2026, 11, 1, 1, 30, 0, 0, ny),
		}},
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.Exec(ctx, `CREATE TABLE probe (
			name TEXT PRIMARY KEY, amount TEXT NOT NULL, at TEXT NOT NULL, zone TEXT NOT NULL,
			on_date TEXT NOT NULL, period TEXT NOT NULL, currency TEXT NOT NULL,
			duration BIGINT NOT NULL, note TEXT NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			v := row.v
			at, zone := store.EncodeInstant(v.At)
			if _, err := db.Exec(ctx, `INSERT INTO probe VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				row.name, store.EncodeDecimal(v.Amount), at, zone, store.EncodeDate(v.On),
				store.EncodePeriod(v.Period), store.EncodeCurrency(v.Currency), int64(v.Duration), v.Text); err != nil {
				t.Fatalf("%s: insert: %v", row.name, err)
			}
		}
		for _, row := range rows {
			var amount, at, zone, on, period, cur string
			var dur int64
			var got probe
			if err := db.QueryRow(ctx, `SELECT amount, at, zone, on_date, period, currency, duration, note FROM probe WHERE name = ?`,
				row.name).Scan(&amount, &at, &zone, &on, &period, &cur, &dur, &got.Text); err != nil {
				t.Fatalf("%s: select: %v", row.name, err)
			}
			var err error
			if got.Amount, err = store.DecodeDecimal(amount); err != nil {
				t.Fatal(err)
			}
			if got.At, err = store.DecodeInstant(at, zone); err != nil {
				t.Fatal(err)
			}
			if got.On, err = store.DecodeDate(on); err != nil {
				t.Fatal(err)
			}
			if got.Period, err = store.DecodePeriod(period); err != nil {
				t.Fatal(err)
			}
			if got.Currency, err = store.DecodeCurrency(cur); err != nil {
				t.Fatal(err)
			}
			got.Duration = time.Duration(dur)
			if diff := cmp.Diff(row.v, got, exact); diff != "" {
				t.Errorf("%s: round trip (-want +got):\n%s", row.name, diff)
			}
		}
		// Instants sort as text in the order they happened, whatever
		// their zone: 12:00+02:00 (10:00Z) is before 12:00 CET (11:00Z).
		var first string
		if err := db.QueryRow(ctx, `SELECT name FROM probe WHERE at > ? ORDER BY at LIMIT 1`,
			store.InstantUTC(time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC))).Scan(&first); err != nil {
			t.Fatal(err)
		}
		if want := "fixed offset from RFC 3339 text"; first != want {
			t.Errorf("first instant after 2026-01-31T00:00Z = %q, want %q", first, want)
		}
	})
}

func TestEncodeDecimalText(t *testing.T) {
	for _, row := range []struct {
		name, in, want string
	}{
		{"trailing zeros kept", "12.50", "12.50"},
		{"integer", "42", "42"},
		{"negative fraction", "-0.005", "-0.005"},
		{"zero with scale", "0.00", "0.00"},
		{"exponent notation input", "1.2e3", "12e2"},
	} {
		t.Run(row.name, func(t *testing.T) {
			d, err := decimal.NewFromString(row.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := store.EncodeDecimal(d); got != row.want {
				t.Errorf("EncodeDecimal(%s) = %q, want %q", row.in, got, row.want)
			}
		})
	}
}

func TestDecodeRejectsDamagedValues(t *testing.T) {
	for _, row := range []struct {
		name string
		f    func() error
	}{
		{"decimal with a space", func() error { _, err := store.DecodeDecimal("1 000"); return err }},
		{"empty decimal", func() error { _, err := store.DecodeDecimal(""); return err }},
		{"instant not fixed width", func() error { _, err := store.DecodeInstant("2026-01-31T00:00:00Z", "UTC"); return err }},
		{"unknown zone", func() error {
			_, err := store.DecodeInstant("2026-01-31T00:00:00.000000000Z", "Mars/Olympus")
			return err
		}},
		{"fixed zone with a bad offset", func() error {
			_, err := store.DecodeInstant("2026-01-31T00:00:00.000000000Z", "fixed 99999999 X")
			return err
		}},
		{"date not ISO", func() error { _, err := store.DecodeDate("31/01/2026"); return err }},
		{"period with hours", func() error { _, err := store.DecodePeriod("PT48H"); return err }},
		{"currency not ISO 4217", func() error { _, err := store.DecodeCurrency("KRONER"); return err }},
	} {
		t.Run(row.name, func(t *testing.T) {
			if err := row.f(); !errorsIs(err, store.ErrBadValue) {
				t.Errorf("error = %v, want ErrBadValue", err)
			}
		})
	}
}

func FuzzDecimalRoundTrip(f *testing.F) {
	for _, s := range []string{"0", "12.50", "-0.005", "5e2", "123456789012345678901234567890.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := store.DecodeDecimal(s)
		if err != nil {
			return
		}
		text := store.EncodeDecimal(d)
		back, err := store.DecodeDecimal(text)
		if err != nil {
			t.Fatalf("DecodeDecimal(EncodeDecimal(%q) = %q) = %v", s, text, err)
		}
		if !cmp.Equal(d, back, exact) {
			t.Fatalf("round trip of %q: %s (exp %d) became %s (exp %d)", s, d, d.Exponent(), back, back.Exponent())
		}
	})
}

func FuzzInstantRoundTrip(f *testing.F) {
	f.Add(int64(1769900000), int64(5), 7200, "")
	f.Add(int64(0), int64(0), 0, "UTC")
	f.Fuzz(func(t *testing.T, sec, nsec int64, off int, name string) {
		if off < -18*3600 || off > 18*3600 || sec < -62135596800 || sec > 253402300799 {
			return
		}
		in := time.Unix(sec, nsec%1e9).In(time.FixedZone(name, off))
		at, zone := store.EncodeInstant(in)
		back, err := store.DecodeInstant(at, zone)
		if err != nil {
			t.Fatalf("DecodeInstant(EncodeInstant(%v)) = %v", in, err)
		}
		if !cmp.Equal(in, back, exact) {
			t.Fatalf("round trip of %v became %v", in, back)
		}
	})
}

func FuzzDecodeInstant(f *testing.F) {
	f.Add("2026-01-31T23:00:00.000000000Z", "Europe/Copenhagen")
	f.Add("2026-01-31T23:00:00.000000000Z", "fixed 3600 CET")
	f.Add("0001-01-01T00:00:00.000000000Z", "UTC")
	f.Add("2026-01-31T23:00:00Z", "fixed x")
	f.Fuzz(func(t *testing.T, at, zone string) {
		got, err := store.DecodeInstant(at, zone)
		if err != nil {
			if !errorsIs(err, store.ErrBadValue) {
				t.Fatalf("DecodeInstant(%q, %q) = %v, want ErrBadValue", at, zone, err)
			}
			return
		}
		a2, z2 := store.EncodeInstant(got)
		back, err := store.DecodeInstant(a2, z2)
		if err != nil || !cmp.Equal(got, back, exact) {
			t.Fatalf("re-encoding %v: %q %q gave %v, %v", got, a2, z2, back, err)
		}
	})
}

func FuzzDecodeCitations(f *testing.F) {
	f.Add("terms\t12.3\nGDPR\tArt. 12(3)")
	f.Add("no tab")
	f.Fuzz(func(t *testing.T, s string) {
		cs, err := store.DecodeCitations(s)
		if err != nil {
			return
		}
		if back := store.EncodeCitations(cs); back != s {
			t.Fatalf("EncodeCitations(DecodeCitations(%q)) = %q", s, back)
		}
	})
}
