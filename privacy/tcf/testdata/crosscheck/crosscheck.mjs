// Cross-check of pimkit's privacy/tcf against the IAB Tech Lab's official
// TCF library, @iabtechlabtcf/core (version pinned in package-lock.json).
//
// Usage: node crosscheck.mjs IN.json OUT.json
//
// IN is an array of cases {model, goString}: a TC string model in the JSON
// shape below and pimkit's encoding of it. For each case this script
//   - encodes the model with the official library's SegmentEncoder, segment by
//     segment in the order the model lists. TCString.encode runs the same
//     SegmentEncoder after its SemanticPreEncoder, which needs a real Global
//     Vendor List: it takes the consent language from the list, drops
//     legitimate interest for purposes 1 and 3-6 and drops signals of vendors
//     the list does not declare. pimkit leaves that filtering to the host (and
//     rejects such legitimate interest), so the pre-encoder is left out; and
//   - decodes goString with TCString.decode and reports the model it found.
// OUT is an array of {jsString, jsModel, error}. The Go test compares.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  Base64Url, BitLength, IntEncoder, PurposeRestriction, SegmentEncoder,
  SegmentIDs, TCModel, TCString,
} from '@iabtechlabtcf/core';

// The restriction encoder asks the GVL which vendor IDs exist so that a range
// may span IDs missing from the list. A list holding every ID makes ranges
// exactly the runs of consecutive IDs, the encoding pimkit writes.
const everyVendor = { vendorIds: { has: (id) => id >= 1 && id <= 65535 } };

function build(m) {
  const tc = new TCModel();
  tc.created = new Date(m.created);
  tc.lastUpdated = new Date(m.lastUpdated);
  tc.cmpId = m.cmpId;
  tc.cmpVersion = m.cmpVersion;
  tc.consentScreen = m.consentScreen;
  tc.consentLanguage = m.consentLanguage;
  tc.vendorListVersion = m.vendorListVersion;
  tc.policyVersion = m.policyVersion;
  tc.isServiceSpecific = m.isServiceSpecific;
  tc.useNonStandardTexts = m.useNonStandardTexts;
  tc.specialFeatureOptins.set(m.specialFeatureOptins);
  tc.purposeConsents.set(m.purposeConsents);
  tc.purposeLegitimateInterests.set(m.purposeLegitimateInterests);
  tc.purposeOneTreatment = m.purposeOneTreatment;
  tc.publisherCountryCode = m.publisherCountryCode;
  tc.vendorConsents.set(m.vendorConsents);
  tc.vendorLegitimateInterests.set(m.vendorLegitimateInterests);
  tc.publisherRestrictions.gvl = everyVendor;
  for (const r of m.publisherRestrictions) {
    for (const v of r.vendors) {
      tc.publisherRestrictions.add(v, new PurposeRestriction(r.purposeId, r.restrictionType));
    }
  }
  tc.vendorsDisclosed.set(m.vendorsDisclosed);
  tc.vendorsAllowed.set(m.vendorsAllowed);
  tc.publisherConsents.set(m.publisherConsents);
  tc.publisherLegitimateInterests.set(m.publisherLegitimateInterests);
  tc.numCustomPurposes = m.numCustomPurposes;
  tc.publisherCustomConsents.set(m.publisherCustomConsents);
  tc.publisherCustomLegitimateInterests.set(m.publisherCustomLegitimateInterests);
  return tc;
}

const ids = (vector) => Array.from(vector.values()).sort((a, b) => a - b);

// segmentsOf names the segments of s by the type in their first three bits,
// as TCString.decode reads them.
function segmentsOf(s) {
  return s.split('.').map((seg) => {
    const bits = Base64Url.decode(seg.charAt(0)).substr(0, BitLength.segmentType);
    return SegmentIDs.ID_TO_KEY[IntEncoder.decode(bits, BitLength.segmentType)];
  });
}

function read(s) {
  const tc = TCString.decode(s);
  const pr = tc.publisherRestrictions;
  return {
    created: tc.created.getTime(),
    lastUpdated: tc.lastUpdated.getTime(),
    cmpId: tc.cmpId,
    cmpVersion: tc.cmpVersion,
    consentScreen: tc.consentScreen,
    consentLanguage: tc.consentLanguage,
    vendorListVersion: tc.vendorListVersion,
    policyVersion: tc.policyVersion,
    isServiceSpecific: tc.isServiceSpecific,
    useNonStandardTexts: tc.useNonStandardTexts,
    specialFeatureOptins: ids(tc.specialFeatureOptins),
    purposeConsents: ids(tc.purposeConsents),
    purposeLegitimateInterests: ids(tc.purposeLegitimateInterests),
    purposeOneTreatment: tc.purposeOneTreatment,
    publisherCountryCode: tc.publisherCountryCode,
    vendorConsents: ids(tc.vendorConsents),
    vendorLegitimateInterests: ids(tc.vendorLegitimateInterests),
    publisherRestrictions: pr.getRestrictions().map((r) => ({
      purposeId: r.purposeId,
      restrictionType: r.restrictionType,
      vendors: pr.getVendors(r),
    })),
    segments: segmentsOf(s),
    vendorsDisclosed: ids(tc.vendorsDisclosed),
    vendorsAllowed: ids(tc.vendorsAllowed),
    publisherConsents: ids(tc.publisherConsents),
    publisherLegitimateInterests: ids(tc.publisherLegitimateInterests),
    numCustomPurposes: tc.numCustomPurposes,
    publisherCustomConsents: ids(tc.publisherCustomConsents),
    publisherCustomLegitimateInterests: ids(tc.publisherCustomLegitimateInterests),
  };
}

const [input, output] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(input, 'utf8'));
const results = cases.map(({ model, goString }) => {
  const res = { jsString: '', jsModel: null, error: '' };
  try {
    const tc = build(model);
    res.jsString = model.segments.map((seg) => SegmentEncoder.encode(tc, seg)).join('.');
  } catch (e) {
    res.error += `encode: ${e.message}; `;
  }
  try {
    res.jsModel = read(goString);
  } catch (e) {
    res.error += `decode: ${e.message}; `;
  }
  return res;
});
writeFileSync(output, JSON.stringify(results));
