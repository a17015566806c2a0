/**
 * The long fuzz run (`npm run fuzz`): the reliability properties with many more documents.
 * SOPKIT_FUZZ_RUNS sets the SOP-shaped document count (default 5,000; arbitrary text gets twice
 * as many, fix checks half); SOPKIT_FUZZ_SEED replays a run.
 */
import { registerConfigProperties } from '../unit/reliability/config-properties.js';
import { registerProperties, stats } from '../unit/reliability/properties.js';

const runs = Number(process.env.SOPKIT_FUZZ_RUNS ?? 5_000);
const seed = process.env.SOPKIT_FUZZ_SEED ? Number(process.env.SOPKIT_FUZZ_SEED) : undefined;

describe(`fuzz: reliability properties (${runs} SOP-shaped documents)`, function () {
  this.timeout(0);
  after(() => {
    console.log(`\n  fuzzed ${stats.documents} documents (${stats.rendered} rendered), applied ${stats.fixesApplied} fixes, ${stats.xssPayloads} XSS payloads`);
  });
  registerProperties({ text: runs * 2, sop: runs, fixes: Math.max(10, Math.round(runs / 2)), seed });
  registerConfigProperties(Math.max(100, Math.round(runs / 5)), seed);
});
