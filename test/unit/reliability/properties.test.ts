/** Bounded property runs for `npm test`; `npm run fuzz` runs the same properties many more times. */
import { registerConfigProperties } from './config-properties.js';
import { registerProperties, stats } from './properties.js';

describe('reliability: properties (bounded)', function () {
  this.timeout(120_000);
  after(() => {
    console.log(`      fuzzed ${stats.documents} documents, rendered ${stats.rendered}, applied ${stats.fixesApplied} fixes, ${stats.xssPayloads} XSS payloads`);
  });
  registerProperties({ text: 300, sop: 100, fixes: 60 });
  registerConfigProperties(150);
});
