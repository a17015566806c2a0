/** The `sopkit` executable (bundled to dist/cli.cjs, started by bin/sopkit.cjs). */
import { processIo } from './io.js';
import { runCli } from './program.js';

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
