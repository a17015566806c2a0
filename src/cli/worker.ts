/**
 * A lint worker thread: receives batches of already-read texts with the id of their (already
 * resolved) options and sends back the outcomes. Options arrive once, in workerData, so a team
 * schema is compiled once per worker and nothing is parsed twice.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '../core/index.js';
import { lintText } from './lint-text.js';
import type { WorkerBatch, WorkerInit, WorkerReply } from './pool.js';

const init = workerData as WorkerInit;

parentPort?.on('message', (batch: WorkerBatch) => {
  const outcomes = batch.items.map((item) => {
    const options: LintOptions = init.optionsTable[item.optionsId];
    return { index: item.index, outcome: lintText(item.text, options, init.fix, init.headings) };
  });
  parentPort!.postMessage({ outcomes } satisfies WorkerReply);
});
