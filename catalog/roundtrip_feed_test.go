package catalog

import "maps"

// feedSamples returns one fully populated sample of every value type of
// the identifier, query, feed, consumer-price and safety files, for
// TestRoundTrip.
func feedSamples() []any {
	return []any{
		Coupon,
	}
}

// withFeedNotValues adds the non-value types of those files, with the
// reason, to m.
func withFeedNotValues(m map[string]string) map[string]string {
	maps.Copy(m, map[string]string{})
	return m
}
