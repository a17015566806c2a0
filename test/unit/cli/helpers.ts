/** Runs the CLI in-process against temporary folders, capturing its output and exit code. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runCli } from '../../../src/cli/program.js';
import { SOPKIT_VERSION, type CliIo } from '../../../src/cli/io.js';

export interface CliRun { code: number; stdout: string; stderr: string }

export async function sopkit(cwd: string, args: string[], io: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    color: false,
    version: SOPKIT_VERSION,
    verbose: false,
    resolve: (p) => resolve(cwd, p),
    readStdin: async () => Buffer.alloc(0),
    ...io,
  });
  return { code, stdout, stderr };
}

const made: string[] = [];

/** A fresh folder with these files (path → text or bytes). */
export function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sopkit-cli-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function cleanUpWorkspaces(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** An SOP that lints clean on 2026-11-23 with the default settings. */
export const CLEAN_SOP = `---
title: Answering Billing Calls
format: article
owner: Billing Support Lead
version: "1.1"
last_reviewed: 2026-06-01
---

# Answering Billing Calls

## Purpose

Resolve billing questions on the first call.

## Scope

All Tier 1 billing agents handling phone calls.

## Process

1. Greet the customer and confirm the account.
2. Open the latest invoice.
3. Explain each charge in plain words.

## References

- Billing policy handbook

## Revision History

| Date | Version | Change |
| --- | --- | --- |
| 2026-01-10 | 1.0 | First version |
| 2026-06-01 | 1.1 | Added invoice step |
`;

/** Only warnings: a placeholder left in the purpose. */
export const WARNING_SOP = CLEAN_SOP.replace('on the first call.', 'on the first call. TBD');

/** Errors and fixable problems: no scope, no references, a plain item among checkboxes. */
export const BROKEN_SOP = `---
title: Opening the Store
format: checklist
---

# Opening the Store

## Purpose

Open on time with everything ready.

## Process

- [ ] Unlock the doors
- Switch on the tills
- [ ] Check the float

## Revision History

- 2026-02-01 — v1.0 — First version
`;

export const TODAY = ['--today', '2026-11-23'];
