/**
 * Lints many files on every core: worker threads take batches from a shared queue (so a slow
 * file does not hold up the rest) while the main thread reads files and writes results.
 * Small runs lint inline, where starting threads would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '../core/index.js';
import { lintText } from './lint-text.js';
import type { LintOutcome } from './results.js';

export interface LintJob { index: number; text: string; optionsId: number }
export interface WorkerInit { optionsTable: LintOptions[]; fix: boolean; headings?: boolean }
export interface WorkerBatch { items: LintJob[] }
export interface WorkerReply { outcomes: { index: number; outcome: LintOutcome }[] }

/** Below this much work, threads cost more to start than they save. */
const MIN_FILES_FOR_WORKERS = 32;
const MIN_BYTES_FOR_WORKERS = 256 * 1024;

/** The bundled worker next to dist/cli.cjs; undefined when running from sources (then: inline). */
function workerScript(): string | undefined {
  return typeof __dirname === 'string' && __dirname.replace(/\\/g, '/').endsWith('/dist') ? join(__dirname, 'cli-worker.cjs') : undefined;
}

/** Extra worker threads to start; the main thread lints too, so N threads means N - 1 workers. */
export function plannedWorkers(jobs: LintJob[], requested: number | 'auto'): number {
  if (!workerScript()) return 0;
  if (requested !== 'auto') return Math.max(0, Math.min(requested, jobs.length) - 1);
  const bytes = jobs.reduce((sum, j) => sum + j.text.length, 0);
  if (jobs.length < MIN_FILES_FOR_WORKERS || bytes < MIN_BYTES_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(availableParallelism(), 8) - 1);
}

/**
 * Lints every job. Workers take batches from a shared queue; the main thread (whose copy of the
 * core is loaded and warmed up anyway) takes one file at a time and yields between files so it
 * can hand out the next batch the moment a worker asks.
 */
export async function lintAll(jobs: LintJob[], init: WorkerInit, requested: number | 'auto'): Promise<{ outcomes: LintOutcome[]; threads: number }> {
  const outcomes: LintOutcome[] = new Array(jobs.length);
  const workers = plannedWorkers(jobs, requested);
  const lintHere = (job: LintJob) => { outcomes[job.index] = lintText(job.text, init.optionsTable[job.optionsId], init.fix, init.headings); };
  if (workers === 0) {
    jobs.forEach(lintHere);
    return { outcomes, threads: 1 };
  }
  const batchSize = Math.max(1, Math.min(25, Math.ceil(jobs.length / ((workers + 1) * 16))));
  let next = 0;
  const takeBatch = (): WorkerBatch | undefined => {
    if (next >= jobs.length) return undefined;
    const items = jobs.slice(next, next + batchSize);
    next += items.length;
    return { items };
  };
  const mainThread = (async () => {
    while (next < jobs.length) {
      lintHere(jobs[next++]);
      await new Promise((ready) => setImmediate(ready));
    }
  })();
  const threads = Array.from({ length: workers }, () => new Promise<void>((done, fail) => {
    const worker = new Worker(workerScript()!, { workerData: init });
    let inFlight = false;
    const feed = () => {
      const batch = takeBatch();
      inFlight = !!batch;
      if (batch) worker.postMessage(batch);
      else void worker.terminate().then(() => done());
    };
    worker.on('message', (reply: WorkerReply) => {
      for (const { index, outcome } of reply.outcomes) outcomes[index] = outcome;
      feed();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => (inFlight ? fail(new Error(`a lint worker stopped unexpectedly (exit code ${code})`)) : done()));
    feed();
  }));
  await Promise.all([mainThread, ...threads]);
  return { outcomes, threads: workers + 1 };
}
