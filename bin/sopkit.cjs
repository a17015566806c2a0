#!/usr/bin/env node
// The CLI is bundled to dist/cli.cjs by `npm run build` (and before `npm pack` / publishing).
//
// Parsing allocates short-lived objects by the million, and Node's default young generation makes
// the collector run far too often on a large SOP (the 10 MB one: see README "Performance"). The
// size can only be set when Node starts, so the first start runs the CLI again in a child Node
// with a larger young generation. The flag is passed explicitly rather than in a shebang, which
// Windows shims and `env` on some systems do not honour; a Node already started with it (by this
// file, or by a user's NODE_OPTIONS) runs the CLI in place. SOPKIT_NO_REEXEC=1 turns it off.
const FLAG = '--max-semi-space-size';
const SEMI_SPACE_MB = 64;

const alreadySet = process.execArgv.some((arg) => arg.startsWith(FLAG))
  || (process.env.NODE_OPTIONS ?? '').includes(FLAG)
  || process.env.SOPKIT_NO_REEXEC === '1';

if (alreadySet) {
  require('../dist/cli.cjs');
} else {
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, [`${FLAG}=${SEMI_SPACE_MB}`, ...process.execArgv, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl+C reaches both processes from the terminal; a signal sent to this one alone is passed on.
  const forward = (signal) => () => { child.kill(signal); };
  const signals = process.platform === 'win32' ? ['SIGINT', 'SIGBREAK'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward(signal));
  child.on('error', () => {
    if (child.pid !== undefined) return;
    // Could not start a second Node: run in this one, at the default size.
    for (const signal of signals) process.removeAllListeners(signal);
    require('../dist/cli.cjs');
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const s of signals) process.removeAllListeners(s);
      process.kill(process.pid, signal);
      return;
    }
    process.exitCode = code ?? 1;
  });
}
