package billing

import "github.com/pimkit/pimkit/contract"

// DayCount is how part-months count when a rate per month is applied to
// days: the policy of terms 12.3's "2 % per month". For 10,000.00 due
// 2025-03-01 and paid 2025-04-15:
//
//	Thirty360        44 days of 30-day months -> 293.33
//	ActualOver30     45 actual days / 30      -> 300.00
//	PerStartedMonth  2 months started         -> 400.00
//
// Statutory interest, a rate per year, counts by the same policy:
// Thirty360 takes 30E/360 days of a 360-day year (the custom of Danish
// interest calculators), the other two actual days of a 365-day year.
//
// The zero DayCount is Thirty360, the Danish custom.
type DayCount uint8

const (
	// Thirty360 counts every month as 30 days and the year as 360, by the
	// European 30E/360 rule: a 31st counts as the 30th, so 2025-03-01 to
	// 2025-04-15 is 44 days, and 28 February to 1 March is 3 days. It is
	// the customary basis of Danish interest calculations.
	Thirty360 DayCount = iota
	// ActualOver30 counts actual calendar days and divides by 30: 45 days
	// are 1.5 months.
	ActualOver30
	// PerStartedMonth charges the full monthly rate for every month
	// started, counted from the due date by the calendar (2025-03-01 +
	// P1M = 2025-04-01, so 2025-04-02 starts the second month), on the
	// principal outstanding when that month starts.
	PerStartedMonth
)

// days30 returns the 30E/360 day number of d: differences of two day
// numbers are 30E/360 day counts, so counts add up across periods.
func days30(d contract.Date) int64 {
	y, m, dd := d.Date()
	return int64(y)*360 + int64(m)*30 + int64(min(dd, 30))
}
