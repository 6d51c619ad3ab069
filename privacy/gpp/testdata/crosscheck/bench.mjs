// Times the official library's decoding of the string in bench.txt (a
// tcfeuv2 and a usnat section; pimkit's BenchmarkDecode decodes the same
// string): new GppModel(s).toObject(), which decodes every field of every
// section, as pimkit's Decode does (GppModel alone decodes lazily).
// Prints the median of 6 runs in microseconds per decode.
// Usage: node bench.mjs [iterations per run]
import { readFileSync } from 'node:fs';
import { GppModel } from '@iabgpp/cmpapi';

const s = readFileSync(new URL('bench.txt', import.meta.url), 'utf8').trim();
const n = Number(process.argv[2] || 20000);
for (let i = 0; i < 2000; i++) new GppModel(s).toObject(); // warm up the JIT
const runs = [];
for (let r = 0; r < 6; r++) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) new GppModel(s).toObject();
  runs.push(Number(process.hrtime.bigint() - t0) / n / 1000);
}
runs.sort((a, b) => a - b);
console.log(`@iabgpp/cmpapi decode: median ${((runs[2] + runs[3]) / 2).toFixed(2)} us/op over 6 runs of ${n} (${runs.map((x) => x.toFixed(2)).join(' ')})`);
