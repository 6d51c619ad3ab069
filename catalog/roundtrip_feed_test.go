package catalog

import (
	"maps"
	"time"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// sampleFilter is a Filter with every field set.
func sampleFilter() Filter {
	return Filter{Field: "weight", Operator: OpGreaterOrEqual, Locale: daDK, Scope: "ecommerce", Locales: []contract.Locale{daDK, enGB},
		Texts: []string{"a"}, Number: cd("2.5"), Unit: "GRAM", Currency: contract.CurrencyOf(currency.EUR), Bool: true,
		Times: []time.Time{time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)},
		Dates: []contract.Date{contract.MustDate(2026, 11, 1)}}
}

// feedSamples returns one fully populated sample of every value type of
// the identifier, query, feed, consumer-price and safety files, for
// TestRoundTrip.
func feedSamples() []any {
	tree, err := NewTree(CategoryNode{Code: "master"}, CategoryNode{Code: "shoes", Parent: "master"})
	if err != nil {
		panic(err)
	}
	return []any{
		Coupon,
		OpNotIn,
		sampleFilter(),
		Query{Filters: []Filter{sampleFilter()}},
		SearchOptions{Locale: enGB, Scope: "ecommerce", Zone: contract.ZoneUTC},
		ConsumerPrice{Country: "DE", On: contract.MustDate(2026, 1, 1), Rate: cd("0.19"), Net: contract.MustParseMoney("100.00", currency.EUR),
			VAT: contract.MustParseMoney("19.00", currency.EUR), Gross: contract.MustParseMoney("119.00", currency.EUR)},
		PricePoint{From: contract.MustDate(2026, 11, 1), Price: contract.MustParseMoney("199.00", currency.DKK)},
		PriceHistory{Points: []PricePoint{{From: contract.MustDate(2026, 11, 1), Price: contract.MustParseMoney("199.00", currency.DKK)}}},
		DefaultFeedMapping(),
		FeedAttribute{Name: "title", Value: "Krus"},
		FeedItem{ID: "MUG-1", Attributes: []FeedAttribute{{Name: "title", Value: "Krus"}}},
		FeedIssue{ID: "MUG-2", Item: "products[1]", Problems: []contract.Problem{{Path: "description", Rule: "required", Param: "x", Message: "m"}}},
		FeedReport{Written: 1, Excluded: []FeedIssue{{ID: "A", Item: "products[0]", Problems: []contract.Problem{{Path: "title", Rule: "length", Param: "150"}}}},
			Warnings: []FeedIssue{{ID: "B", Item: "products[1]", Problems: []contract.Problem{{Path: "additional_image_link", Rule: "max_items", Param: "10"}}}}},
		QueryContext{At: time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC), Tree: tree, Models: map[string]string{"sub": "root"},
			Families: map[string]Family{"mugs": {Code: "mugs", Labels: Labels{{daDK, "Krus"}}, Attributes: []string{"title"},
				Requirements: map[string][]string{"ecommerce": {"title"}}}}},
	}
}

// withFeedNotValues adds the non-value types of those files, with the
// reason, to m.
func withFeedNotValues(m map[string]string) map[string]string {
	maps.Copy(m, map[string]string{
		"Matcher":     "a query compiled against a schema, a service; store its Query",
		"Feed":        "a feed writer bound to a compiled schema, a service; store its FeedOptions' values",
		"FeedOptions": "holds the host's functions (ItemLink, ImageURL, Availability)",
	})
	return m
}
