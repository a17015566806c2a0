#!/usr/bin/env node
// The CLI is bundled to dist/cli.cjs by `npm run build` (and before `npm pack` / publishing).
require('../dist/cli.cjs');
