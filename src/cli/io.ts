/** Where a CLI run reads and writes: the real process in `main.ts`, buffers in tests. */
import { resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { MAX_TEXT_BYTES, MAX_TEXT_LABEL } from './safe-fs.js';

/** Thrown by readStdin past the cap (a usage problem: exit 2 with one line). */
export class StdinTooLarge extends Error {}

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** ANSI colours in human output. */
  color: boolean;
  version: string;
  /** SOPKIT_DEBUG=1: cache statistics and stack traces of internal errors. */
  verbose: boolean;
  resolve(path: string): string;
  /** Everything on standard input (for `lint --stdin`). */
  readStdin(): Promise<Buffer>;
}

export const SOPKIT_VERSION: string = pkg.version;

/** Colours only on a terminal, and never when NO_COLOR is set (FORCE_COLOR turns them on). */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return !!stream.isTTY && env.TERM !== 'dumb';
}

export function processIo(): CliIo {
  const cwd = process.cwd();
  return {
    cwd,
    stdout: (text) => { process.stdout.write(text); },
    stderr: (text) => { process.stderr.write(text); },
    color: wantsColor(process.stdout, process.env),
    version: SOPKIT_VERSION,
    verbose: !!process.env.SOPKIT_DEBUG,
    resolve: (path) => resolve(cwd, path),
    readStdin: async () => {
      // Capped like every read: a stream that never ends (cat /dev/zero |) must not fill memory.
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        total += (chunk as Buffer).length;
        if (total > MAX_TEXT_BYTES) throw new StdinTooLarge(`standard input is larger than ${MAX_TEXT_LABEL}; nothing was linted`);
      }
      return Buffer.concat(chunks);
    },
  };
}
