// Issue 11, scale: `sopkit lint` over 10,000 / 50,000 / 100,000 small SOPs in one folder, with
// files, wall seconds and peak RSS (all threads) per run, so memory that grows with the file
// count (or time that grows faster than it) shows. Prints numbers; never asserts on them.
//   node scripts/build.mjs --only=cli,cli-worker && node bench/scale.mjs [--counts=10000,50000,100000] [--format=stylish]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const arg = (name, fallback) => (process.argv.find((a) => a.startsWith(`--${name}=`)) ?? `--${name}=${fallback}`).split('=')[1];
const counts = arg('counts', '10000,50000,100000').split(',').map(Number);
const formats = arg('format', 'stylish,json').split(',');

/** A small SOP (~600 bytes); one in ten has a finding so the report is not empty. */
function sop(i) {
  return `---
title: Procedure ${i}
format: article
owner: Support Lead
version: "1.0"
last_reviewed: 2026-06-01
---

# Procedure ${i}

## Purpose

Handle request ${i} on the first contact.${i % 10 === 0 ? ' TBD' : ''}

## Scope

Tier 1 agents.

## Process

1. Greet the customer.
2. Confirm the account.

## References

- Handbook

## Revision History

| Date | Version | Change |
| --- | --- | --- |
| 2026-06-01 | 1.0 | First version |
`;
}

console.log('files      format   wall s   µs/file   peak RSS MB   exit');
for (const count of counts) {
  const dir = mkdtempSync(join(tmpdir(), 'sopkit-scale-'));
  mkdirSync(join(dir, 'sops'));
  for (let i = 0; i < count; i++) writeFileSync(join(dir, 'sops', `${String(i).padStart(6, '0')}.md`), sop(i));
  for (const format of formats) {
    const t0 = performance.now();
    // GNU time reports the peak resident set of the process (worker threads included).
    const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'bin/sopkit.cjs'), 'lint', 'sops', '--today', '2026-11-23', '-f', format], {
      cwd: dir, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' },
    });
    const seconds = (performance.now() - t0) / 1000;
    const peakKb = Number(run.stderr.trim().split('\n').pop());
    console.log(`${String(count).padEnd(10)} ${format.padEnd(8)} ${seconds.toFixed(1).padStart(6)}   ${((seconds * 1e6) / count).toFixed(0).padStart(7)}   ${(peakKb / 1024).toFixed(0).padStart(11)}   ${run.status}`);
  }
  rmSync(dir, { recursive: true, force: true });
}
