// Preloaded (node --require) into each benchmarked process: on exit, appends the process's CPU
// time (all threads, user + system) to $BENCH_CPU_FILE, so busy machines still give a fair figure.
const { appendFileSync } = require('node:fs');

process.on('exit', () => {
  if (!process.env.BENCH_CPU_FILE) return;
  const { user, system } = process.cpuUsage();
  appendFileSync(process.env.BENCH_CPU_FILE, `${JSON.stringify({ cpuMs: (user + system) / 1000 })}\n`);
});
