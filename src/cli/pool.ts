/**
 * Lints many files on every core: worker threads take batches from a shared queue (so a slow
 * file does not hold up the rest) while the main thread reads files and writes results.
 * Small runs lint inline, where starting threads would cost more than it saves.
 *
 * Jobs are pulled from a source as they are needed and handed back as soon as they are linted,
 * so only the files in flight are held in memory, however many files the run has.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintJob, WorkerInit } from './lint-job.js';
import { lintJobText } from './lint-text.js';
import type { LintOutcome } from './results.js';

export type { LintJob, WorkerInit } from './lint-job.js';
export interface WorkerBatch { items: LintJob[] }
export interface WorkerReply { outcomes: { index: number; outcome: LintOutcome }[] }

/** Below this much work, threads cost more to start than they save. */
const MIN_FILES_FOR_WORKERS = 32;
const MIN_BYTES_FOR_WORKERS = 256 * 1024;

/** The bundled worker next to dist/cli.cjs; undefined when running from sources (then: inline). */
function workerScript(): string | undefined {
  return typeof __dirname === 'string' && __dirname.replace(/\\/g, '/').endsWith('/dist') ? join(__dirname, 'cli-worker.cjs') : undefined;
}

/** `--concurrency` never starts more threads than this (each worker loads its own copy of the core). */
export const MAX_THREADS = 16;

/** Extra worker threads to start for these first jobs (all of them, if the source ran dry); the main thread lints too. */
export function plannedWorkers(first: LintJob[], sourceDry: boolean, requested: number | 'auto'): number {
  if (!workerScript()) return 0;
  if (requested !== 'auto') return Math.max(0, Math.min(sourceDry ? Math.min(requested, first.length) : requested, MAX_THREADS) - 1);
  const bytes = first.reduce((sum, j) => sum + j.text.length, 0);
  if (first.length < MIN_FILES_FOR_WORKERS || bytes < MIN_BYTES_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(availableParallelism(), 8) - 1);
}

/**
 * Lints every job `next()` gives until it returns undefined, calling `done` for each as soon as
 * it is linted (in any order). Workers take batches; the main thread (whose copy of the core is
 * loaded and warmed up anyway) takes one file at a time and yields between files so it can hand
 * out the next batch the moment a worker asks. `expected` (an upper bound of the job count)
 * sizes the batches.
 */
export async function lintStream(next: () => LintJob | undefined, done: (job: LintJob, outcome: LintOutcome) => void, init: WorkerInit, requested: number | 'auto', expected: number): Promise<{ threads: number }> {
  // Enough jobs to decide whether threads pay off; bounded by the thresholds, not by the run.
  const first: LintJob[] = [];
  let bytes = 0;
  let dry = false;
  const wanted = requested === 'auto' ? MIN_FILES_FOR_WORKERS : Math.max(1, requested);
  while (first.length < wanted || (requested === 'auto' && bytes < MIN_BYTES_FOR_WORKERS)) {
    const job = next();
    if (!job) { dry = true; break; }
    first.push(job);
    bytes += job.text.length;
  }
  const workers = plannedWorkers(first, dry, requested);
  let taken = 0;
  const take = (): LintJob | undefined => {
    if (taken < first.length) {
      const job = first[taken];
      first[taken++] = undefined as never; // let it go once linted
      return job;
    }
    if (dry) return undefined;
    const job = next();
    if (!job) dry = true;
    return job;
  };
  const lintHere = (job: LintJob) => done(job, lintJobText(job, init));
  if (workers === 0) {
    for (let job = take(); job; job = take()) lintHere(job);
    return { threads: 1 };
  }
  const batchSize = Math.max(1, Math.min(25, Math.ceil(expected / ((workers + 1) * 16))));
  const inFlight = new Map<number, LintJob>();
  const takeBatch = (): WorkerBatch | undefined => {
    const items: LintJob[] = [];
    while (items.length < batchSize) {
      const job = take();
      if (!job) break;
      items.push(job);
      inFlight.set(job.index, job);
    }
    return items.length ? { items } : undefined;
  };
  let failure: unknown;
  const mainThread = (async () => {
    for (let job = take(); job && failure === undefined; job = take()) {
      lintHere(job);
      await new Promise((ready) => setImmediate(ready));
    }
  })();
  const threads = Array.from({ length: workers }, () => new Promise<void>((resolveThread, fail) => {
    const worker = new Worker(workerScript()!, { workerData: init });
    let busy = false;
    const feed = () => {
      const batch = failure === undefined ? takeBatch() : undefined;
      busy = !!batch;
      if (batch) worker.postMessage(batch);
      else void worker.terminate().then(() => resolveThread());
    };
    worker.on('message', (reply: WorkerReply) => {
      try {
        for (const { index, outcome } of reply.outcomes) {
          const job = inFlight.get(index)!;
          inFlight.delete(index);
          done(job, outcome);
        }
      } catch (error) {
        failure = error;
        fail(error);
        return;
      }
      feed();
    });
    worker.on('error', (error) => { failure = error; fail(error); });
    worker.on('exit', (code) => (busy ? fail(new Error(`a lint worker stopped unexpectedly (exit code ${code})`)) : resolveThread()));
    feed();
  }));
  await Promise.all([mainThread, ...threads]);
  return { threads: workers + 1 };
}
