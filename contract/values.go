package contract

// BaseValues is the number of values the base system itself uses (1,200),
// counted on top of the customer's data when values usage is measured
// against a plan's capacity (terms 7.2, 12.1).
const BaseValues = 1200

// ValuesPart is one data type's share of values usage: its records times
// its fields.
type ValuesPart struct {
	Records int64 `json:"records"`
	Fields  int64 `json:"fields"`
}

// Values returns the values used: base plus records x fields of each part.
// 5,000 products x 48 fields and 1,000 orders x 30 fields with the 1,200
// base are 271,200 values. Negative counts count as zero, and the sum
// saturates at the largest int64 instead of overflowing. catalog counts the
// parts from the host's data and billing prices them; both count with this
// one function.
func Values(base int64, parts ...ValuesPart) int64 {
	total := max(base, 0)
	for _, p := range parts {
		r, f := max(p.Records, 0), max(p.Fields, 0)
		if f != 0 && r > (1<<62)/f {
			return 1<<63 - 1
		}
		total += r * f
		if total < 0 || total > 1<<62 {
			return 1<<63 - 1
		}
	}
	return total
}
