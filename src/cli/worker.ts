/**
 * A lint worker thread: receives batches of already-read texts with the id of their (already
 * resolved) options and sends back the outcomes. Options arrive once, in workerData, so a team
 * schema is compiled once per worker and nothing is parsed twice.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintJobText } from './lint-text.js';
import type { WorkerBatch, WorkerReply } from './pool.js';
import type { WorkerInit } from './lint-job.js';

const init = workerData as WorkerInit;

parentPort?.on('message', (batch: WorkerBatch) => {
  const outcomes = batch.items.map((item) => ({ index: item.index, outcome: lintJobText(item, init) }));
  parentPort!.postMessage({ outcomes } satisfies WorkerReply);
});
