// Cross-check of pimkit's privacy/gpp against the IAB Tech Lab's official
// GPP library, @iabgpp/cmpapi (version pinned in package-lock.json).
//
// Usage: node crosscheck.mjs IN.json OUT.json
//
// IN is an array of cases {goString, ops}: pimkit's encoding of a random
// GPP model, and the same model as GppModel.setFieldValue calls
// [section, field, value] in the order the library needs (dates last, as
// setting any tcfeuv2 or tcfcav1 field stamps Created and LastUpdated with
// the current time). For each case this script
//   - builds a GppModel from the calls and encodes it (jsString), and
//   - decodes goString with new GppModel(goString) and reports getSection
//     for every section its header lists (jsSections), with dates as
//     milliseconds and RangeEntry objects as {key, type, ids}.
// OUT is an array of {jsString, jsSections, error}. The Go test compares.
import { readFileSync, writeFileSync } from 'node:fs';
import { GppModel, RangeEntry } from '@iabgpp/cmpapi';

function value(v) {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    if ('date' in v) return new Date(v.date);
    if ('ranges' in v) return v.ranges.map((r) => new RangeEntry(r.key, r.type, r.ids));
  }
  return v;
}

function plain(v) {
  if (v instanceof Date) return v.getTime();
  if (v instanceof RangeEntry) return { key: v.getKey(), type: v.getType(), ids: v.getIds() };
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

const [input, output] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(input, 'utf8'));
const results = cases.map(({ goString, ops }) => {
  const res = { jsString: '', jsSections: null, error: '' };
  try {
    const m = new GppModel();
    for (const [section, field, v] of ops) m.setFieldValue(section, field, value(v));
    res.jsString = m.encode();
  } catch (e) {
    res.error += `encode: ${e.message}; `;
  }
  try {
    const m = new GppModel(goString);
    const sections = {};
    for (const [key, obj] of Object.entries(m.toObject())) {
      const o = {};
      for (const [f, v] of Object.entries(obj)) o[f] = plain(v);
      sections[key] = o;
    }
    res.jsSections = sections;
  } catch (e) {
    res.error += `decode: ${e.message}; `;
  }
  return res;
});
writeFileSync(output, JSON.stringify(results));
