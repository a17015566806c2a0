// `npm ci` / `npm install` in a checkout: apply patches/ to node_modules with patch-package, and fail
// the install when a patch no longer applies or was made for another version (the patches are
// pinned: micromark+4.0.3.patch must meet micromark 4.0.3). An install without the dev
// dependencies (the published CLI, whose bundle already carries the patched code) has nothing to
// patch and skips it, and so does the installed package (`npm install sopkit`), which ships no
// patches/ folder: a patch-package that the installing project has must not run on sopkit's behalf.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

if (!existsSync(new URL('../patches/', import.meta.url))) process.exit(0);
const require = createRequire(import.meta.url);
let bin;
try {
  bin = require.resolve('patch-package/index.js');
} catch {
  process.exit(0);
}
const run = spawnSync(process.execPath, [bin, '--error-on-fail', '--error-on-warn'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
