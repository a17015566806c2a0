// `npm run fuzz`: the reliability properties with many more runs than `npm test`.
//   SOPKIT_FUZZ_RUNS=20000 npm run fuzz      more documents
//   SOPKIT_FUZZ_SEED=123 npm run fuzz        replay a failing run (fast-check prints the seed)
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['mocha', '--config', 'test/fuzz/.mocharc.json'], {
  stdio: 'inherit',
  env: process.env,
});
process.exit(run.status ?? 1);
