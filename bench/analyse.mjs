#!/usr/bin/env node
/**
 * Step 6 analysis, in memory: the time to analyse 100,000 indicator values (capaian, category,
 * comparison with the previous Triwulan and last year with the deviation flag, and the averages
 * per Bidang, per Sasaran and for the office) through the same pure function the API runs
 * (apps/api/src/analysis/compute.ts). The database reads are not counted. Goal: ≤ 1 s.
 * Usage: node bench/analyse.mjs [count]
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(root, 'apps/api');
// tsx (an API dependency) compiles the TypeScript source on the fly.
const requireApi = createRequire(path.join(api, 'package.json'));
const tsx = requireApi('tsx/cjs/api');
const { computeAnalysis } = tsx.require(path.join(api, 'src/analysis/compute.ts'), import.meta.url);
const { DEFAULT_SCALE } = tsx.require(path.join(root, 'packages/sop/src/index.ts'), import.meta.url);

const COUNT = Number(process.argv[2] ?? 100_000);
const GOAL_MS = 1000;
const POLARITIES = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'RANGE'];

// Deterministic pseudo-random data: 40 Bidang, 300 Sasaran, all three polarities, some missing
// values, some target 0, some with history far from now.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const history = (i) => ({ requestId: `r${i}`, year: 2026, triwulan: 2, label: 'Triwulan II 2026', target: 100, targetUpper: null, realisasi: Math.round(rnd() * 150) });
const indicators = Array.from({ length: COUNT }, (_, i) => {
  const polarity = POLARITIES[i % 3];
  const target = i % 97 === 0 ? 0 : Math.round(10 + rnd() * 90);
  return {
    id: `i${i}`,
    code: `IKU-${String(i).padStart(6, '0')}`,
    name: `Indikator ${i}`,
    sasaran: `Sasaran ${i % 300}`,
    satuan: '%',
    polarity,
    bidangId: `b${i % 40}`,
    bidangName: `Bidang ${i % 40}`,
    target,
    targetUpper: polarity === 'RANGE' ? target * 1.5 : null,
    realisasi: i % 50 === 0 ? null : Math.round(rnd() * 200 * 100) / 100,
    note: null,
    previous: i % 4 === 0 ? null : history(i),
    lastYear: i % 3 === 0 ? null : history(i),
  };
});

const run = () => computeAnalysis({ indicators, scale: DEFAULT_SCALE, thresholdPoints: 25 });
run(); // warm-up (JIT), not counted
const runs = 5;
const times = [];
let result;
for (let k = 0; k < runs; k++) {
  const t0 = process.hrtime.bigint();
  result = run();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(runs / 2)];
console.log(`analysed ${COUNT.toLocaleString('en')} indicator values: median ${median.toFixed(0)} ms of ${runs} runs (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)})`);
console.log(`office capaian ${result.office.average}, ${result.perBidang.length} Bidang, ${result.perSasaran.length} Sasaran, ${result.office.flaggedCount} flagged, ${result.office.missingCount} missing`);
console.log(`goal ≤ ${GOAL_MS} ms — ratio ${(median / GOAL_MS).toFixed(2)} (${median <= GOAL_MS ? 'met' : 'NOT met'})`);
process.exitCode = median <= GOAL_MS ? 0 : 1;
