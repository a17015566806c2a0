/**
 * Lints many files on every core: worker threads take batches from a shared queue (so a slow
 * file does not hold up the rest) while the main thread reads files and writes results.
 * Small runs lint inline, where starting threads would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '../core/options.js';
import { lintText } from './lint-text.js';
import type { LintOutcome } from './results.js';

export interface LintJob { index: number; text: string; optionsId: number }
export interface WorkerInit { optionsTable: LintOptions[]; fix: boolean }
export interface WorkerBatch { items: LintJob[] }
export interface WorkerReply { outcomes: { index: number; outcome: LintOutcome }[] }

/** Below this much work, threads cost more to start than they save. */
const MIN_FILES_FOR_WORKERS = 32;
const MIN_BYTES_FOR_WORKERS = 256 * 1024;

/** The bundled worker next to dist/cli.cjs; undefined when running from sources (then: inline). */
function workerScript(): string | undefined {
  return typeof __dirname === 'string' && __dirname.replace(/\\/g, '/').endsWith('/dist') ? join(__dirname, 'cli-worker.cjs') : undefined;
}

export function plannedThreads(jobs: LintJob[], requested: number | 'auto'): number {
  if (!workerScript()) return 0;
  if (requested !== 'auto') return requested <= 1 ? 0 : Math.min(requested, jobs.length);
  const bytes = jobs.reduce((sum, j) => sum + j.text.length, 0);
  if (jobs.length < MIN_FILES_FOR_WORKERS || bytes < MIN_BYTES_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(availableParallelism(), 8));
}

export async function lintAll(jobs: LintJob[], init: WorkerInit, requested: number | 'auto'): Promise<{ outcomes: LintOutcome[]; threads: number }> {
  const outcomes: LintOutcome[] = new Array(jobs.length);
  const threads = plannedThreads(jobs, requested);
  if (threads === 0) {
    for (const job of jobs) outcomes[job.index] = lintText(job.text, init.optionsTable[job.optionsId], init.fix);
    return { outcomes, threads };
  }
  const batchSize = Math.max(1, Math.min(50, Math.ceil(jobs.length / (threads * 8))));
  let next = 0;
  const takeBatch = (): WorkerBatch | undefined => {
    if (next >= jobs.length) return undefined;
    const items = jobs.slice(next, next + batchSize);
    next += items.length;
    return { items };
  };
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((done, fail) => {
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
  })));
  return { outcomes, threads };
}
