package privacy

// tcfUses maps the IAB TCF v2.2 purposes 1-11 onto fideslang data uses.
var tcfUses = [...]DataUse{
	1:  "functional.storage",                           // Store and/or access information on a device
	2:  "marketing.advertising.first_party.contextual", // Use limited data to select advertising
	3:  "marketing.advertising.profiling",              // Create profiles for personalised advertising
	4:  UseTargetedAds,                                 // Use profiles to select personalised advertising
	5:  "personalize.content",                          // Create profiles to personalise content
	6:  "personalize.content",                          // Use profiles to select personalised content
	7:  "analytics.reporting.ad_performance",           // Measure advertising performance
	8:  "analytics.reporting.content_performance",      // Measure content performance
	9:  "analytics.reporting",                          // Understand audiences through statistics
	10: "functional.service.improve",                   // Develop and improve services
	11: "personalize.system",                           // Use limited data to select content
}

// TCFPurposeUse returns the data use pimkit maps IAB TCF v2.2 purpose n
// (1-11) onto, for recording a TC string in the ledger with
// [SignalEvents]:
//
//	1 functional.storage                          7 analytics.reporting.ad_performance
//	2 marketing.advertising.first_party.contextual 8 analytics.reporting.content_performance
//	3 marketing.advertising.profiling             9 analytics.reporting
//	4 marketing.advertising.third_party.targeted 10 functional.service.improve
//	5 personalize.content                        11 personalize.system
//	6 personalize.content
//
// Purposes 5 and 6 share a use: when a string consents to one and not the
// other, the withdrawal wins at the same instant. ok is false outside
// 1-11.
func TCFPurposeUse(n int) (DataUse, bool) {
	if n < 1 || n >= len(tcfUses) {
		return "", false
	}
	return tcfUses[n], true
}

// TCFChoices turns a TC string's purpose consents (consents[0] is purpose
// 1) into signal choices, one per purpose 1-11 present, in purpose order.
// Entries beyond purpose 11 are ignored.
func TCFChoices(consents []bool) []SignalChoice {
	var out []SignalChoice
	for i, ok := range consents {
		u, known := TCFPurposeUse(i + 1)
		if !known {
			break
		}
		out = append(out, SignalChoice{Purpose: u, Granted: ok})
	}
	return out
}
